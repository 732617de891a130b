import { stripMarkdownExtension } from '../content/markdown-path.js';
import type { DesiredState } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { placeholdersIn } from '../identity/placeholders.js';
import { type Operation, operationBodies } from './types.js';

/**
 * One bad document holds back one document: what a run does not write because of errors.
 *
 * - a document, translation or folder-metadata file with an error: none of its operations run (the
 *   translations of a document travel with its article, so an error in one holds the article);
 * - a document whose body links to a held-back document that this run would create or re-create (its link
 *   could point nowhere): held back too, with a `document/held-back` warning at the link;
 * - a held-back document's live article is never retired nor reported as an orphan;
 * - an error that names no file (or a file that is no document, translation or folder): nothing is written.
 *
 * Watch mode holds back the same way, per save (watch/plan-filter.ts uses `withoutHeldOperations`).
 */
export interface Hold {
  /** Source files whose operations do not run. */
  paths: ReadonlySet<string>;
  /** Keys of held-back documents: never retired, never reported as orphans because of the error. */
  keys: ReadonlySet<string>;
  /** An error that names no file: nothing is written at all (orphan and drift notices still show). */
  all: boolean;
}

export const HELD_BACK_CODE = 'document/held-back';

/** Files with an error, and whether an error names no file. */
export function erroredFiles(diagnostics: readonly Diagnostic[]): { paths: Set<string>; all: boolean } {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    paths: new Set(errors.flatMap((d) => (d.file === undefined ? [] : [d.file]))),
    all: errors.some((d) => d.file === undefined),
  };
}

/**
 * What the errors among `diagnostics` hold back in `desired`. A file the tree does not know as a document,
 * translation or folder (a Markdown file whose frontmatter failed) holds back the key its path implies.
 */
export function holdOf(diagnostics: readonly Diagnostic[], desired: DesiredState): Hold {
  const errored = erroredFiles(diagnostics);
  const paths = new Set<string>();
  const keys = new Set<string>();
  let all = errored.all;
  const byPath = new Map<string, string>();
  for (const article of desired.articles) {
    byPath.set(article.path, article.key);
    for (const t of article.translations ?? []) byPath.set(t.path, article.key);
  }
  const collectionOf = new Map(
    desired.collections.flatMap((c) => (c.source ? [[c.source.path, c.key] as const] : [])),
  );
  const collectionKeys = new Set(desired.collections.map((c) => c.key));
  const heldCollections = new Set<string>();
  for (const path of errored.paths) {
    const key = byPath.get(path);
    // A folder's metadata file with errors (`_category_.json`) or the folder itself (a name that gives no slug).
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
    const collection =
      collectionOf.get(path) ??
      (collectionKeys.has(path) ? path : undefined) ??
      (folder !== undefined && collectionKeys.has(folder) && path === stripMarkdownExtension(path)
        ? folder
        : undefined);
    if (key !== undefined) {
      paths.add(path);
      keys.add(key);
    } else if (collection !== undefined) {
      heldCollections.add(collection);
      paths.add(path);
    } else if (path !== stripMarkdownExtension(path)) {
      paths.add(path);
      keys.add(stripMarkdownExtension(path));
    } else {
      all = true;
    }
  }
  // A folder whose metadata has errors holds back everything inside it.
  const inside = (key: string | null) =>
    key !== null && [...heldCollections].some((c) => key === c || key.startsWith(`${c}/`));
  for (const article of desired.articles) {
    if (!inside(article.collectionKey)) continue;
    paths.add(article.path);
    keys.add(article.key);
  }
  return { paths, keys, all };
}

function sourcePaths(op: Operation): string[] {
  const translations = 'translations' in op ? op.translations.map((t) => t.path) : [];
  return 'path' in op ? [op.path, ...translations] : translations;
}

