import { type Diagnostic, errorsOnly } from '../diagnostics/diagnostic.js';
import { PylonError } from '../pylon/errors.js';
import { InputError } from './errors.js';

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
  /** The diagnostics' files are relative to this folder of the repository (the content directory). */
  pathPrefix?: string;
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
      ...(error.pathPrefix !== undefined && { pathPrefix: error.pathPrefix }),
      input: true,
    };
  }
  // A usage error of any front (the CLI's parser, an MCP tool's arguments).
  if (error instanceof Error && error.name === 'UsageError') {
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
