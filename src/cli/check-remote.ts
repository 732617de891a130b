import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkTranslationLanguages } from '../plan/translations.js';
import type { ClientEvent } from '../pylon/api.js';
import { resolveKnowledgeBase } from '../remote/snapshot.js';
import { checkRemoteAuthors } from '../run/authors.js';
import { openTarget } from '../run/target.js';

/**
 * The part of `check --remote` that needs the target: its users and teams, to resolve the tree's authors,
 * and the knowledge base's `supported_languages`, for the tree's translations (when the tree has any).
 * Imported only with `--remote`, so an offline check loads no client or emulator.
 */
export async function remoteAuthorDiagnostics(
  config: ResolvedConfig,
  desired: DesiredState,
  onEvent?: (event: ClientEvent) => void,
): Promise<{ diagnostics: Diagnostic[]; target: string }> {
  const target = await openTarget(config, onEvent ? { onEvent } : {});
  try {
    const hasTranslations = desired.articles.some((a) => (a.translations ?? []).length > 0);
    const [authors, languages] = await Promise.all([
      checkRemoteAuthors(config, target.client, desired),
      hasTranslations
        ? resolveKnowledgeBase(target.client, config.knowledgeBase ?? undefined).then((kb) =>
            checkTranslationLanguages(desired.articles, kb),
          )
        : [],
    ]);
    return { diagnostics: [...authors, ...languages], target: target.description };
  } finally {
    await target.close();
  }
}
