import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_TRUTO_API_URL, type RateLimitPreset } from '../pylon-api/index.js';
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
  /** `TRUTO_API_URL` / `TRUTO_API_TOKEN` / `TRUTO_INTEGRATED_ACCOUNT_ID`, already trimmed; empty means unset. */
  envTruto: {
    apiUrl: string | undefined;
    token: string | undefined;
    integratedAccountId: string | undefined;
  };
  /** `--truto-account`: names the integrated account and, without `--target`, chooses Truto. */
  flagTrutoAccount: string | undefined;
  /** The client's resolved rate limits; an embedded emulator enforces only what its target sets (default off). */
  rateLimits: { preset: RateLimitPreset; timeScale: number };
  /** Whether `--time-scale` was given: it sets the clock of both sides, so it beats `target.timeScale`. */
  timeScaleFromFlag: boolean;
  rootDir: string;
  configPath: string | undefined;
}

/** `target.seed`: `null` for the default seed, a built-in seed's name as given, else a file's absolute path. */
function seedOf(seed: string | undefined, rootDir: string): string | null {
  if (seed === undefined || seed === DEFAULT_EMULATOR_SEED) return null;
  return /^[a-z0-9-]+$/.test(seed) ? seed : resolve(rootDir, seed);
}

type TargetResult = { target: ResolvedTarget } | { error: Diagnostic };

/**
 * The target rule: an explicit kind (`--target`, else `--truto-account` meaning Truto, else the config
 * file) wins; otherwise a Pylon token (env, else config) means Pylon, and a Truto token without one means
 * Truto; otherwise there is no target, which is an error rather than a silent fallback so that CI never
 * "publishes" into an emulator because a secret was missing.
 */
export function resolveTarget(input: TargetInputs): TargetResult {
  const { file } = input;
  const explicit =
    input.flagKind ?? (input.flagTrutoAccount !== undefined ? 'truto' : undefined) ?? file?.kind;
  const token = input.envToken ?? (file?.kind === 'pylon' ? file.token : undefined);
  if (explicit === 'truto' || (explicit === undefined && !token && input.envTruto.token)) {
    return resolveTruto(input);
  }

  if (explicit === 'emulator') {
    const emulator = file?.kind === 'emulator' ? file : undefined;
    return {
      target: {
        kind: 'emulator',
        seed: seedOf(emulator?.seed, input.rootDir),
        state: emulator?.state ? resolve(input.rootDir, emulator.state) : null,
        // The embedded emulator is ours: it enforces no limit (so nothing paces) unless asked to.
        rateLimits: emulator?.rateLimits ?? 'off',
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
        'into the embedded emulator. To reach Pylon through Truto, export TRUTO_API_TOKEN and pass --truto-account ' +
        '<id> (see docs/truto.md).',
    },
  };
}

function targetError(input: TargetInputs, field: string, message: string, hint: string): TargetResult {
  return {
    error: {
      severity: 'error',
      code: 'config/invalid',
      message,
      ...(input.configPath !== undefined ? { file: input.configPath } : {}),
      field,
      hint,
    },
  };
}

/** Truto: token from `TRUTO_API_TOKEN` (else the config), account from the flag, the env, else the config. */
function resolveTruto(input: TargetInputs): TargetResult {
  const file = input.file?.kind === 'truto' ? input.file : undefined;
  const token = input.envTruto.token ?? file?.token;
  const account = input.flagTrutoAccount ?? input.envTruto.integratedAccountId ?? file?.integratedAccountId;
  if (!token) {
    return targetError(
      input,
      'target.token',
      'The target is Truto but no Truto API token is set. Set TRUTO_API_TOKEN.',
      'Export TRUTO_API_TOKEN=<token> (an API token of the Truto environment that holds the Pylon integrated ' +
        'account), or use --target pylon with PYLON_API_TOKEN to publish to Pylon directly.',
    );
  }
  if (!account) {
    return targetError(
      input,
      'target.integratedAccountId',
      'The target is Truto but no integrated account is set (target.integratedAccountId). Set --truto-account ' +
        '<id> or TRUTO_INTEGRATED_ACCOUNT_ID.',
      "Pass --truto-account <id>, export TRUTO_INTEGRATED_ACCOUNT_ID=<id>, or set target: { kind: 'truto', " +
        "integratedAccountId: '<id>' } in the config: the id of the customer's Pylon connection in Truto.",
    );
  }
  const apiUrl = input.envTruto.apiUrl ?? file?.apiUrl ?? DEFAULT_TRUTO_API_URL;
  return {
    target: { kind: 'truto', apiUrl: apiUrl.replace(/\/+$/, ''), token, integratedAccountId: account },
  };
}
