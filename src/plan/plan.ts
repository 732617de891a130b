import type { DesiredArticle, DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { type ArticleIntent, articleDraft, hasDrifted, planUpdate, publicPath } from './articles.js';
import { authorDiagnostic, createAuthorResolver } from './authors.js';
import { planCollections } from './collections.js';
import { ABSENT, articleFingerprint, articleVersionKey, documentVersionKey } from './fingerprint.js';
import type { PlanOptions } from './options.js';
import { type Operation, PLAN_VERSION, type Plan, type PlanSummary } from './types.js';

function groupManaged(articles: readonly RemoteArticle[]): Map<string, RemoteArticle[]> {
  const byKey = new Map<string, RemoteArticle[]>();
  for (const remote of articles) {
    if (!remote.marker || remote.marker.retired) continue;
    const list = byKey.get(remote.marker.key) ?? [];
    list.push(remote);
    byKey.set(remote.marker.key, list);
  }
  return byKey;
}

function isInPlace(remote: RemoteArticle, desired: DesiredArticle, collectionId: string | null): boolean {
  const inCollection =
    desired.collectionKey === null
      ? !remote.article.collection_id
      : collectionId !== null && remote.article.collection_id === collectionId;
  return inCollection && remote.article.slug === desired.slug;
}

function summarise(operations: readonly Operation[], unchanged: number): PlanSummary {
  const summary: PlanSummary = { unchanged };
  for (const op of operations) summary[op.kind] = (summary[op.kind] ?? 0) + 1;
  return summary;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * The difference between the docs tree and the knowledge base. Pure and deterministic: the same inputs
 * give the same plan.
 */
export function createPlan(desired: DesiredState, current: CurrentState, options: PlanOptions): Plan {
  const diagnostics: Diagnostic[] = [...desired.diagnostics];
  const collections = planCollections(desired.collections, current.collections);
  const remoteCollectionKey = new Map([...collections.existing].map(([key, id]) => [id, key]));
  const resolveAuthor = createAuthorResolver({
    users: current.users,
    teams: current.teams,
    teamLeads: options.teamLeads ?? {},
  });
  const managed = groupManaged(current.articles);
  const versions: Record<string, string> = { ...collections.versions };
  const articleOps: Operation[] = [];
  const notices: Operation[] = [];
  const retirements: Operation[] = [];
  let unchanged = 0;

  for (const doc of [...desired.articles].sort((a, b) => a.key.localeCompare(b.key))) {
    const authorSpec = doc.author?.value ?? options.defaultAuthor;
    let authorUserId = '';
    if (!authorSpec) {
      diagnostics.push({
        severity: 'error',
        code: 'author/missing',
        message: 'No author: the document has no `author` and the config has no `defaultAuthor`.',
        file: doc.path,
        field: 'author',
        hint: 'Add `author: someone@example.com` to the frontmatter, or set `defaultAuthor` in pylon-kb.config.ts (or --author).',
      });
    } else {
      const resolution = resolveAuthor(authorSpec);
      if ('userId' in resolution) authorUserId = resolution.userId;
      else
        diagnostics.push(
          authorDiagnostic(resolution, {
            file: doc.path,
            ...(doc.author ? { line: doc.author.line } : {}),
            fromDefault: !doc.author,
          }),
        );
    }
    const collectionId =
      doc.collectionKey === null ? null : (collections.existing.get(doc.collectionKey) ?? null);
    const intent: ArticleIntent = {
      desired: doc,
      authorUserId,
      collectionId,
      published: doc.published,
      unlisted: doc.unlisted || (options.unlisted ?? false),
      ...((doc.visibility ?? options.visibility) !== undefined
        ? { visibility: doc.visibility ?? options.visibility }
        : {}),
    };
    const candidates = managed.get(doc.key) ?? [];
    const remote = candidates.find((c) => isInPlace(c, doc, collectionId)) ?? candidates[0];
    // More than one article with this key: left by a move or create that was interrupted. The extras are
    // retired and their public paths redirect to the one that stays.
    const extras = candidates.filter((c) => c !== remote);
    const extraPaths = extras.flatMap((e) => [
      ...(publicPath(e.article.url) ? [publicPath(e.article.url) as string] : []),
      ...(e.marker?.redirects ?? []),
    ]);
    for (const extra of extras) {
      versions[articleVersionKey(extra.article.id)] = articleFingerprint(extra.article);
      retirements.push({
        kind: 'retire-article',
        key: doc.key,
        articleId: extra.article.id,
        title: extra.article.title,
        url: extra.article.url,
        action: options.retireMovedArticles ?? 'delete',
      });
    }

    if (!remote) {
      versions[documentVersionKey(doc.key)] = ABSENT;
      articleOps.push({
        kind: 'create-article',
        key: doc.key,
        path: doc.path,
        ...articleDraft(intent, options.publish),
      });
      continue;
    }
    versions[articleVersionKey(remote.article.id)] = articleFingerprint(remote.article);

    if (!isInPlace(remote, doc, collectionId)) {
      const oldPath = publicPath(remote.article.url);
      const redirectPaths = unique([
        ...(oldPath ? [oldPath] : []),
        ...(remote.marker?.redirects ?? []),
        ...extraPaths,
        ...doc.redirectFrom,
      ]);
      const collectionChanged = remote.article.slug === doc.slug;
      articleOps.push({
        kind: 'move-article',
        key: doc.key,
        path: doc.path,
        ...articleDraft(intent, options.publish),
        from: {
          articleId: remote.article.id,
          key: remote.marker?.key ?? doc.key,
          url: remote.article.url,
          slug: remote.article.slug,
          collectionKey: remote.article.collection_id
            ? (remoteCollectionKey.get(remote.article.collection_id) ?? null)
            : null,
        },
        redirectPaths,
        retire: options.retireMovedArticles ?? 'delete',
        reason: collectionChanged ? 'collection-changed' : 'slug-changed',
      });
      continue;
    }

    if (hasDrifted(remote)) {
      const resolution = options.onDrift ?? 'fail';
      notices.push({
        kind: 'drift',
        key: doc.key,
        path: doc.path,
        articleId: remote.article.id,
        title: remote.article.title,
        url: remote.article.url,
        resolution,
      });
      if (resolution === 'fail') {
        diagnostics.push({
          severity: 'error',
          code: 'drift/detected',
          message: `The article "${remote.article.title}" (${remote.article.id}) was edited in Pylon since pylon-kb published it.`,
          file: doc.path,
          hint: 'Copy the edits into this file, then run with onDrift: "overwrite" (or --on-drift overwrite) to replace the Pylon version; onDrift: "skip" leaves it alone.',
        });
        continue;
      }
      if (resolution === 'skip') continue;
    }

    const update = planUpdate(intent, remote, options.publish);
    const recorded = remote.marker?.redirects ?? [];
    const newRedirects = unique([...doc.redirectFrom, ...extraPaths]).filter((p) => !recorded.includes(p));
    if (update) articleOps.push(update);
    if (newRedirects.length > 0) {
      const body = update?.bodyHtml ?? articleDraft(intent, options.publish, recorded).bodyHtml;
      articleOps.push({
        kind: 'create-redirects',
        key: doc.key,
        path: doc.path,
        articleId: remote.article.id,
        redirectPaths: newRedirects,
        bodyHtml: body,
        publish: options.publish && remote.article.is_published,
      });
    }
    if (!update && newRedirects.length === 0) unchanged++;
  }

  const desiredKeys = new Set(desired.articles.map((a) => a.key));
  for (const [key, remotes] of [...managed].sort(([a], [b]) => a.localeCompare(b))) {
    if (desiredKeys.has(key)) continue;
    for (const remote of remotes) {
      notices.push({
        kind: 'orphan',
        key,
        articleId: remote.article.id,
        title: remote.article.title,
        url: remote.article.url,
      });
    }
  }

  const operations = [...collections.creates, ...articleOps, ...retirements, ...notices];
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
