import type { DesiredArticle, DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { pulledAssets } from './adoption.js';
import { type ArticleIntent, articleDraft, planUpdate } from './articles.js';
import { planUploads } from './assets.js';
import { createAuthorResolver, documentAuthor } from './authors.js';
import { combineLookups, previewBody } from './body.js';
import { planCollections } from './collections.js';
import { driftOf } from './drift.js';
import { ABSENT, articleFingerprint, articleVersionKey, documentVersionKey } from './fingerprint.js';
import { ownAssets, planLookup } from './links.js';
import { type ArticleMatch, isInPlace, matchArticles, pathsOf } from './match.js';
import type { PlanOptions } from './options.js';
import { retirementGuard } from './retirement.js';
import { planTranslations } from './translations.js';
import { type Operation, PLAN_VERSION, type Plan, type PlanSummary, type RetireArticleOp } from './types.js';

function summarise(operations: readonly Operation[], unchanged: number): PlanSummary {
  const summary: PlanSummary = { unchanged };
  for (const op of operations) summary[op.kind] = (summary[op.kind] ?? 0) + 1;
  return summary;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

function retirement(remote: RemoteArticle, key: string, action: 'delete' | 'unlist'): RetireArticleOp {
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

/** Collections a hand-written article may be adopted from: the ones folders map to, and `ownedCollections`. */
function ownedCollectionIds(
  current: CurrentState,
  mapped: Iterable<string>,
  owned: readonly string[],
): Set<string> {
  const ids = new Set(mapped);
  for (const c of current.collections) if (owned.includes(c.id) || owned.includes(c.slug)) ids.add(c.id);
  return ids;
}

/**
 * The difference between the docs tree and the knowledge base. Pure and deterministic: the same inputs
 * give the same plan.
 */
export function createPlan(desired: DesiredState, current: CurrentState, options: PlanOptions): Plan {
  const diagnostics: Diagnostic[] = [...desired.diagnostics];
  const collections = planCollections(desired.collections, current.collections);
  const remoteCollectionKey = new Map([...collections.existing].map(([key, id]) => [id, key]));
  const collectionIdOf = (doc: DesiredArticle) =>
    doc.collectionKey === null ? null : (collections.existing.get(doc.collectionKey) ?? null);
  const owned = ownedCollectionIds(current, collections.existing.values(), options.ownedCollections ?? []);
  const adoptable = options.adopt
    ? current.articles.filter(
        (a) => !a.marker && a.article.collection_id && owned.has(a.article.collection_id),
      )
    : [];
  const docs = [...desired.articles].sort((a, b) => a.key.localeCompare(b.key));
  const matched = matchArticles(docs, current.articles, { collectionIdOf, adoptable });
  diagnostics.push(...matched.diagnostics);
  // Documents whose article is created or re-created in this run: links to them are resolved by apply.
  const relocated = new Set(
    matched.matches
      .filter((m) => !m.remote || !isInPlace(m.remote, m.doc, collectionIdOf(m.doc)))
      .map((m) => m.doc.key),
  );
  const lookup = planLookup(matched.matches, relocated, current.articles);

  const resolveAuthor = createAuthorResolver({
    users: current.users,
    teams: current.teams,
    teamLeads: options.teamLeads ?? {},
  });
  const retireAction = options.retireMovedArticles ?? 'delete';
  const versions: Record<string, string> = { ...collections.versions };
  const articleOps: Operation[] = [];
  const retirements: Operation[] = [];
  const notices: Operation[] = [];
  let unchanged = 0;

  const planMatch = ({ doc, remote, reason, extras }: ArticleMatch): void => {
    const docLookup =
      reason?.via === 'pulled'
        ? combineLookups(ownAssets(remote), pulledAssets(doc), lookup)
        : combineLookups(ownAssets(remote), lookup);
    const stays = remote !== undefined && !relocated.has(doc.key);
    const translated = planTranslations(doc, stays ? remote : undefined, current.knowledgeBase, docLookup);
    diagnostics.push(...translated.diagnostics);
    const context = { lookup: docLookup, translations: translated.drafts };
    const author = documentAuthor(doc, resolveAuthor, options.defaultAuthor);
    if ('diagnostic' in author) diagnostics.push(author.diagnostic);
    const collectionId = collectionIdOf(doc);
    const visibility = doc.visibility ?? options.visibility;
    const intent: ArticleIntent = {
      desired: doc,
      authorUserId: 'userId' in author ? author.userId : '',
      collectionId,
      published: doc.published,
      unlisted: doc.unlisted || (options.unlisted ?? false),
      ...(visibility !== undefined ? { visibility } : {}),
    };
    // Articles left by an interrupted run with this key: their paths redirect to the one that stays.
    const extraPaths = extras.flatMap(pathsOf);
    for (const extra of extras) {
      versions[articleVersionKey(extra.article.id)] = articleFingerprint(extra.article);
      retirements.push(retirement(extra, doc.key, retireAction));
    }

    if (!remote) {
      versions[documentVersionKey(doc.key)] = ABSENT;
      articleOps.push({
        kind: 'create-article',
        key: doc.key,
        path: doc.path,
        ...articleDraft(intent, options.publish, context),
      });
      return;
    }
    versions[articleVersionKey(remote.article.id)] = articleFingerprint(remote.article);
    const renamed = reason?.via === 'similarity' || reason?.via === 'redirect_from';

    if (!isInPlace(remote, doc, collectionId)) {
      articleOps.push({
        kind: 'move-article',
        key: doc.key,
        path: doc.path,
        // A live article that moves stays live, even in draft mode: its old URL redirects to the new one.
        ...articleDraft(intent, options.publish || remote.article.is_published, {
          ...context,
          replaces: [remote.article.id],
        }),
        from: {
          articleId: remote.article.id,
          key: remote.marker?.key ?? doc.key,
          url: remote.article.url,
          slug: remote.article.slug,
          redirects: remote.marker?.redirects ?? [],
          collectionKey: remote.article.collection_id
            ? (remoteCollectionKey.get(remote.article.collection_id) ?? null)
            : null,
        },
        redirectPaths: unique([...pathsOf(remote), ...extraPaths, ...doc.redirectFrom]),
        retire: retireAction,
        reason: renamed
          ? 'renamed'
          : remote.article.slug === doc.slug
            ? 'collection-changed'
            : 'slug-changed',
        ...(reason?.via === 'similarity' ? { similarity: Math.round(reason.score * 100) / 100 } : {}),
      });
      return;
    }

    const expected = previewBody(doc.html, doc.title, docLookup);
    const drift = driftOf(remote, expected.content, expected.digest);
    const drifted = drift.state === 'drifted';
    if (drift.state === 'drifted') {
      const resolution = options.onDrift ?? 'fail';
      const { article } = remote;
      notices.push({
        kind: 'drift',
        key: doc.key,
        path: doc.path,
        articleId: article.id,
        title: article.title,
        url: article.url,
        resolution,
        localHtml: expected.content,
        pylonHtml: drift.pylonHtml,
        baseIsLastPublish: drift.fileUnchanged,
      });
      if (resolution === 'fail') {
        diagnostics.push({
          severity: 'error',
          code: 'drift/detected',
          message: `The article "${article.title}" (${article.id}) was edited in Pylon since pylon-kb published it.`,
          file: doc.path,
          hint: 'Copy the edits into this file, then run with onDrift: "overwrite" (or --on-drift overwrite) to replace the Pylon version; onDrift: "skip" leaves it alone.',
        });
      }
      if (resolution !== 'overwrite') return;
    }

    const update = planUpdate(intent, remote, options.publish, {
      ...context,
      forceBody: drifted,
      // The file already holds Pylon's edit: the body is current, whatever the marker's digest says.
      bodyCurrent: drift.state === 'taken-in',
    });
    if (update && reason && reason.via !== 'key') {
      update.matchedBy =
        reason.via === 'adopted' || reason.via === 'pulled'
          ? reason.via
          : reason.via === 'similarity'
            ? 'renamed'
            : 'redirect_from';
      if (remote.marker && remote.marker.key !== doc.key) update.previousKey = remote.marker.key;
    }
    const recorded = remote.marker?.redirects ?? [];
    const newRedirects = unique([...doc.redirectFrom, ...extraPaths]).filter((p) => !recorded.includes(p));
    if (update) articleOps.push(update);
    if (newRedirects.length > 0) {
      articleOps.push({
        kind: 'create-redirects',
        key: doc.key,
        path: doc.path,
        articleId: remote.article.id,
        title: doc.title,
        redirectPaths: newRedirects,
        bodyHtml:
          update?.bodyHtml ??
          articleDraft(intent, options.publish, { ...context, redirects: recorded }).bodyHtml,
        publish: options.publish && remote.article.is_published,
      });
    }
    if (!update && newRedirects.length === 0) unchanged++;
  };
  matched.matches.forEach(planMatch);

  const policy = options.orphans ?? 'report';
  for (const orphan of matched.orphans.sort((a, b) =>
    (a.marker?.key ?? '').localeCompare(b.marker?.key ?? ''),
  )) {
    const key = orphan.marker?.key ?? orphan.article.id;
    if (policy === 'report') {
      const { article } = orphan;
      notices.push({ kind: 'orphan', key, articleId: article.id, title: article.title, url: article.url });
    } else {
      versions[articleVersionKey(orphan.article.id)] = articleFingerprint(orphan.article);
      retirements.push(retirement(orphan, key, policy));
    }
  }
  const managedCount = current.articles.filter((a) => a.marker && !a.marker.retired).length;
  const guard = retirementGuard(policy === 'report' ? 0 : matched.orphans.length, managedCount, options);
  if (guard) diagnostics.push(guard);

  const uploads = planUploads(desired.articles, articleOps);
  const operations = [...uploads, ...collections.creates, ...articleOps, ...retirements, ...notices];
  return {
    version: PLAN_VERSION,
    knowledgeBase: {
      id: current.knowledgeBase.id,
      slug: current.knowledgeBase.slug,
      title: current.knowledgeBase.title,
    },
    summary: summarise(operations, unchanged),
    operations,
    diagnostics,
    remoteVersions: versions,
  };
}
