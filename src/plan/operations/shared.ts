import { z } from 'zod';
import { VISIBILITIES } from '../../pylon-api/index.js';

/**
 * What every operation kind defines once (operations/<kind>.ts), checked for every kind by the registry
 * (operations/index.ts): its schema (the saved-plan file is checked field by field, and the operation's
 * type is the schema's), how reports name it, and what it writes.
 */
export interface OperationDefinition<S extends z.ZodType> {
  schema: S;
  /** Heading / table label in reports. */
  label: string;
  /** Terminal symbol: `+` create, `~` update, `→` move, `-` retire, `!` drift, `?` orphan. */
  symbol: string;
  /** What applying it does, for "failed to <verb> <name>" lines (`create`, `add redirects to`). */
  verb: string;
  /** A notice makes no remote write: apply skips it. */
  notice: boolean;
  /** The HTML bodies it writes, with their field in the saved plan (where file and link placeholders are). */
  bodies(op: z.infer<S>): { field: string; html: string }[];
  /** Every body a report shows for it (before and after), for the reader's view of its links. */
  shownBodies(op: z.infer<S>): string[];
  /** Existing articles it writes: a saved plan may only touch articles still pylon-kb's for the document. */
  articleIds(op: z.infer<S>): { id: string; key: string; role: string }[];
}

/** A definition with nothing to write and no article it changes (collections, files, notices). */
export const NO_BODIES = {
  bodies: () => [],
  shownBodies: () => [],
  articleIds: () => [],
} as const;

export const text = z.string();
export const nonEmpty = z.string().min(1, 'must not be empty');
export const id = nonEmpty;
export const visibility = z.enum(VISIBILITIES);
export const stringList = z.array(z.string());

/** A translation as pylon-kb sends it (with `translations[]` on create, or a PATCH with `language`). */
export const translationSchema = z.strictObject({
  language: nonEmpty,
  /** The translation's source file. */
  path: nonEmpty,
  title: text,
  /** Rendered HTML with its marker; placeholders apply resolves stay. */
  bodyHtml: text,
  /** The translation in Pylon when planned (absent: it is new), for diffs in reports. */
  before: z.strictObject({ title: text, bodyHtml: text }).optional(),
});
export type TranslationDraft = z.infer<typeof translationSchema>;

/** What pylon-kb sends when it creates an article. */
export const articleDraftFields = {
  title: text,
  slug: nonEmpty,
  collectionKey: z.string().nullable(),
  /** Remote id of the collection when it exists already; otherwise apply resolves `collectionKey`. */
  collectionId: z.string().nullable(),
  authorUserId: id,
  isPublished: z.boolean(),
  isUnlisted: z.boolean(),
  visibility: visibility.optional(),
  /**
   * Rendered HTML with the pylon-kb marker and every URL known when planning; placeholders for articles
   * and files created in the same run are substituted by apply.
   */
  bodyHtml: text,
  digest: nonEmpty,
  translations: z.array(translationSchema),
};
const articleDraftSchema = z.strictObject(articleDraftFields);
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

/** The bodies of an article it writes: its own and its translations'. */
export function articleBodies(op: Pick<ArticleDraft, 'bodyHtml' | 'translations'>): {
  field: string;
  html: string;
}[] {
  return [
    { field: 'bodyHtml', html: op.bodyHtml },
    ...op.translations.map((t, i) => ({ field: `translations.${i}.bodyHtml`, html: t.bodyHtml })),
  ];
}
