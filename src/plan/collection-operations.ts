// Plan operations on collections and files.

/** Create a Pylon collection for a folder. Parents come before children in `Plan.operations`. */
export interface CreateCollectionOp {
  kind: 'create-collection';
  /** Folder path relative to the content directory. */
  key: string;
  title: string;
  slug: string;
  description?: string;
  parentKey: string | null;
  /** Remote id of the parent when it exists already; otherwise apply resolves `parentKey`. */
  parentId: string | null;
}

/**
 * Change a collection's title or description to the folder's (config `collectionUpdates`: Pylon's April 2026
 * OpenAPI has no collection update; later material reports `PATCH …/collections/{id}`).
 */
export interface UpdateCollectionOp {
  kind: 'update-collection';
  /** Folder path relative to the content directory. */
  key: string;
  collectionId: string;
  title: string;
  description?: string;
  before: { title: string; description?: string };
}

/**
 * Delete a collection pylon-kb's runs left behind: a duplicate of a folder's collection (two applies at
 * once) or one this plan empties. Apply re-checks that only pylon-kb's articles are in it (delete cascades).
 */
export interface DeleteCollectionOp {
  kind: 'delete-collection';
  /** The collection's place, `parent-slug/slug`, for reports. */
  key: string;
  collectionId: string;
  title: string;
  reason: 'duplicate' | 'emptied';
  /** Nesting depth: children are deleted before their parents. */
  depth: number;
}

/** Upload a local file (image, PDF…) once per content digest, before the articles that use it. */
export interface UploadAssetOp {
  kind: 'upload-asset';
  /** The file's path relative to the content directory. */
  key: string;
  sha256: string;
  size: number;
  contentType: string;
}
