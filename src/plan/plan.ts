import type { DesiredArticle, DesiredState } from '../content/types.js';
import { placeholdersIn } from '../identity/placeholders.js';
import type { CurrentState } from '../remote/types.js';
import { type PlanMemo, planArticleThrough, sharedInputs } from './article-memo.js';
import { planUploads } from './assets.js';
import { defaultAuthorProblem } from './author-check.js';
import { createAuthorResolver } from './authors.js';
import { planCollectionCleanup } from './collection-cleanup.js';
import { planCollections } from './collections.js';
import { holdLinkedDocuments, holdOf, withoutHeldOperations } from './hold-back.js';
import { planLookup } from './links.js';
import { isInPlace, matchArticles } from './match.js';
import type { PlanOptions } from './options.js';
import { planOrphans } from './orphans.js';
import type { ArticlePlanning, PlanParts } from './plan-article.js';
import { planReferences } from './plan-references.js';
import { guardRedirectPaths, liveArticlePaths } from './redirect-guard.js';
import { type Operation, operationBodies, PLAN_VERSION, type Plan, type PlanSummary } from './types.js';
import { urlsChangingInPlace } from './url-changes.js';

function summarise(operations: readonly Operation[], unchanged: number): PlanSummary {
  const summary: PlanSummary = { unchanged };
  for (const op of operations) summary[op.kind] = (summary[op.kind] ?? 0) + 1;
  return summary;
}

/**
 * The difference between the docs tree and the knowledge base. Pure and deterministic: the same inputs
 * give the same plan. Collections first, then each document against the article it matched
 * (plan-article.ts: create, move, drift, update, redirects), then the orphans.
 */
export function createPlan(
  desired: DesiredState,
  current: CurrentState,
  options: PlanOptions,
  /** The last plans' per-document results (watch mode): only documents whose inputs changed are planned. */
  memo?: PlanMemo,
): Plan {
  const collections = planCollections(desired.collections, current.collections, {
    collectionUpdates: options.collectionUpdates ?? false,
  });
  const parts: PlanParts = {
    diagnostics: [...desired.diagnostics, ...collections.diagnostics],
    versions: { ...collections.versions },
    articleOps: [],
    retirements: [],
    notices: [],
    unchanged: 0,
  };
  const collectionIdOf = (doc: DesiredArticle) =>
    doc.collectionKey === null ? null : (collections.existing.get(doc.collectionKey) ?? null);
  const docs = [...desired.articles].sort((a, b) => a.key.localeCompare(b.key));
  const matched = matchArticles(docs, current.articles, { collectionIdOf, adopt: options.adopt ?? false });
  parts.diagnostics.push(...matched.diagnostics);
  // Documents whose article is created or re-created in this run: links to them are resolved by apply.
  const relocated = new Set(
    matched.matches
      .filter((m) => !m.remote || !isInPlace(m.remote, m.doc, collectionIdOf(m.doc)))
      .map((m) => m.doc.key),
  );
  // Articles that stay but whose URL this run may change: links to them are resolved by apply too.
  const urlsBefore = urlsChangingInPlace(matched.matches, relocated, options.publish);
  const unresolved = new Set([...relocated, ...urlsBefore.keys()]);
  const planning: ArticlePlanning = {
    options,
    knowledgeBase: current.knowledgeBase,
    lookup: planLookup(matched.matches, unresolved, current.articles, current.uploadedFiles),
    relocated,
    collectionIdOf,
    remoteCollectionKey: new Map([...collections.existing].map(([key, id]) => [id, key])),
    resolveAuthor: createAuthorResolver({
      users: current.users,
      teams: current.teams,
      teamLeads: options.teamLeads ?? {},
    }),
  };
  parts.diagnostics.push(...defaultAuthorProblem(options.defaultAuthor, planning.resolveAuthor));
  const shared = sharedInputs(options, planning, [current.users, current.teams]);
  const guarded = guardRedirectPaths(matched.matches, liveArticlePaths(current.articles));
  parts.diagnostics.push(...guarded.diagnostics);
  for (const match of guarded.matches) planArticleThrough(memo, match, planning, shared, parts);
  const managedCount = current.articles.filter((a) => a.marker && !a.marker.retired).length;
  // A document held back by its errors is no orphan: its live article stays as it is.
  const errored = holdOf(parts.diagnostics, desired);
  const orphans = matched.orphans.filter((o) => !errored.keys.has(o.marker?.key ?? ''));
  planOrphans(orphans, managedCount, options, parts);
  // One bad document holds back one document (and those that link to it while it is new), unless strict.
  const linked = holdLinkedDocuments(
    parts.articleOps,
    holdOf(parts.diagnostics, desired),
    desired,
    new Set(urlsBefore.keys()),
  );
  parts.diagnostics.push(...linked.diagnostics);
  if (!options.strict) {
    parts.articleOps = withoutHeldOperations(parts.articleOps, linked.hold);
    parts.retirements = withoutHeldOperations(parts.retirements, linked.hold);
    parts.notices = withoutHeldOperations(parts.notices, linked.hold);
  }

  const cleanup = planCollectionCleanup(
    current,
    new Set(collections.existing.values()),
    collections.duplicates,
    [...parts.articleOps, ...parts.retirements],
    { orphans: options.orphans ?? 'report', ownedCollections: options.ownedCollections ?? [] },
  );
  parts.diagnostics.push(...cleanup.diagnostics);
  const uploads = planUploads(desired.articles, parts.articleOps);
  const planned = [
    ...uploads,
    ...collections.creates,
    ...collections.updates,
    ...parts.articleOps,
    ...parts.retirements,
    ...cleanup.deletes,
    ...parts.notices,
  ];
  const operations = options.strict
    ? planned
    : withoutHeldOperations(planned, { ...holdOf(parts.diagnostics, desired), keys: linked.hold.keys });
  // The URLs apply falls back to, for the articles these bodies link to whose URL may change.
  const linkedKeys = new Set(
    urlsBefore.size === 0
      ? []
      : operations.flatMap((op) => operationBodies(op).flatMap((html) => placeholdersIn(html).articles)),
  );
  const linkedUrls = new Map([...urlsBefore].filter(([key]) => linkedKeys.has(key)));
  return {
    version: PLAN_VERSION,
    knowledgeBase: {
      id: current.knowledgeBase.id,
      slug: current.knowledgeBase.slug,
      title: current.knowledgeBase.title,
    },
    summary: summarise(operations, parts.unchanged),
    operations,
    diagnostics: parts.diagnostics,
    remoteVersions: parts.versions,
    references: planReferences(desired, planning.lookup, operations),
    ...(linkedUrls.size > 0 ? { urlsBefore: Object.fromEntries(linkedUrls) } : {}),
  };
}
