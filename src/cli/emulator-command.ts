import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { startEmulator } from '../emulator/index.js';
import { BUILT_IN_SEEDS } from '../emulator/seeds/editor-kb.js';
import type { EmulatorOptions, EmulatorSeed, FaultRule } from '../emulator/types.js';
import { ENDPOINTS, type EndpointName, type RateLimitPreset } from '../pylon-api/index.js';
import { type CommandInput, type FlagValues, flagsOf } from './command-spec.js';
import { renderCommandHelp } from './help.js';
import type { CliIO } from './io.js';
import { parseFlags } from './parse.js';

class ArgError extends Error {}

function choice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new ArgError(`--${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function number(value: string | undefined, flag: string, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new ArgError(`--${flag}: invalid value "${value}"`);
  return n;
}

async function readJson(path: string, flag: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ArgError(`--${flag} ${path}: ${(error as Error).message}`);
  }
}

/** The names `--seed` takes besides a file: `default` (the built-in Acme seed) and the built-in seeds. */
const SEED_NAMES = ['default', ...Object.keys(BUILT_IN_SEEDS)];

/**
 * `--seed`: a built-in seed by name, else a JSON seed file. A value that is neither a name nor a file that
 * exists is named with the seeds there are and the closest one (`editorkb` → `editor-kb`).
 */
async function seedOption(value: string, cwd: string): Promise<EmulatorSeed | undefined> {
  if (value === 'default') return undefined;
  const builtIn = BUILT_IN_SEEDS[value];
  if (builtIn) return builtIn;
  const path = resolve(cwd, value);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT')
      throw new ArgError(`--seed ${value}: ${(error as Error).message}`);
    const guess = didYouMean(value, SEED_NAMES);
    throw new ArgError(
      `--seed ${value}: no such file, and not a built-in seed (${SEED_NAMES.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`,
    );
  }
  try {
    return JSON.parse(text) as EmulatorSeed;
  } catch (error) {
    throw new ArgError(`--seed ${value}: not JSON (${(error as Error).message})`);
  }
}

type EmulatorValues = {
  [K in
    | 'port'
    | 'host'
    | 'token'
    | 'seed'
    | 'state'
    | 'rate-limits'
    | 'time-scale'
    | 'faults'
    | 'keep-alive-timeout']?: string;
} & {
  [K in
    | 'duplicate-slugs'
    | 'duplicate-redirects'
    | 'immutable-fields'
    | 'url-suffix'
    | 'truto-token']?: string;
} & { 'rate-limit'?: string[]; 'truto-account'?: string[] } & {
  'html-normalizer'?: boolean;
  'rate-limit-headers'?: boolean;
  'live-reload'?: boolean;
  'truto-rate-limit'?: boolean;
};

async function toOptions(flags: FlagValues, cwd: string): Promise<EmulatorOptions> {
  const values = flags as EmulatorValues;
  const options: EmulatorOptions = {
    port: number(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 4010,
  };
  if (values.host) options.host = values.host;
  if (values.token) options.token = values.token;
  const keepAlive = number(
    values['keep-alive-timeout'],
    'keep-alive-timeout',
    (n) => Number.isInteger(n) && n > 0,
  );
  if (keepAlive !== undefined) options.keepAliveTimeoutMs = keepAlive;
  if (values.seed) {
    const seed = await seedOption(values.seed, cwd);
    if (seed) options.seed = seed;
  }
  if (values.state) options.statePath = resolve(cwd, values.state);
  const preset =
    choice<RateLimitPreset>(
      values['rate-limits'],
      ['documented', 'current', 'raised', 'off'],
      'rate-limits',
    ) ?? 'off';
  const overrides: Partial<Record<EndpointName, number>> = {};
  for (const item of values['rate-limit'] ?? []) {
    const [name, limit] = item.split('=');
    if (!(ENDPOINTS as readonly string[]).includes(name ?? '')) {
      throw new ArgError(`--rate-limit ${item}: unknown endpoint (one of ${ENDPOINTS.join(', ')})`);
    }
    overrides[name as EndpointName] = number(
      limit ?? '',
      'rate-limit',
      (n) => Number.isInteger(n) && n > 0,
    ) as number;
  }
  options.rateLimits = { preset, overrides };
  const timeScale = number(values['time-scale'], 'time-scale', (n) => n > 0);
  if (timeScale !== undefined) options.timeScale = timeScale;
  if (values.faults) {
    const doc = await readJson(resolve(cwd, values.faults), 'faults');
    options.faults = (Array.isArray(doc) ? doc : (doc as { rules?: unknown })?.rules) as FaultRule[];
  }
  const slugs = choice(values['duplicate-slugs'], ['allow', 'reject'], 'duplicate-slugs');
  if (slugs) options.duplicateSlugs = slugs;
  const redirects = choice(values['duplicate-redirects'], ['allow', 'reject'], 'duplicate-redirects');
  if (redirects) options.duplicateRedirects = redirects;
  if (values['html-normalizer']) options.htmlNormalizer = true;
  if (values['rate-limit-headers']) options.rateLimitHeaders = true;
  if (values['live-reload']) options.liveReload = true;
  const immutable = choice(values['immutable-fields'], ['ignore', 'reject'], 'immutable-fields');
  if (immutable) options.immutableFields = immutable;
  const suffix = choice(values['url-suffix'], ['title', 'slug'], 'url-suffix');
  if (suffix) options.urlSuffix = suffix;
  const truto: NonNullable<EmulatorOptions['truto']> = {};
  if (values['truto-token']) truto.token = values['truto-token'];
  if (values['truto-account']?.length) truto.accounts = values['truto-account'];
  if (values['truto-rate-limit']) truto.rateLimit = true;
  if (Object.keys(truto).length > 0) options.truto = truto;
  return options;
}

/** Resolves when `signal` aborts; without one, on SIGINT/SIGTERM of this process. */
function interrupted(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return new Promise((done) => {
      if (signal.aborted) done();
      else signal.addEventListener('abort', () => done(), { once: true });
    });
  }
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `pylon-kb emulator` as a function of its arguments (the bin goes through `main`, which parses first). */
export async function runEmulatorCommand(args: string[], io: CliIO): Promise<number> {
  const { COMMANDS } = await import('./command-list.js');
  const spec = COMMANDS.find((c) => c.name === 'emulator') as CommandInput['spec'];
  let input: CommandInput;
  try {
    const { values, positionals } = parseFlags(args, flagsOf(spec), 'emulator');
    if (positionals.length > 0)
      throw new ArgError(`emulator takes no arguments (got "${positionals.join(' ')}")`);
    input = { spec, values, positionals, io };
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n${SEE_HELP}\n`);
    return 2;
  }
  if (input.values.help === true) {
    io.stdout.write(`${renderCommandHelp(spec)}\n`);
    return 0;
  }
  return run(input);
}

