import type { Visibility } from '../pylon/types.js';

export interface PlanOptions {
  /** Publish creates and updates (config `publish`). When false, creates stay unpublished and updates stay draft. */
  publish: boolean;
  /** Author for documents without frontmatter `author`. */
  defaultAuthor?: string;
  /** Team name → lead email, for `team:<name>` authors. */
  teamLeads?: Record<string, string>;
  /** Defaults for documents whose frontmatter does not say. */
  visibility?: Visibility;
  unlisted?: boolean;
  /** What happens to the old article of a move. */
  retireMovedArticles?: 'delete' | 'unlist';
  /** A managed article edited in Pylon since pylon-kb published it. */
  onDrift?: 'fail' | 'skip' | 'overwrite';
}
