import type { ApplyResult } from '../apply/types.js';
import type { OperationKind } from '../plan/types.js';
import type { Collection } from '../pylon-api/index.js';
import { toRemoteArticle } from '../remote/snapshot.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';

/**
 * What a written operation's result tells about the knowledge base after it, per kind (a kind added to
 * plan/operations without an entry here does not compile): `article`, the article as the server holds it;
 * `collection`, a created collection (from the operation and the new id); `retired`, an article gone;
 * `nothing` that the fold keeps (files; collection renames and deletions, re-read on the next refresh).
 */
const RESULT_TELLS: Record<OperationKind, 'article' | 'collection' | 'retired' | 'nothing'> = {
  'upload-asset': 'nothing',
  'create-collection': 'collection',
  'update-collection': 'nothing',
  'delete-collection': 'nothing',
  'create-article': 'article',
  'update-article': 'article',
  'move-article': 'article',
  'create-redirects': 'article',
  'retire-article': 'retired',
  orphan: 'nothing',
  drift: 'nothing',
};

export interface FoldedState {
  state: CurrentState;
  /**
   * True when a result leaves the remote in a state the results do not describe (a failed write may or
   * may not have happened; a write without the returned article): re-read the knowledge base before the
   * next plan.
   */
  uncertain: boolean;
  /** Articles whose translations were written: their languages are read back (`readBackTranslations`). */
  translationsToRead: { articleId: string; languages: string[] }[];
}

/**
 * The knowledge base after pylon-kb's own writes, from their results alone (no re-read): created
 * collections from the operation and the new id, created, updated and moved articles from the article the
 * server returned (keeping the translations read before, which an update of the article leaves alone),
 * retired articles (deleted, or unlisted and marked retired) removed. Pure.
 */
export function foldResults(state: CurrentState, results: readonly ApplyResult[]): FoldedState {
  const collections: Collection[] = [...state.collections];
  const articles = new Map<string, RemoteArticle>(state.articles.map((a) => [a.article.id, a]));
  const createdCollectionIds = new Map<string, string>();
  let uncertain = false;
  const translationsToRead: FoldedState['translationsToRead'] = [];

  for (const result of results) {
    if (result.status === 'created' && result.op.kind === 'create-collection') {
      createdCollectionIds.set(result.op.key, result.id);
    }
  }

  for (const result of results) {
    const { op } = result;
    switch (result.status) {
      case 'created':
      case 'updated':
      case 'moved': {
        if (op.kind === 'create-collection') {
          const parentId =
            op.parentId ?? (op.parentKey === null ? null : (createdCollectionIds.get(op.parentKey) ?? null));
          collections.push({
            id: result.id,
            title: op.title,
            slug: op.slug,
            ...(op.description !== undefined ? { description: op.description } : {}),
            parent_collection_id: parentId,
          });
          break;
        }
        if (RESULT_TELLS[op.kind] !== 'article') break;
        // Written translations are read back: the answer to a write shows one language only.
        const languages = 'translations' in op ? op.translations.map((t) => t.language) : [];
        if (languages.length > 0) translationsToRead.push({ articleId: result.id, languages });
        // An update of translations alone answers with a translation's view: the article itself is unchanged.
        if (op.kind === 'update-article' && op.changes.every((c) => c === 'translations')) break;
        if (!result.article) {
          uncertain = true;
          break;
        }
        const previous = articles.get(result.article.id);
        const folded = toRemoteArticle(result.article);
        if (previous?.translations) folded.translations = previous.translations;
        articles.set(result.article.id, folded);
        if (result.status === 'moved' && op.kind === 'move-article') articles.delete(op.from.articleId);
        break;
      }
      case 'retired':
        articles.delete(result.id);
        break;
      case 'failed':
        uncertain = true;
        break;
      case 'unchanged':
      case 'skipped':
        break;
    }
  }
  return {
    state: { ...state, collections, articles: [...articles.values()] },
    uncertain,
    translationsToRead,
  };
}
