import { describeFailure, type Failure } from '../run/failure.js';
import { describeDiagnostics } from './failures.js';
import type { CliIO } from './io.js';

export { describeFailure, type Failure };

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