/** What follows every error: where the flags are listed (the help itself is not repeated). */
const SEE_HELP = "See 'pylon-kb emulator --help'.";

/** Why the emulator did not start, in one line with what to do: a taken port names `--port`. */
function startFailure(error: unknown, options: EmulatorOptions): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'EADDRINUSE') {
    const where = `${options.host ?? '127.0.0.1'}:${options.port}`;
    return `could not start the emulator: port ${options.port} is taken (${where} is in use by another program). Pick another with --port <n>, or --port 0 for any free port.`;
  }
  if (code === 'EACCES') {
    return `could not start the emulator: no permission to listen on port ${options.port}. Pick a port above 1023 with --port <n>, or --port 0 for any free port.`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `could not start the emulator: cannot listen on host "${options.host}" (${message}). Use --host 127.0.0.1, or an address of this machine.`;
  }
  return `could not start the emulator: ${message}`;
}

/** `pylon-kb emulator`: start the emulator, print its URL and token, run until interrupted. */
export async function run({ values, io }: CommandInput): Promise<number> {
  let options: EmulatorOptions;
  try {
    options = await toOptions(values, io.cwd);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n${SEE_HELP}\n`);
    return 2;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    io.stderr.write(`error: ${startFailure(error, options)}\n`);
    return (error as { code?: string }).code === 'EADDRINUSE' ? 1 : 2;
  }
  io.stdout.write(`Pylon emulator listening on ${emulator.url}\n`);
  io.stdout.write(`Token: ${emulator.token}\n`);
  io.stdout.write(
    `Truto façade: ${emulator.url}/custom/… and /proxy/… (token ${emulator.truto.token}, integrated account ${emulator.truto.accounts.join(', ')})\n`,
  );
  const snapshot = emulator.snapshot();
  for (const kb of snapshot.knowledge_bases) {
    const info = emulator.kb(kb.slug);
    io.stdout.write(
      `Knowledge base "${kb.title}" (${kb.slug}, id ${kb.id}): help center ${info.siteUrl}/, drafts ${emulator.url}/_preview/${encodeURIComponent(kb.slug)}/ (or Host: ${kb.host})\n`,
    );
  }
  if (options.statePath) io.stdout.write(`State: ${options.statePath} (saved after every write)\n`);
  io.stdout.write(
    `Emulator state: ${emulator.url}/_emulator/ (a page; JSON at ${emulator.url}/_emulator/state)\nPress Ctrl+C to stop.\n`,
  );
  await interrupted(io.signal);
  await emulator.close();
  io.stdout.write('Emulator stopped.\n');
  return 0;
}
