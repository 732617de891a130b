import { errorsOnly, sortDiagnostics } from '../../diagnostics/diagnostic.js';
// The run layer's content module only: check reads and renders, and loads nothing remote.
import { loadContent } from '../../run/content.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { describeDiagnostics } from '../failures.js';
import { siteLines } from '../site-line.js';

/** Offline validation of the whole tree: every problem at once, no network. */
export async function run(input: CommandInput): Promise<number> {
  const { io } = input;
  const config = await loadCliConfig(input, { forceEmulator: true });
  const { desired } = await loadContent(config);
  const errors = errorsOnly(desired.diagnostics);
  const warnings = desired.diagnostics.length - errors.length;
  if (input.values.json === true) {
    const report = {
      version: 1,
      articles: desired.articles.length,
      collections: desired.collections.length,
      errors: errors.length,
      warnings,
      ...(desired.site && { site: desired.site }),
      diagnostics: sortDiagnostics(desired.diagnostics),
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return errors.length > 0 ? 2 : 0;
  }
  if (desired.diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(desired.diagnostics)}\n`);
  io.stdout.write(siteLines(desired.site));
  io.stdout.write(
    `Checked ${desired.articles.length} articles in ${desired.collections.length} collections: ` +
      `${errors.length} errors, ${warnings} warnings.\n` +
      'Authors are checked against Pylon by plan and apply.\n',
  );
  return errors.length > 0 ? 2 : 0;
}
