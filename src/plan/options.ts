import type { Visibility } from '../pylon-api/index.js';

export interface PlanOptions {
  /** Publish creates and updates (config `publish`). When false, creates stay unpublished and updates stay draft. */
  publish: boolean;
  /** Author for documents without frontmatter `author`. */
  defaultAuthor?: string;
  /** Team name → lead email, for `team:<name>` authors. */
  teamLeads?: Record<string, string>;
  /** Frontmatter author → Pylon user (config `authors`). */
  authors?: Readonly<Record<string, string>>;
  /** An author Pylon does not know: an error, or the default author with a warning (config `unknownAuthors`). */
  unknownAuthors?: 'error' | 'default';
  /** Defaults for documents whose frontmatter does not say. */
  visibility?: Visibility;
  unlisted?: boolean;
  /** A managed article edited in Pylon since pylon-kb published it. */
  onDrift?: 'fail' | 'skip' | 'overwrite';
  /** Managed articles whose source is gone: report them, or retire them. */
  orphans?: 'report' | 'unlist' | 'delete';
  /** Refuse to retire more than this share of the managed articles in one run (default 0.2)... */
  maxRetireRatio?: number;
  /** ...unless forced. */
  force?: boolean;
  /** Take over hand-written articles with a document's slug in an owned collection. */
  adopt?: boolean;
  /** Collections (slug or id) pylon-kb owns besides the ones its folders map to: deleted when empty (orphans policy). */
  ownedCollections?: readonly string[];
  /**
   * Refuse the whole run for any error (config `strict`, `--strict`). Otherwise a document with an error is
   * held back (not written) and everything else is planned (plan/hold-back.ts).
   */
  strict?: boolean;
  /** Send a folder's changed title or description (the API's collection PATCH); otherwise report it. */
  collectionUpdates?: boolean;
}
