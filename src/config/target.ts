import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RateLimitPreset } from '../pylon/types.js';
import { DEFAULT_EMULATOR_SEED, DEFAULT_PYLON_API_URL } from './defaults.js';
import type { ResolvedTarget, TargetConfig, TargetKind } from './types.js';

export interface TargetInputs {
  /** `target` from the config file (validated). */
  file: TargetConfig | undefined;
  /** `--target`. */
  flagKind: TargetKind | undefined;
  /** `PYLON_API_URL` / `PYLON_API_TOKEN`, already trimmed; empty means unset. */
  envApiUrl: string | undefined;
  envToken: string | undefined;
  /** The client's resolved rate limits: the emulator follows them unless its target says otherwise. */
  rateLimits: { preset: RateLimitPreset; timeScale: number };
  /** Whether `--time-scale` was given: it sets the clock of both sides, so it beats `target.timeScale`. */
  timeScaleFromFlag: boolean;
  rootDir: string;
  configPath: string | undefined;
}

/**
 * The target rule: an explicit `emulator` (flag, else config) wins; otherwise a token (env, else config)
 * means Pylon; otherwise there is no target, which is an error rather than a silent fallback so that CI
 * never "publishes" into an emulator because a secret was missing.
 */
export function resolveTarget(input: TargetInputs): { target: ResolvedTarget } | { error: Diagnostic } {
  const { file } = input;
  const explicit = input.flagKind ?? file?.kind;
  const token = input.envToken ?? (file?.kind === 'pylon' ? file.token : undefined);

  if (explicit === 'emulator') {
    const emulator = file?.kind === 'emulator' ? file : undefined;
    return {
      target: {
        kind: 'emulator',
        seed: emulator?.seed ?? DEFAULT_EMULATOR_SEED,
        state: emulator?.state ? resolve(input.rootDir, emulator.state) : null,
        rateLimits: emulator?.rateLimits ?? input.rateLimits.preset,
        timeScale: input.timeScaleFromFlag
          ? input.rateLimits.timeScale
          : (emulator?.timeScale ?? input.rateLimits.timeScale),
        htmlNormalizer: emulator?.htmlNormalizer ?? true,
      },
    };
  }

  if (token) {
    const apiUrl =
      input.envApiUrl ?? (file?.kind === 'pylon' ? file.apiUrl : undefined) ?? DEFAULT_PYLON_API_URL;
    return { target: { kind: 'pylon', apiUrl: apiUrl.replace(/\/+$/, ''), token } };
  }

  const why =
    explicit === 'pylon'
      ? 'The target is Pylon but no API token is set'
      : 'No publish target (no Pylon API token is set and the config does not choose the emulator)';
  return {
    error: {
      severity: 'error',
      code: 'config/invalid',
      message: `${why}. Set PYLON_API_TOKEN or use --target emulator.`,
      ...(input.configPath !== undefined ? { file: input.configPath } : {}),
      field: 'target',
      hint:
        'Export PYLON_API_TOKEN=<token> (made by a Pylon admin at https://app.usepylon.com/settings/api-tokens) to ' +
        "publish to Pylon, or pass --target emulator (or set target: { kind: 'emulator' } in the config) to publish " +
        'into the embedded emulator.',
    },
  };
}
