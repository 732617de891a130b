import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Input the user must fix: config, usage, content, a seed or plan file. Nothing is written; the CLI exits 2.
 * `diagnostics` name file, line and field when there are several problems to show at once.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    /** Stable machine-readable code for `--json` errors; diagnostics carry their own. */
    readonly code = 'input/invalid',
    /** Where the diagnostics' files are, relative to the repository (the content directory), for annotations. */
    readonly pathPrefix?: string,
  ) {
    super(message);
  }
}
