import type { ResolvedConfig } from '../config/types.js';
import { type RunningEmulator, startEmulator } from '../emulator/index.js';
import type { ClientEvent } from '../pylon/api.js';
import { createPylonClient, type PylonClient } from '../pylon/index.js';

export interface OpenTarget {
  client: PylonClient;
  /** Where the writes go, for messages (never contains the token). */
  description: string;
  /** The embedded emulator, when the target is one. */
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

/** Connects to the configured target: the Pylon API, or an embedded emulator started for this run. */
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
  const client = createPylonClient({ ...common, baseUrl: target.apiUrl, token: target.token });
  return { client, description: `Pylon at ${target.apiUrl}`, close: async () => {} };
}
