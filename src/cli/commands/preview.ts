import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { openTarget } from '../../run/index.js';
import {
  formatClientEvent,
  formatWatchEvent,
  startWatch,
  type WatchEvent,
  type WatchFormatOptions,
  type WatchSession,
} from '../../watch/index.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { useColor } from '../output.js';
import { boundedNumberValue } from '../parse.js';
import { documentPath, pageOfFile } from '../preview-page.js';
import { clientEvents } from '../request-log.js';
import { sitePages, untilInterrupted } from '../serve.js';

/** Opens the URL in the system's browser; a machine without one just keeps the printed URL. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no browser launcher: the URL is printed
  }
}

/**
 * `pylon-kb preview [file]`: watch mode against an embedded emulator whose help center reloads itself.
 * No account and no token; nothing leaves this machine. Opens on the page of `file` (else the home page).
 */
export async function run(input: CommandInput): Promise<number> {
  const { values, positionals, io } = input;
  const port = boundedNumberValue(values, 'port', 65_535, { whole: true });
  // --debounce goes through the config layers (watch.debounceMs), like every config flag.
  const config = await loadCliConfig(input, { forceEmulator: true });
  const file = positionals[0] === undefined ? null : documentPath(config, io.cwd, positionals[0]);
  const format: WatchFormatOptions = { color: useColor(io) };
  const write = (stream: 'out' | 'err', text: string) =>
    (stream === 'out' ? io.stdout : io.stderr).write(`${text}\n`);
  const target = await openTarget(config, {
    emulator: { liveReload: true, ...(port !== undefined ? { port } : {}) },
    onEvent: clientEvents(input, (event) => {
      const line = formatClientEvent(event, Date.now(), format);
      if (line) write('out', line);
    }),
  });
  const emulator = target.emulator;
  if (!emulator) throw new Error('preview needs the embedded emulator');
  const pages = sitePages(emulator, config.knowledgeBase);
  format.emulatorUrl = emulator.url;
  format.pageUrl = pages.page;
  let session: WatchSession | undefined;
  let started = false;
  let initialWrites = 0;
  const onEvent = (event: WatchEvent) => {
    // The start-up sync is summed up in one line; after it, every save is reported as watch reports it.
    if (!started && (event.type === 'result' || event.type === 'ready')) {
      if (event.type === 'result') initialWrites++;
      return;
    }
    for (const line of formatWatchEvent(event, format)) write(line.stream, line.text);
  };
  try {
    const dir = relative(io.cwd, config.contentDir) || '.';
    write('out', `Previewing ${dir} in a local help center (nothing is sent to Pylon).`);
    session = await startWatch({
      config,
      client: target.client,
      publish: values.publish !== false,
      refreshIntervalMs: 0,
      renderCache: values['no-cache'] !== true,
      reloadConfig: () => loadCliConfig(input, { forceEmulator: true }),
      onEvent,
    });
    await session.initialSync;
    started = true;
    const page = file ? await pageOfFile(config, emulator, pages, file) : { url: pages.home, found: true };
    write('out', `Published ${initialWrites} changes into the local help center.`);
    if (file && !page.found)
      write('err', `${file} has no page yet (see the problems above); opening the home page.`);
    write('out', `\nPreview: ${page.url}\n`);
    write('out', 'Each save re-renders and the open page reloads itself. Ctrl-C stops.');
    if (values.open === true) openBrowser(page.url);
    await untilInterrupted(io.signal);
    write('out', 'Stopping…');
    return 0;
  } finally {
    await session?.close();
    await target.client.close();
    await target.close();
  }
}
