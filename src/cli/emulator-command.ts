import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/index.js';
import type { EmulatorOptions, EmulatorSeed, FaultRule } from '../emulator/types.js';
import { ENDPOINTS, type EndpointName, type RateLimitPreset } from '../pylon-api/index.js';
import type { CliIO } from './io.js';

export const EMULATOR_HELP = `Usage: pylon-kb emulator [options]

Runs the Pylon API emulator (a local HTTP server that behaves like Pylon's API) until interrupted.
See docs/emulator.md.

Options:
      --port <n>                 port (default 4010; 0 picks a free one)
      --host <h>                 interface to listen on (default 127.0.0.1)
      --token <t>                the accepted bearer token (default pylon-emulator-token)
      --seed <file>              JSON seed: organisation, knowledge bases, users, teams (default: Acme Inc)
      --state <file>             load the store from this file and save it after every write
      --rate-limits <preset>     documented (60/20/10 per min) | raised (300/120/30) | off (default)
      --rate-limit <name=n>      per-endpoint override, e.g. createArticle=5 (repeatable)
      --time-scale <x>           length of a rate-limit minute, e.g. 0.01 => 600 ms (default 1)
      --faults <file>            JSON fault rules ({"rules": [...]} or [...]) to start with
      --duplicate-slugs <p>      allow (default) | reject duplicate article slugs in a KB
      --duplicate-redirects <p>  reject (default) | allow a second redirect from the same path
      --html-normalizer          store article HTML re-serialised like a rich-text editor
      --immutable-fields <m>     ignore (default) | reject slug/collection_id/author_user_id on PATCH
      --url-suffix <s>           title (default) | slug: the suffix of public article URLs
      --truto-token <t>          the Truto façade's token (default truto-emulator-token; docs/truto.md)
      --truto-account <id>       an integrated account of the Truto façade (repeatable; default acct-emulator-1)
      --truto-rate-limit         enforce Truto's 50 requests per 10 s (× time scale) per integrated account
  -h, --help                     this help
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  seed: { type: 'string' },
  state: { type: 'string' },
  'rate-limits': { type: 'string' },
  'rate-limit': { type: 'string', multiple: true },
  'time-scale': { type: 'string' },
  faults: { type: 'string' },
  'duplicate-slugs': { type: 'string' },
  'duplicate-redirects': { type: 'string' },
  'html-normalizer': { type: 'boolean' },
  'immutable-fields': { type: 'string' },
  'url-suffix': { type: 'string' },
  'truto-token': { type: 'string' },
  'truto-account': { type: 'string', multiple: true },
  'truto-rate-limit': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

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

async function toOptions(values: ReturnType<typeof parse>['values'], cwd: string): Promise<EmulatorOptions> {
  const options: EmulatorOptions = {
    port: number(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 4010,
  };
  if (values.host) options.host = values.host;
  if (values.token) options.token = values.token;
  if (values.seed) options.seed = (await readJson(resolve(cwd, values.seed), 'seed')) as EmulatorSeed;
  if (values.state) options.statePath = resolve(cwd, values.state);
  const preset =
    choice<RateLimitPreset>(values['rate-limits'], ['documented', 'raised', 'off'], 'rate-limits') ?? 'off';
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

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
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

/** `pylon-kb emulator`: start the emulator, print its URL and token, run until interrupted. */
export async function runEmulatorCommand(args: string[], io: CliIO): Promise<number> {
  let options: EmulatorOptions;
  try {
    const { values } = parse(args);
    if (values.help) {
      io.stdout.write(EMULATOR_HELP);
      return 0;
    }
    options = await toOptions(values, io.cwd);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n\n${EMULATOR_HELP}`);
    return 2;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    io.stderr.write(`error: could not start the emulator: ${(error as Error).message}\n`);
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
      `Knowledge base "${kb.title}" (${kb.slug}, id ${kb.id}): help center ${info.siteUrl}/ (or Host: ${kb.host})\n`,
    );
  }
  if (options.statePath)
    io.stdout.write(
      `State: ${options.statePath} (saved within 0.1 s of each write, and when the emulator stops)\n`,
    );
  io.stdout.write(`Admin: ${emulator.url}/_emulator/state\nPress Ctrl+C to stop.\n`);
  await interrupted(io.signal);
  await emulator.close();
  io.stdout.write('Emulator stopped.\n');
  return 0;
}
