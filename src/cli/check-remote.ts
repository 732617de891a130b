import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkRemoteAuthors } from '../run/authors.js';
import { openTarget } from '../run/target.js';

/**
 * The part of `check --remote` that needs the target: its users and teams, to resolve the tree's authors.
 * Imported only with `--remote`, so an offline check loads no client or emulator.
 */
export async function remoteAuthorDiagnostics(
  config: ResolvedConfig,
  desired: DesiredState,
): Promise<{ diagnostics: Diagnostic[]; target: string }> {
  const target = await openTarget(config);
  try {
    return {
      diagnostics: await checkRemoteAuthors(config, target.client, desired),
      target: target.description,
    };
  } finally {
    await target.close();
  }
}
