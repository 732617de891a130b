import { finalizeBody, inLanguage } from '../identity/body.js';
import { placeholdersIn } from '../identity/placeholders.js';
import type { TranslationDraft } from '../plan/types.js';
import type { ArticleTranslationInput } from '../pylon-api/index.js';
import { type ApplyContext, runLookup } from './context.js';
import { SkipOperation } from './result.js';

const UNRESOLVED_LINK = /(\shref=")pylon-kb:\/\/article\/[^"]*(")/g;

/**
 * Skips the operation now, before it waits for a slot, when a body it sends could not be completed: a file
 * it uses was not uploaded, or (outside a cycle of links) an article it links to was not created. What the
 * run knows only grows, so a body that passes here can be built when its request gets its slot.
 */
export function checkBodies(ctx: ApplyContext, htmls: readonly string[], allowPendingLinks = false): void {
  const lookup = runLookup(ctx);
  const assets = new Set<string>();
  const articles = new Set<string>();
  for (const html of htmls) {
    const found = placeholdersIn(html);
    for (const sha of found.assets) if (lookup.assetUrl(sha) === null) assets.add(sha);
    for (const key of found.articles) if (lookup.articleUrl(key) === null) articles.add(key);
  }
  if (assets.size > 0) throw new SkipOperation(`a file it uses was not uploaded (${[...assets].join(', ')})`);
  if (articles.size > 0 && !allowPendingLinks) {
    throw new SkipOperation(`an article it links to was not created (${[...articles].join(', ')})`);
  }
}

/**
 * The body to send: the URLs of articles created and files uploaded in this run substituted. A link whose
 * target does not exist yet is only allowed for an article in a cycle of links (`allowPendingLinks`): it
 * points nowhere (`#`) until the follow-up update; anything else still missing skips the operation.
 */
export function resolveBody(
  ctx: ApplyContext,
  html: string,
  title: string,
  options: { language?: string; allowPendingLinks?: boolean } = {},
): { html: string; pendingLinks: boolean } {
  const lookup = options.language ? inLanguage(runLookup(ctx, true), options.language) : runLookup(ctx, true);
  const final = finalizeBody(html, title, lookup);
  if (final.pendingAssets.length > 0) {
    throw new SkipOperation(`a file it uses was not uploaded (${final.pendingAssets.join(', ')})`);
  }
  if (final.pendingArticles.length === 0) return { html: final.html, pendingLinks: false };
  if (!options.allowPendingLinks) {
    throw new SkipOperation(`an article it links to was not created (${final.pendingArticles.join(', ')})`);
  }
  return { html: final.html.replace(UNRESOLVED_LINK, '$1#$2'), pendingLinks: true };
}

export function resolveTranslations(
  ctx: ApplyContext,
  translations: readonly TranslationDraft[],
  allowPendingLinks = false,
): { inputs: ArticleTranslationInput[]; pendingLinks: boolean } {
  let pendingLinks = false;
  const inputs = translations.map((t) => {
    const body = resolveBody(ctx, t.bodyHtml, t.title, { language: t.language, allowPendingLinks });
    pendingLinks ||= body.pendingLinks;
    return { language: t.language, title: t.title, body_html: body.html };
  });
  return { inputs, pendingLinks };
}

/** The PATCH that sends one translation's body, built when the request gets its slot. */
export function translationUpdate(
  ctx: ApplyContext,
  t: TranslationDraft,
  publish: boolean,
): () => { language: string; title: string; body_html: string; publish_updated_body_html?: true } {
  return () => ({
    language: t.language,
    title: t.title,
    body_html: resolveBody(ctx, t.bodyHtml, t.title, { language: t.language }).html,
    ...(publish ? { publish_updated_body_html: true as const } : {}),
  });
}