function ancestors(key: string | null): string[] {
  if (key === null) return [];
  const parts = key.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The operations without those of held-back files. Collection creates stay only when an article that is
 * still written goes into them; drift notices stay (they say what Pylon holds), orphan notices of held-back
 * keys go.
 */
export function withoutHeldOperations(operations: readonly Operation[], hold: Hold): Operation[] {
  const kept = operations.filter((op) => {
    if (hold.all) return op.kind === 'orphan' || op.kind === 'drift';
    if (op.kind === 'drift') return true;
    if (sourcePaths(op).some((p) => hold.paths.has(p))) return false;
    if ((op.kind === 'retire-article' || op.kind === 'orphan') && hold.keys.has(op.key)) return false;
    return true;
  });
  const needed = new Set(
    kept.flatMap((op) =>
      op.kind === 'create-article' || op.kind === 'move-article' ? ancestors(op.collectionKey) : [],
    ),
  );
  return kept.filter((op) => op.kind !== 'create-collection' || needed.has(op.key));
}

/**
 * Extends the hold to the documents whose bodies still link to a held-back document by key: a link the plan
 * left for apply to fill in, because its target is created or re-created in this run. Returns the hold
 * grown to a fixed point and one warning per held-back link (at the link's line).
 */
export function holdLinkedDocuments(
  operations: readonly Operation[],
  hold: Hold,
  desired: DesiredState,
  /** Articles that exist, whose URL may change: a link to one falls back to its URL now, so holds nothing. */
  existing: ReadonlySet<string> = new Set(),
): { hold: Hold; diagnostics: Diagnostic[] } {
  const paths = new Set(hold.paths);
  const keys = new Set(hold.keys);
  const diagnostics: Diagnostic[] = [];
  if (hold.all || keys.size === 0) return { hold, diagnostics };
  const pathOfKey = new Map(desired.articles.map((a) => [a.key, a.path]));
  const linksOf = new Map(
    desired.articles.map((a) => [
      a.key,
      [...(a.links ?? []), ...(a.translations ?? []).flatMap((t) => t.links)],
    ]),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const op of operations) {
      if (!('path' in op) || !('key' in op) || paths.has(op.path)) continue;
      const targets = new Set(operationBodies(op).flatMap((html) => placeholdersIn(html).articles));
      const held = [...targets].find((key) => key !== op.key && keys.has(key) && !existing.has(key));
      if (held === undefined) continue;
      paths.add(op.path);
      keys.add(op.key);
      grew = true;
      const link = linksOf.get(op.key)?.find((l) => l.targetKey === held);
      const target = pathOfKey.get(held) ?? held;
      diagnostics.push({
        severity: 'warning',
        code: HELD_BACK_CODE,
        message: `Not written in this run: it links to ${target}, which is new and held back by its own errors.`,
        file: op.path,
        ...(link && { line: link.line }),
        ...(link?.column !== undefined && { column: link.column }),
        hint: `Fix the errors reported for ${target}; this document is then written with it.`,
      });
    }
  }
  return { hold: { paths, keys, all: false }, diagnostics };
}

/** A document a run does not write, and the first problem that holds it back. */
export interface HeldDocument {
  file: string;
  line?: number;
  code: string;
  message: string;
  hint?: string;
}

/**
 * The documents held back, from a plan's diagnostics: every file with an error, and every document held
 * back because it links to one (`document/held-back`). One entry per file, its first problem.
 */
export function heldBackDocuments(diagnostics: readonly Diagnostic[]): HeldDocument[] {
  const byFile = new Map<string, HeldDocument>();
  for (const d of diagnostics) {
    if (d.file === undefined || byFile.has(d.file)) continue;
    if (d.severity !== 'error' && d.code !== HELD_BACK_CODE) continue;
    byFile.set(d.file, {
      file: d.file,
      ...(d.line !== undefined && { line: d.line }),
      code: d.code,
      message: d.message,
      ...(d.hint !== undefined && { hint: d.hint }),
    });
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
