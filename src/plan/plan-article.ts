import type { DesiredArticle } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { combineLookups, previewBody } from '../identity/body.js';
import type { PlaceholderLookup } from '../identity/placeholders.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { pulledAssets } from './adoption.js';
import { type ArticleIntent, articleDraft, type BodyContext, planUpdate } from './articles.js';
import { type createAuthorResolver, documentAuthor } from './authors.js';
import { type DriftBasis, planDrift } from './drift.js';
import { ABSENT, articleFingerprint, articleVersionKey, documentVersionKey } from './fingerprint.js';
import { ownAssets } from './links.js';
import { type ArticleMatch, isInPlace, pathsOf } from './match.js';
import type { PlanOptions } from './options.js';
import { planTranslations } from './translations.js';
import type { MoveArticleOp, Operation, RetireArticleOp } from './types.js';

/** What planning adds up to; `createPlan` assembles the plan from it. */
export interface PlanParts {
  diagnostics: Diagnostic[];
  /** Remote versions the plan was made against (a saved plan is refused when they changed). */
  versions: Record<string, string>;
  articleOps: Operation[];
  retirements: Operation[];
  notices: Operation[];
  unchanged: number;
}

/** What every document's planning shares, worked out once per plan. */
export interface ArticlePlanning {
  options: PlanOptions;
  knowledgeBase: CurrentState['knowledgeBase'];
  /** URLs of the articles and files that exist already, for placeholders. */
  lookup: PlaceholderLookup;
  /** Documents whose article is created or re-created in this run. */
  relocated: ReadonlySet<string>;
  collectionIdOf(doc: DesiredArticle): string | null;
  /** Remote collection id → local collection key. */
  remoteCollectionKey: ReadonlyMap<string, string>;
  resolveAuthor: ReturnType<typeof createAuthorResolver>;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

export function retirement(remote: RemoteArticle, key: string, action: 'delete' | 'unlist'): RetireArticleOp {
  const { article } = remote;
  return {
    kind: 'retire-article',
    key,
    articleId: article.id,
    title: article.title,
    url: article.url,
    action,
  };
}

function intentOf(doc: DesiredArticle, ctx: ArticlePlanning, parts: PlanParts): ArticleIntent {
  const author = documentAuthor(doc, ctx.resolveAuthor, ctx.options.defaultAuthor, {
    authors: ctx.options.authors,
    unknownAuthors: ctx.options.unknownAuthors,
  });
  // A default author that is no Pylon user is the config's problem, reported once by the planner.
  if (author.diagnostic && author.diagnostic.field !== 'defaultAuthor')
    parts.diagnostics.push(author.diagnostic);
  const visibility = doc.visibility ?? ctx.options.visibility;
  return {
    desired: doc,
    authorUserId: 'userId' in author ? author.userId : '',
    collectionId: ctx.collectionIdOf(doc),
    published: doc.published,
    unlisted: doc.unlisted || (ctx.options.unlisted ?? false),
    ...(visibility !== undefined ? { visibility } : {}),
  };
}

/** A document whose folder or slug changed: a new article, redirects from the old paths, the old one retired. */
function moveOf(
  match: ArticleMatch & { remote: RemoteArticle },
  intent: ArticleIntent,
  context: BodyContext,
  extraPaths: readonly string[],
  ctx: ArticlePlanning,
): MoveArticleOp {
  const { doc, remote, reason } = match;
  const { article } = remote;
  const renamed = reason?.via === 'similarity' || reason?.via === 'redirect_from';
  return {
    kind: 'move-article',
    key: doc.key,
    path: doc.path,
    // A live article that moves stays live, even in draft mode: its old URL redirects to the new one.
    ...articleDraft(intent, ctx.options.publish || article.is_published, {
      ...context,
      replaces: [article.id],
    }),
    from: {
      articleId: article.id,
      key: remote.marker?.key ?? doc.key,
      url: article.url,
      slug: article.slug,
      redirects: remote.marker?.redirects ?? [],
      collectionKey: article.collection_id
        ? (ctx.remoteCollectionKey.get(article.collection_id) ?? null)
        : null,
    },
    redirectPaths: unique([...pathsOf(remote), ...extraPaths, ...doc.redirectFrom]),
    retire: 'delete',
    reason: renamed ? 'renamed' : article.slug === doc.slug ? 'collection-changed' : 'slug-changed',
    ...(reason?.via === 'similarity' ? { similarity: Math.round(reason.score * 100) / 100 } : {}),
  };
}

/** An article that stays where it is: drift first, then the fields that changed and any new redirects. */
function planInPlace(
  match: ArticleMatch & { remote: RemoteArticle },
  intent: ArticleIntent,
  context: BodyContext & { lookup: PlaceholderLookup },
  extraPaths: readonly string[],
  ctx: ArticlePlanning,
  parts: PlanParts,
): void {
  const { doc, remote, reason } = match;
  const { options } = ctx;
  const drift = planDrift(
    doc,
    remote,
    previewBody(doc.html, doc.title, context.lookup),
    options.onDrift,
    driftBasis(reason),
  );
  if (drift.notice) parts.notices.push(drift.notice);
  if (drift.diagnostic) parts.diagnostics.push(drift.diagnostic);
  if (!drift.write) return;

  const update = planUpdate(intent, remote, options.publish, {
    ...context,
    forceBody: drift.drift.state === 'drifted',
    // The file already holds Pylon's edit: the body is current, whatever the marker's digest says.
    bodyCurrent: drift.drift.state === 'taken-in',
  });
  if (update && reason && reason.via !== 'key') {
    update.matchedBy =
      reason.via === 'adopted' || reason.via === 'pulled' || reason.via === 'marker-lost'
        ? reason.via
        : reason.via === 'similarity'
          ? 'renamed'
          : 'redirect_from';
    if (remote.marker && remote.marker.key !== doc.key) update.previousKey = remote.marker.key;
  }
  const recorded = remote.marker?.redirects ?? [];
  const newRedirects = unique([...doc.redirectFrom, ...extraPaths]).filter((p) => !recorded.includes(p));
  if (update) parts.articleOps.push(update);
  if (newRedirects.length > 0) {
    parts.articleOps.push({
      kind: 'create-redirects',
      key: doc.key,
      path: doc.path,
      articleId: remote.article.id,
      title: doc.title,
      redirectPaths: newRedirects,
      bodyHtml:
        update?.bodyHtml ??
        articleDraft(intent, options.publish, {
          ...context,
          redirects: recorded,
          articleId: remote.article.id,
        }).bodyHtml,
      publish: options.publish && remote.article.is_published,
    });
  }
  if (!update && newRedirects.length === 0) parts.unchanged++;
}

/** What "edited in Pylon" is measured against, by how the document found its article. */
function driftBasis(reason: ArticleMatch['reason']): DriftBasis {
  if (reason?.via === 'marker-lost' || reason?.via === 'pulled' || reason?.via === 'adopted')
    return reason.via;
  return 'marker';
}

/** Plans one document against the article it matched (if any): create, move, or update in place. */
export function planArticle(match: ArticleMatch, ctx: ArticlePlanning, parts: PlanParts): void {
  const { doc, remote, reason, extras } = match;
  const lookup =
    reason?.via === 'pulled'
      ? combineLookups(ownAssets(remote), pulledAssets(doc), ctx.lookup)
      : combineLookups(ownAssets(remote), ctx.lookup);
  const stays = remote !== undefined && !ctx.relocated.has(doc.key);
  const translated = planTranslations(doc, stays ? remote : undefined, ctx.knowledgeBase, lookup);
  parts.diagnostics.push(...translated.diagnostics);
  const context = { lookup, translations: translated.drafts, formerKeys: articleFormerKeys(doc.key, remote) };
  const intent = intentOf(doc, ctx, parts);
  // Articles left by an interrupted run with this key: their paths redirect to the one that stays.
  const extraPaths = extras.flatMap(pathsOf);
  for (const extra of extras) {
    parts.versions[articleVersionKey(extra.article.id)] = articleFingerprint(extra.article);
    parts.retirements.push(retirement(extra, doc.key, 'delete'));
  }
  if (!remote) {
    parts.versions[documentVersionKey(doc.key)] = ABSENT;
    parts.articleOps.push({
      kind: 'create-article',
      key: doc.key,
      path: doc.path,
      // The marker lists `redirect_from` only once apply has created the redirects (a crash in between
      // leaves them to the next run); a relink keeps what was recorded.
      ...articleDraft(intent, ctx.options.publish, context),
      ...(doc.redirectFrom.length > 0 ? { redirectPaths: [...new Set(doc.redirectFrom)] } : {}),
    });
    return;
  }
  parts.versions[articleVersionKey(remote.article.id)] = articleFingerprint(remote.article);
  const located = { ...match, remote };
  if (!isInPlace(remote, doc, intent.collectionId)) {
    parts.articleOps.push(moveOf(located, intent, context, extraPaths, ctx));
    return;
  }
  planInPlace(located, intent, context, extraPaths, ctx, parts);
}

/** The keys a document had before: what its article's marker recorded, and the marker's key when it moved now. */
function articleFormerKeys(key: string, remote: RemoteArticle | undefined): string[] {
  const marker = remote?.marker;
  if (!marker) return [];
  return unique([marker.key, ...(marker.formerKeys ?? [])]).filter((k) => k !== key);
}
