import type { Collection } from '../pylon-api/index.js';
import type { RemoteArticle } from '../remote/types.js';
import { joinPath, safeName, uniqueName } from './paths.js';

/** A collection and the folder it becomes. */
export interface PulledFolder {
  collection: Collection;
  /** Folder path inside the tree, posix; never empty. */
  path: string;
}

/** An article and the file it becomes. */
export interface PulledDocument {
  remote: RemoteArticle;
  /** File path inside the tree, e.g. `guides/setup.md`. */
  path: string;
  /** The document key: the marker's key for an article pylon-kb manages, else the path without `.md`. */
  key: string;
}

export interface TreeLayout {
  folders: PulledFolder[];
  documents: PulledDocument[];
  /** Articles left out, with the reason (retired copies, outside the chosen collections). */
  skipped: Array<{ remote: RemoteArticle; reason: string }>;
}

/**
 * Where each collection and article goes: collections become folders named by their slug, nested as in
 * Pylon; articles become `<slug>.md` in their collection's folder (articles in no collection at the root).
 * Names are made unique among siblings. With `collectionIds`, only those collections (with their
 * sub-collections, their ancestors as folders without articles) and their articles are laid out.
 */
export function layoutTree(
  collections: readonly Collection[],
  articles: readonly RemoteArticle[],
  collectionIds?: ReadonlySet<string>,
): TreeLayout {
  const byId = new Map(collections.map((c) => [c.id, c]));
  const children = new Map<string | null, Collection[]>();
  for (const c of [...collections].sort(byTitle)) {
    const parent = c.parent_collection_id && byId.has(c.parent_collection_id) ? c.parent_collection_id : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const inScope = scopeOf(collections, children, collectionIds);
  const folders: PulledFolder[] = [];
  const folderPath = new Map<string | null, string>([[null, '']]);
  const namesIn = new Map<string, Set<string>>();
  const taken = (folder: string) => namesIn.get(folder) ?? namesIn.set(folder, new Set()).get(folder)!;
  const walk = (parent: string | null) => {
    const parentPath = folderPath.get(parent) ?? '';
    for (const c of children.get(parent) ?? []) {
      if (!inScope.folders.has(c.id)) continue;
      const path = joinPath(
        parentPath,
        uniqueName(safeName(c.slug || c.title, 'collection'), taken(parentPath)),
      );
      folderPath.set(c.id, path);
      folders.push({ collection: c, path });
      walk(c.id);
    }
  };
  walk(null);

  const documents: PulledDocument[] = [];
  const skipped: TreeLayout['skipped'] = [];
  for (const remote of [...articles].sort((a, b) => byTitle(a.article, b.article))) {
    const { article, marker } = remote;
    if (marker?.retired) {
      skipped.push({ remote, reason: 'retired by pylon-kb (an unlisted copy left by a move)' });
      continue;
    }
    const collectionId =
      article.collection_id && byId.has(article.collection_id) ? article.collection_id : null;
    if (collectionIds && (collectionId === null || !inScope.articles.has(collectionId))) {
      skipped.push({ remote, reason: 'outside the chosen collections' });
      continue;
    }
    const folder = folderPath.get(collectionId) ?? '';
    const name = uniqueName(safeName(article.slug || article.title, 'article'), taken(folder), '.md');
    const path = joinPath(folder, `${name}.md`);
    const key = marker && !marker.retired ? marker.key : path.replace(/\.md$/, '');
    documents.push({ remote, path, key });
  }
  return { folders, documents, skipped };
}

function byTitle(a: { title: string; id: string }, b: { title: string; id: string }): number {
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/** Folders to write (chosen collections, their descendants and ancestors) and collections whose articles are pulled. */
function scopeOf(
  collections: readonly Collection[],
  children: ReadonlyMap<string | null, Collection[]>,
  chosen: ReadonlySet<string> | undefined,
): { folders: Set<string>; articles: Set<string> } {
  if (!chosen) {
    const all = new Set(collections.map((c) => c.id));
    return { folders: all, articles: all };
  }
  const articles = new Set<string>();
  const descend = (id: string) => {
    articles.add(id);
    for (const child of children.get(id) ?? []) descend(child.id);
  };
  for (const id of chosen) descend(id);
  const folders = new Set(articles);
  const byId = new Map(collections.map((c) => [c.id, c]));
  for (const id of chosen) {
    let parent = byId.get(id)?.parent_collection_id;
    while (parent && byId.has(parent) && !folders.has(parent)) {
      folders.add(parent);
      parent = byId.get(parent)?.parent_collection_id;
    }
  }
  return { folders, articles };
}
