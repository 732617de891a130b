import type { DesiredArticle, DesiredTranslation } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { finalizeBody, inLanguage } from '../identity/body.js';
import { stripMarker, withMarker } from '../identity/marker.js';
import type { PlaceholderLookup } from '../identity/placeholders.js';
import { textDigest } from '../identity/text-digest.js';
import type { KnowledgeBase } from '../pylon-api/index.js';
import type { RemoteArticle } from '../remote/types.js';
import type { TranslationDraft } from './types.js';

function draftOf(doc: DesiredArticle, t: DesiredTranslation, lookup: PlaceholderLookup) {
  const marked = withMarker(t.html, {
    key: doc.key,
    digest: t.digest,
    textDigest: t.textDigest ?? textDigest(t.html),
    redirects: [],
    language: t.language,
    // The source as it was when this translation was written: a later change to the source makes the
    // translation possibly outdated until its own file changes.
    sourceDigest: doc.digest,
  });
  return finalizeBody(marked, t.title, inLanguage(lookup, t.language));
}

export interface TranslationPlan {
  drafts: TranslationDraft[];
  diagnostics: Diagnostic[];
}

/**
 * The translations to send for a document: all of them for a new article, the changed or missing ones for
 * an existing article. Languages the knowledge base does not support are diagnostics.
 */
export function planTranslations(
  doc: DesiredArticle,
  remote: RemoteArticle | undefined,
  kb: KnowledgeBase,
  lookup: PlaceholderLookup,
): TranslationPlan {
  const drafts: TranslationDraft[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of doc.translations ?? []) {
    const refused = unsupportedLanguage(t, kb);
    if (refused) {
      diagnostics.push(refused);
      continue;
    }
    const final = draftOf(doc, t, lookup);
    const existing = remote?.translations?.[t.language];
    const changed =
      !existing ||
      final.pendingArticles.length > 0 ||
      final.pendingAssets.length > 0 ||
      existing.marker?.digest !== final.digest ||
      existing.title !== t.title;
    if (changed) {
      const before = existing ? { title: existing.title, bodyHtml: stripMarker(existing.html) } : undefined;
      drafts.push({
        language: t.language,
        path: t.path,
        title: t.title,
        bodyHtml: final.html,
        ...(before ? { before } : {}),
      });
    } else if (existing.marker?.sourceDigest && existing.marker.sourceDigest !== doc.digest) {
      diagnostics.push({
        severity: 'warning',
        code: 'translation/outdated',
        message: `This ${t.language} translation may be outdated: ${doc.path} changed after it was last published.`,
        file: t.path,
        hint: `Review it against ${doc.path} and save it again to mark it current.`,
      });
    }
  }
  return { drafts, diagnostics };
}

/**
 * The error for a translation whose language the knowledge base does not take (not in its
 * `supported_languages`, or its default language), or undefined. `plan` and `check --remote` share it.
 */
export function unsupportedLanguage(
  t: Pick<DesiredTranslation, 'language' | 'path'>,
  kb: Pick<KnowledgeBase, 'slug' | 'default_language' | 'supported_languages'>,
): Diagnostic | undefined {
  const supported = kb.supported_languages ?? [];
  if (t.language !== kb.default_language && supported.includes(t.language)) return undefined;
  return {
    severity: 'error',
    code: 'translation/unsupported-language',
    message: `The knowledge base "${kb.slug}" does not support the language "${t.language}"${
      t.language === kb.default_language ? ' as a translation (it is the default language)' : ''
    }.`,
    file: t.path,
    hint: `Supported translation languages: ${supported.filter((l) => l !== kb.default_language).join(', ') || 'none'}. Add the language in Pylon's knowledge base settings, or rename the file.`,
  };
}

/** `check --remote`: every translation of the tree checked against the knowledge base's languages. */
export function checkTranslationLanguages(
  articles: readonly Pick<DesiredArticle, 'translations'>[],
  kb: Pick<KnowledgeBase, 'slug' | 'default_language' | 'supported_languages'>,
): Diagnostic[] {
  return articles.flatMap((doc) => (doc.translations ?? []).flatMap((t) => unsupportedLanguage(t, kb) ?? []));
}
