import { readMarker } from '../identity/marker.js';
import type { Collection } from '../pylon-api/index.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { publicPath } from './articles.js';
import { articleHref } from './links.js';
import type { Operation, Plan } from './types.js';

/**
 * What a saved plan may do, beyond its shape and ownership of the articles it names (saved-plan.ts): only
 * what `plan` could have planned from some tree against the knowledge base as it is now.
 *
 * - every create (and move) has its own document key and a slug no other create, and no live article in the
 *   same collection, has; the marker in each body names the operation's document and no other article;
 * - no collection is deleted that pylon-kb's runs did not leave behind (a duplicate of another, one this
 *   plan empties of pylon-kb's articles, or one config `ownedCollections` names);
 * - no redirect takes a path that a live article answers (its own or one already redirected to it), unless
 *   this plan retires that article;
 * - every local file to upload is named by a path inside the docs tree;
 * - every URL `urlsBefore` gives is the one pylon-kb's article for that document has now.
 *
 * Each problem is one readable line naming the operation, found before anything is written.
 */

export interface PlanShapeContext {
  current: CurrentState;
  /** Config `ownedCollections`: collections (slug or id) pylon-kb may delete when empty. */
  ownedCollections?: readonly string[];
}

const describeOp = (i: number, op: Operation) =>
  `operation ${i + 1} (${op.kind}${'key' in op && typeof op.key === 'string' ? ` "${op.key}"` : ''})`;

/** Articles this plan deletes, unlists or moves away from: their paths may be redirected. */
function leavingArticles(plan: Plan): Set<string> {
  return new Set(
    plan.operations.flatMap((op) =>
      op.kind === 'retire-article' ? [op.articleId] : op.kind === 'move-article' ? [op.from.articleId] : [],
    ),
  );
}

/** Every public path a live article answers (its own, and those redirected to it), with the article. */
function livePaths(articles: readonly RemoteArticle[]): Map<string, RemoteArticle> {
  const paths = new Map<string, RemoteArticle>();
  for (const remote of articles) {
    if (remote.marker?.retired) continue;
    const own = publicPath(remote.article.url);
    for (const path of [...(own ? [own] : []), ...(remote.marker?.redirects ?? [])]) {
      paths.set(normalisePath(path), remote);
    }
  }
  return paths;
}

function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The redirects an operation creates, and the article they lead to (unknown for an article created now). */
function redirectsOf(op: Operation): { paths: readonly string[]; to: string | null } {
  if (op.kind === 'create-article') return { paths: op.redirectPaths ?? [], to: null };
  if (op.kind === 'move-article') return { paths: op.redirectPaths, to: null };
  if (op.kind === 'create-redirects') return { paths: op.redirectPaths, to: op.articleId };
  return { paths: [], to: null };
}

