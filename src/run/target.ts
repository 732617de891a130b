import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import {
  type EmulatorOptions,
  type EmulatorSeed,
  type RunningEmulator,
  startEmulator,
} from '../emulator/index.js';
import { BUILT_IN_SEEDS } from '../emulator/seeds/editor-kb.js';
import type { ClientEvent } from '../pylon/api.js';
import { createPylonClient, createTrutoTransport, type PylonClient } from '../pylon/index.js';
import { InputError } from './errors.js';
import { readLearnedLimits, writeLearnedLimits } from './learned-limits-file.js';
import { targetKey } from './target-state-file.js';

export interface OpenTarget {
  client: PylonClient;
  /** Where the writes go, for messages (never contains the token). */
  description: string;
  /** The embedded emulator, when the target is one. */
  emulator?: RunningEmulator;
  /** Origin of the API the client talks to: files served under it count as hosted by Pylon (pull). */
  apiOrigin: string;
  close(): Promise<void>;
}

/** `target.seed`: a JSON seed file of the same shape as `pylon-kb emulator --seed` takes. */
async function readSeed(path: string): Promise<EmulatorSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read the emulator seed ${path} (target.seed): ${(error as Error).message}. Point target.seed at a JSON seed file (docs/emulator.md#seed), or leave it out for the built-in one.`,
    );
  }
  try {
    return JSON.parse(text) as EmulatorSeed;
  } catch (error) {
    throw new InputError(`The emulator seed ${path} (target.seed) is not JSON: ${(error as Error).message}.`);
  }
}

/** What a front may ask of an embedded emulator: where it listens, whether its help center reloads itself. */
export type EmbeddedEmulatorOptions = Pick<EmulatorOptions, 'port' | 'liveReload'>;

async function seedFor(seed: string): Promise<EmulatorSeed> {
  if (isAbsolute(seed)) return readSeed(seed);
  const builtIn = BUILT_IN_SEEDS[seed];
  if (builtIn) return builtIn;
  const names = ['default', ...Object.keys(BUILT_IN_SEEDS)];
  const guess = didYouMean(seed, names);
  throw new InputError(
    `target.seed "${seed}" is not a built-in seed (${names.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''} For a seed file, give its path (e.g. ./${seed}.json).`,
  );
}

async function startConfiguredEmulator(
  target: Extract<ResolvedConfig['target'], { kind: 'emulator' }>,
  options: EmbeddedEmulatorOptions = {},
): Promise<RunningEmulator> {
  const seed = target.seed === null ? undefined : await seedFor(target.seed);
  try {
    return await startEmulator({
      port: 0,
      ...options,
      ...(seed ? { seed } : {}),
      ...(target.state ? { statePath: target.state } : {}),
      rateLimits: target.rateLimits,
      timeScale: target.timeScale,
      htmlNormalizer: target.htmlNormalizer,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (seed && message.startsWith('Invalid emulator seed')) {
      throw new InputError(`${message} (in ${target.seed}, target.seed). See docs/emulator.md#seed.`);
    }
    throw error;
  }
}

/** Connects to the configured target: the Pylon API, Pylon through Truto, or an embedded emulator started for this run. */
export async function openTarget(
  config: ResolvedConfig,
  options: { onEvent?: (event: ClientEvent) => void; emulator?: EmbeddedEmulatorOptions } = {},
): Promise<OpenTarget> {
  const rateLimits = {
    preset: config.rateLimits.preset,
    overrides: config.rateLimits.overrides,
    timeScale: config.rateLimits.timeScale,
    learn: config.rateLimits.learn,
  };
  const common = {
    rateLimits,
    concurrency: config.concurrency,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const target = config.target;
  if (target.kind === 'emulator') {
    const emulator = await startConfiguredEmulator(target, options.emulator);
    const client = createPylonClient({
      ...common,
      baseUrl: emulator.url,
      token: emulator.token,
      // The client is told the embedded emulator's limits exactly: there is nothing to learn.
      rateLimits: { ...rateLimits, preset: target.rateLimits, timeScale: target.timeScale, learn: false },
    });
    return {
      client,
      emulator,
      apiOrigin: new URL(emulator.url).origin,
      description: `the embedded Pylon emulator at ${emulator.url}`,
      close: () => emulator.close(),
    };
  }
  const account = target.kind === 'truto' ? target.integratedAccountId : undefined;
  const key = targetKey(target.kind, target.apiUrl, target.token, account);
  const learn = config.rateLimits.learn;
  const learned = learn ? await readLearnedLimits(config.rootDir, key, Date.now()) : {};
  const limits = { ...common, rateLimits: { ...rateLimits, learned } };
  // What was learned is kept for the next run (best effort: a read-only checkout only loses the head start).
  const remember = (client: PylonClient) => async () => {
    if (!learn) return;
    await writeLearnedLimits(config.rootDir, key, client.learnedLimits(), Date.now()).catch(() => undefined);
  };
  if (target.kind === 'truto') {
    const transport = createTrutoTransport({
      apiUrl: target.apiUrl,
      token: target.token,
      integratedAccountId: target.integratedAccountId,
    });
    const client = createPylonClient({ ...limits, baseUrl: target.apiUrl, token: target.token, transport });
    return {
      client,
      apiOrigin: new URL(target.apiUrl).origin,
      description: `Pylon through Truto at ${target.apiUrl} (integrated account ${target.integratedAccountId})`,
      close: remember(client),
    };
  }
  const client = createPylonClient({ ...limits, baseUrl: target.apiUrl, token: target.token });
  return {
    client,
    apiOrigin: new URL(target.apiUrl).origin,
    description: `Pylon at ${target.apiUrl}`,
    close: remember(client),
  };
}
