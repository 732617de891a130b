import type { ResolvedConfig } from '../config/types.js';
import { type RunningEmulator, startEmulator } from '../emulator/index.js';
import type { ClientEvent } from '../pylon/api.js';
import { createPylonClient, createTrutoTransport, type PylonClient } from '../pylon/index.js';

export interface OpenTarget {
  client: PylonClient;
  /** Where the writes go, for messages (never contains the token). */
  description: string;
  /** The embedded emulator, when the target is one. */
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

/** Connects to the configured target: the Pylon API, Pylon through Truto, or an embedded emulator started for this run. */
export async function openTarget(
  config: ResolvedConfig,
  options: { onEvent?: (event: ClientEvent) => void } = {},
): Promise<OpenTarget> {
  const rateLimits = {
    preset: config.rateLimits.preset,
    overrides: config.rateLimits.overrides,
    timeScale: config.rateLimits.timeScale,
  };
  const common = {
    rateLimits,
    concurrency: config.concurrency,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  const target = config.target;
  if (target.kind === 'emulator') {
    const emulator = await startEmulator({
      port: 0,
      ...(target.state ? { statePath: target.state } : {}),
      rateLimits: target.rateLimits,
      timeScale: target.timeScale,
      htmlNormalizer: target.htmlNormalizer,
    });
    const client = createPylonClient({
      ...common,
      baseUrl: emulator.url,
      token: emulator.token,
      rateLimits: { ...rateLimits, preset: target.rateLimits, timeScale: target.timeScale },
    });
    return {
      client,
      emulator,
      description: `the embedded Pylon emulator at ${emulator.url}`,
      close: () => emulator.close(),
    };
  }
  if (target.kind === 'truto') {
    const transport = createTrutoTransport({
      apiUrl: target.apiUrl,
      token: target.token,
      integratedAccountId: target.integratedAccountId,
    });
    const client = createPylonClient({ ...common, baseUrl: target.apiUrl, token: target.token, transport });
    return {
      client,
      description: `Pylon through Truto at ${target.apiUrl} (integrated account ${target.integratedAccountId})`,
      close: async () => {},
    };
  }
  const client = createPylonClient({ ...common, baseUrl: target.apiUrl, token: target.token });
  return { client, description: `Pylon at ${target.apiUrl}`, close: async () => {} };
}