/** A file path that stays inside the docs tree: relative, no `..`, no drive, no NUL or backslash. */
export function isInsideTree(path: string): boolean {
  if (path === '' || path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return false;
  return !path.split('/').some((segment) => segment === '..');
}

function markerProblems(op: Operation): string[] {
  if (op.kind !== 'create-article' && op.kind !== 'move-article' && op.kind !== 'update-article') {
    return [];
  }
  const marker = readMarker(op.bodyHtml);
  if (!marker) return ["bodyHtml has no pylon-kb marker, so the article would not be pylon-kb's"];
  const problems: string[] = [];
  if (marker.key !== op.key) {
    problems.push(`the marker in bodyHtml names document "${marker.key}", not "${op.key}"`);
  }
  const ownId = op.kind === 'update-article' ? op.articleId : undefined;
  if (marker.articleId !== undefined && marker.articleId !== ownId) {
    problems.push(`the marker in bodyHtml names article ${marker.articleId}, not the one written`);
  }
  const replaces = marker.replaces ?? [];
  const mayReplace = op.kind === 'move-article' ? [op.from.articleId] : [];
  const foreign = replaces.filter((id) => !mayReplace.includes(id));
  if (foreign.length > 0) {
    problems.push(
      `the marker in bodyHtml says it replaces article ${foreign.join(', ')}, which this plan does not move`,
    );
  }
  if (marker.retired) problems.push('the marker in bodyHtml says the article is retired');
  return problems;
}

function collectionDeleteProblem(
  op: Extract<Operation, { kind: 'delete-collection' }>,
  context: PlanShapeContext,
  leaving: ReadonlySet<string>,
): string | undefined {
  const { collections, articles } = context.current;
  const target = collections.find((c) => c.id === op.collectionId);
  if (!target) return undefined; // gone: apply finds it gone and does nothing
  const sameParent = (c: Collection) =>
    (c.parent_collection_id ?? null) === (target.parent_collection_id ?? null);
  const duplicate = collections.some((c) => c.id !== target.id && c.slug === target.slug && sameParent(c));
  const inside = articles.filter((a) => a.article.collection_id === target.id);
  const emptied = inside.length > 0 && inside.some((a) => leaving.has(a.article.id));
  const owned = (context.ownedCollections ?? []).some((o) => o === target.id || o === target.slug);
  if (duplicate || emptied || owned) return undefined;
  return `it would delete the collection "${target.title}" (${target.id}), which pylon-kb's runs did not leave behind (not a duplicate, not emptied by this plan, not in ownedCollections)`;
}

/** Why the operations of this saved plan are not ones `plan` could have made; empty when they are. */
export function planShapeRefusals(plan: Plan, context: PlanShapeContext): string[] {
  const refusals: string[] = [];
  const leaving = leavingArticles(plan);
  const paths = livePaths(context.current.articles);
  const documents = new Map<string, number>();
  const slugs = new Map<string, number>();
  const collectionPlaces = new Map<string, number>();
  const redirected = new Map<string, number>();
  const liveSlugs = new Map(
    context.current.articles
      .filter((a) => !leaving.has(a.article.id))
      .map((a) => [`${a.article.collection_id ?? ''}/${a.article.slug}`, a]),
  );

  plan.operations.forEach((op, i) => {
    const name = describeOp(i, op);
    const once = (seen: Map<string, number>, id: string, what: string) => {
      const first = seen.get(id);
      if (first !== undefined) refusals.push(`${name}: ${what} as operation ${first + 1} does`);
      else seen.set(id, i);
    };
    if (op.kind === 'create-article' || op.kind === 'move-article' || op.kind === 'update-article') {
      once(documents, op.key, `writes document "${op.key}" again,`);
    }
    if (op.kind === 'create-article' || op.kind === 'move-article') {
      const place = op.collectionId ?? (op.collectionKey === null ? '' : `key:${op.collectionKey}`);
      once(slugs, `${place}/${op.slug}`, `creates an article with slug "${op.slug}" in the same collection`);
      const holder =
        op.collectionId !== null || op.collectionKey === null
          ? liveSlugs.get(`${op.collectionId ?? ''}/${op.slug}`)
          : undefined;
      if (holder) {
        refusals.push(
          `${name}: the slug "${op.slug}" is held by the live article "${holder.article.title}" (${holder.article.id}) in that collection`,
        );
      }
    }
    if (op.kind === 'create-collection') {
      const parent = op.parentId ?? (op.parentKey === null ? '' : `key:${op.parentKey}`);
      once(
        collectionPlaces,
        `${parent}/${op.slug}`,
        `creates a collection "${op.slug}" under the same parent`,
      );
      const parentKnown = op.parentKey === null || op.parentId !== null;
      const live = parentKnown
        ? context.current.collections.find(
            (c) => c.slug === op.slug && (c.parent_collection_id ?? null) === op.parentId,
          )
        : undefined;
      if (live) {
        refusals.push(
          `${name}: the collection "${live.title}" (${live.id}) already has slug "${op.slug}" there`,
        );
      }
    }
    for (const problem of markerProblems(op)) refusals.push(`${name}: ${problem}`);
    if (op.kind === 'delete-collection') {
      const problem = collectionDeleteProblem(op, context, leaving);
      if (problem) refusals.push(`${name}: ${problem}`);
    }
    const { paths: redirectPaths, to } = redirectsOf(op);
    for (const path of redirectPaths) {
      const normal = normalisePath(path);
      once(redirected, normal, `redirects "${path}" again,`);
      const holder = paths.get(normal);
      if (!holder || holder.article.id === to || leaving.has(holder.article.id)) continue;
      refusals.push(
        `${name}: it would redirect "${path}", which the live article "${holder.article.title}" (${holder.article.id}) answers`,
      );
    }
    if (op.kind === 'upload-asset' && !isInsideTree(op.key)) {
      refusals.push(`${name}: the file "${op.key}" is not a path inside the docs tree`);
    }
  });
  refusals.push(...urlsBeforeRefusals(plan, context.current.articles));
  return refusals;
}

/** Links are filled in with `urlsBefore`: each must be the URL pylon-kb's article for the document has. */
function urlsBeforeRefusals(plan: Plan, articles: readonly RemoteArticle[]): string[] {
  return Object.entries(plan.urlsBefore ?? {}).flatMap(([key, url]) => {
    const own = articles.some((a) => a.marker?.key === key && !a.marker.retired && articleHref(a) === url);
    return own ? [] : [`urlsBefore: "${url}" is not the URL of pylon-kb's article for "${key}"`];
  });
}
