import { errorsOnly } from '../../diagnostics/diagnostic.js';
import { loadDesiredState } from '../../pipeline/desired.js';
import { CONFIG_OPTIONS, parse } from '../args.js';
import { loadCliConfig } from '../config.js';
import { describeDiagnostics } from '../failures.js';
import { HELP } from '../help.js';
import type { CliIO } from '../io.js';

/** Offline validation of the whole tree: every problem at once, no network. */
export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, CONFIG_OPTIONS);
  if (values.help) {
    io.stdout.write(`${HELP.check}\n`);
    return 0;
  }
  const config = await loadCliConfig(values, io, { forceEmulator: true });
  const { desired } = await loadDesiredState(config);
  const errors = errorsOnly(desired.diagnostics);
  const warnings = desired.diagnostics.length - errors.length;
  if (desired.diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(desired.diagnostics)}\n`);
  io.stdout.write(
    `Checked ${desired.articles.length} articles in ${desired.collections.length} collections: ` +
      `${errors.length} errors, ${warnings} warnings.\n` +
      'Authors are checked against Pylon by plan and apply.\n',
  );
  return errors.length > 0 ? 2 : 0;
}
