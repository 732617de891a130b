import { type Diagnostic, errorsOnly } from '../diagnostics/diagnostic.js';
import { PylonError } from '../pylon/errors.js';
import { describeDiagnostics, InputError } from './failures.js';
import type { CliIO } from './io.js';
import { UsageError } from './parse.js';

/**
 * How a run that stopped is reported: one shape for text on stderr and for `--json` on stdout
 * (`{"version":1,"error":{"code","message","hint"}}`), and one rule for the exit code. Input the user must
 * fix exits 2 (nothing was written) and anything else 1; under `--detailed-exitcode` every error is 1,
 * because 2 means "changes pending" there.
 */
export interface Failure {
  code: string;
  message: string;
  hint?: string;
  diagnostics?: Diagnostic[];
  /** Input the user must fix (usage, config, content, a plan file) rather than a failure while running. */
  input: boolean;
}

/** Errors from other modules that are input problems, by their `code`. */
const INPUT_CODES = new Set(['kb/not-found', 'content/missing-dir', 'pull/input', 'pull/target']);

export function describeFailure(error: unknown): Failure {
  if (error instanceof InputError) {
    const first = errorsOnly(error.diagnostics)[0] ?? error.diagnostics[0];
    return {
      code: first?.code ?? error.code,
      message: error.message,
      ...(first?.hint !== undefined && { hint: first.hint }),
      ...(error.diagnostics.length > 0 && { diagnostics: error.diagnostics }),
      input: true,
    };
  }
  if (error instanceof UsageError) {
    return {
      code: 'usage',
      message: error.message,
      hint: 'Run pylon-kb help for the commands and flags.',
      input: true,
    };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && INPUT_CODES.has(code)) return { code, message, input: true };
  if (error instanceof PylonError) return { code: `pylon/${error.code}`, message, input: false };
  return { code: 'internal', message, input: false };
}

export interface OutputMode {
  json: boolean;
  detailedExitCode: boolean;
}

/** `--json`, `--format json` and `--detailed-exitcode` as typed, read before parsing so usage errors follow them too. */
export function outputMode(args: readonly string[]): OutputMode {
  const json = args.some(
    (a, i) =>
      a === '--json' ||
      a === '--format=json' ||
      a === '-fjson' ||
      ((a === '--format' || a === '-f') && args[i + 1] === 'json'),
  );
  return { json, detailedExitCode: args.includes('--detailed-exitcode') };
}

/** Writes the failure (JSON on stdout or text on stderr) and returns the exit code. */
export function reportFailure(failure: Failure, io: CliIO, mode: OutputMode): number {
  if (mode.json) {
    const { input: _input, ...error } = failure;
    io.stdout.write(`${JSON.stringify({ version: 1, error }, null, 2)}\n`);
  } else {
    if (failure.diagnostics && failure.diagnostics.length > 0) {
      io.stderr.write(`${describeDiagnostics(failure.diagnostics)}\n`);
    }
    io.stderr.write(`error: ${failure.message}\n`);
  }
  if (mode.detailedExitCode) return 1;
  return failure.input ? 2 : 1;
}
