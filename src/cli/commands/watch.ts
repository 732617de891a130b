import { relative } from 'node:path';
import { openTarget } from '../../run/index.js';
import {
  DEFAULT_REFRESH_INTERVAL_MS,
  formatClientEvent,
  formatWatchEvent,
  startWatch,
  type WatchFormatOptions,
  type WatchSession,
} from '../../watch/index.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import type { CliIO } from '../io.js';
import { useColor } from '../output.js';
import { boundedNumberValue } from '../parse.js';
import { clientEvents } from '../request-log.js';
import { sitePages } from '../serve.js';

/** On a terminal, `r` + Enter re-reads the knowledge base now. Returns the clean-up. */
function listenForRefresh(io: CliIO, session: WatchSession): () => void {
  const stdin = process.stdin;
  if (io.stdout.isTTY !== true || stdin.isTTY !== true) return () => {};
  const onData = (chunk: Buffer | string) => {
    if (String(chunk).trim().toLowerCase() === 'r') void session.refresh();
  };
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.pause();
  };
}

function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return; // the bin always passes one; without it, watch runs until the process ends
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** `pylon-kb watch`: applies each save to the knowledge base (drafts by default) until Ctrl-C. */
export async function run(input: CommandInput): Promise<number> {
  const { values, io } = input;
  const refreshSeconds = boundedNumberValue(values, 'refresh-interval', 86_400, { whole: false });
  const publish = typeof values.publish === 'boolean' ? values.publish : undefined;
  // --debounce goes through the config layers (watch.debounceMs), like every config flag.
  const config = await loadCliConfig(input);
  const format: WatchFormatOptions = { color: useColor(io) };
  const write = (stream: 'out' | 'err', text: string) =>
    (stream === 'out' ? io.stdout : io.stderr).write(`${text}\n`);

  const target = await openTarget(config, {
    onEvent: clientEvents(input, (event) => {
      const line = formatClientEvent(event, Date.now(), format);
      if (line) write('out', line);
    }),
  });
  format.emulatorUrl = target.emulator?.url;
  if (target.emulator) {
    const pages = sitePages(target.emulator, config.knowledgeBase);
    format.pageUrl = pages.page;
    format.homeUrl = pages.home;
  }
  let session: WatchSession | undefined;
  let stopListening = () => {};
  try {
    const refreshIntervalMs =
      refreshSeconds === undefined ? DEFAULT_REFRESH_INTERVAL_MS : Math.round(refreshSeconds * 1000);
    const dir = relative(io.cwd, config.contentDir) || '.';
    const every = refreshIntervalMs > 0 ? `every ${refreshIntervalMs / 1000} s` : 'never on a timer';
    const key = io.stdout.isTTY === true && process.stdin.isTTY === true ? '; r + Enter re-reads now' : '';
    write('out', `Watching ${dir} → ${target.description}. Ctrl-C stops.`);
    write('out', `Changes made by others are re-read from the knowledge base ${every}${key}.`);
    session = await startWatch({
      config,
      client: target.client,
      publish,
      refreshIntervalMs,
      renderCache: values['no-cache'] !== true,
      reloadConfig: () => loadCliConfig(input),
      onEvent: (event) => {
        for (const line of formatWatchEvent(event, format)) write(line.stream, line.text);
      },
    });
    stopListening = listenForRefresh(io, session);
    await stopped(io.signal);
    write('out', 'Stopping: writes in flight finish first…');
    const closing = session.close();
    await target.client.close();
    await closing;
    return 0;
  } finally {
    stopListening();
    await session?.close();
    await target.client.close();
    await target.close();
  }
}
