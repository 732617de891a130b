import type { DesiredArticle } from '../content/types.js';
import type { ArticleMatch } from './match.js';
import type { PlanOptions } from './options.js';
import { type ArticlePlanning, type PlanParts, planArticle } from './plan-article.js';

/**
 * What each document's planning gave in the last plan, kept by watch mode between saves. A document is
 * planned again only when something `planArticle` reads for it changed: the document (the desired state's
 * builder hands out the same object while nothing it is made of changed), the article it matched and how,
 * the options, the users and teams, where its folder is, and the URL of every article and file its body
 * links to. Otherwise its operations, diagnostics and versions are the last plan's, which is what planning
 * it again would give: `planArticle` is pure.
 */
export interface PlanMemo {
  readonly entries: WeakMap<DesiredArticle, { inputs: unknown[]; parts: PlanParts }>;
}

export function createPlanMemo(): PlanMemo {
  return { entries: new WeakMap() };
}

/** What every document's inputs share in one plan: computed once per plan. */
export function sharedInputs(options: PlanOptions, planning: ArticlePlanning, current: object[]): unknown[] {
  return [JSON.stringify(options), JSON.stringify(planning.knowledgeBase), ...current];
}

function inputsOf(match: ArticleMatch, planning: ArticlePlanning, shared: readonly unknown[]): unknown[] {
  const { doc, remote } = match;
  const bodies = [doc, ...(doc.translations ?? [])];
  const links = bodies.flatMap((b) => (b.links ?? []).map((l) => planning.lookup.articleUrl(l.targetKey)));
  const files = bodies.flatMap((b) => (b.assets ?? []).map((a) => planning.lookup.assetUrl(a.sha256)));
  const collectionId = remote?.article.collection_id;
  return [
    ...shared,
    remote,
    JSON.stringify(match.reason ?? null),
    ...match.extras,
    planning.relocated.has(doc.key),
    planning.collectionIdOf(doc),
    collectionId ? planning.remoteCollectionKey.get(collectionId) : undefined,
    JSON.stringify(links),
    JSON.stringify(files),
  ];
}

function emptyParts(): PlanParts {
  return { diagnostics: [], versions: {}, articleOps: [], retirements: [], notices: [], unchanged: 0 };
}

/** `planArticle`, or what it gave last time for the same inputs; adds the result to `parts`. */
export function planArticleThrough(
  memo: PlanMemo | undefined,
  match: ArticleMatch,
  planning: ArticlePlanning,
  shared: readonly unknown[],
  parts: PlanParts,
): void {
  if (!memo) {
    planArticle(match, planning, parts);
    return;
  }
  const inputs = inputsOf(match, planning, shared);
  const hit = memo.entries.get(match.doc);
  let own = hit && sameInputs(hit.inputs, inputs) ? hit.parts : undefined;
  if (!own) {
    own = emptyParts();
    planArticle(match, planning, own);
    memo.entries.set(match.doc, { inputs, parts: own });
  }
  parts.diagnostics.push(...own.diagnostics);
  Object.assign(parts.versions, own.versions);
  parts.articleOps.push(...own.articleOps);
  parts.retirements.push(...own.retirements);
  parts.notices.push(...own.notices);
  parts.unchanged += own.unchanged;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
