import { digestOf } from '../identity/digest.js';
import type { ParseDocumentOptions, ParsedDocument } from './document.js';
import type { SourceFile } from './types.js';

/**
 * Per-file results of the pure content steps, kept between builds of the same tree (watch mode). Each
 * entry remembers the inputs it was computed from and is reused only when every one of them is the same
 * value (strings by content, everything else by identity), so a build through the memo gives exactly what
 * a build without it gives: the memo only skips recomputing a pure function on inputs it has seen.
 * A file that changed is recomputed; so is every page whose link targets changed (the index fingerprint
 * is one of a resolution's inputs).
 */
export interface BuildMemo {
  /**
   * `compute()`, or what it returned the last time `slot` was computed from the same `inputs`.
   * Only for pure computations whose result depends on nothing but `inputs`.
   */
  reuse<T>(slot: string, inputs: readonly unknown[], compute: () => T): T;
  /** A build finished: forget the slots it did not use (deleted files, renamed pages). */
  sweep(): void;
}

interface Entry {
  inputs: readonly unknown[];
  value: unknown;
}

export function createBuildMemo(): BuildMemo {
  let entries = new Map<string, Entry>();
  let used = new Map<string, Entry>();
  return {
    reuse<T>(slot: string, inputs: readonly unknown[], compute: () => T): T {
      const entry = used.get(slot) ?? entries.get(slot);
      if (entry && sameInputs(entry.inputs, inputs)) {
        used.set(slot, entry);
        return entry.value as T;
      }
      const value = compute();
      used.set(slot, { inputs, value });
      return value;
    },
    sweep() {
      entries = used;
      used = new Map();
    },
  };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** `reuse` when a memo is given, else a plain call. */
export function memoized<T>(
  memo: BuildMemo | undefined,
  slot: string,
  inputs: readonly unknown[],
  compute: () => T,
): T {
  return memo ? memo.reuse(slot, inputs, compute) : compute();
}

export type DocumentParser = (
  file: SourceFile,
  options: ParseDocumentOptions & { isIndex?: boolean; folderTitle?: string },
) => ParsedDocument;

/**
 * `parseDocument` through the memo. The tree changes the documents it gets (unique slugs, navigation
 * order, site redirects), so each call hands out a fresh copy of the remembered parse.
 */
export function memoizedParser(memo: BuildMemo | undefined, parse: DocumentParser): DocumentParser {
  if (!memo) return parse;
  return (file, options) => {
    const { site, stripNumberPrefix, extraKeys, isIndex, folderTitle } = options;
    const inputs = [
      file.text,
      file.undecodable === true,
      site,
      stripNumberPrefix,
      extraKeys,
      isIndex,
      folderTitle,
    ];
    const parsed = memo.reuse(`parse\0${file.path}`, inputs, () => parse(file, options));
    return {
      ...parsed,
      doc: parsed.doc && { ...parsed.doc, redirectFrom: [...parsed.doc.redirectFrom] },
      diagnostics: [...parsed.diagnostics],
    };
  };
}

/** One digest of a list of values: the cheap input that stands for a whole-tree structure. */
export function fingerprintOf(parts: readonly string[]): string {
  return digestOf(parts.join('\0'));
}

interface IndexedPage {
  doc: {
    key: string;
    path: string;
    slug: string;
    siteUrls?: readonly string[];
    redirectFrom?: readonly string[];
  };
  anchors: readonly string[];
  language?: string | undefined;
}

/**
 * Everything `buildTargetIndex` reads, as one digest: two trees with the same fingerprint resolve every
 * link the same way, so an unchanged page need not be resolved again.
 */
export function targetIndexFingerprint(
  docs: readonly IndexedPage[],
  translations: readonly IndexedPage[],
  collections: readonly { key: string }[],
  extras: unknown,
): string {
  const parts: string[] = [];
  for (const { doc, anchors, language } of [...docs, ...translations]) {
    const urls = [...(doc.siteUrls ?? []), '\u0001', ...(doc.redirectFrom ?? [])];
    parts.push(doc.key, doc.path, doc.slug, language ?? '', urls.join('\u0002'), anchors.join('\u0002'));
  }
  parts.push(String(docs.length), collections.map((c) => c.key).join('\u0002'), JSON.stringify(extras));
  return fingerprintOf(parts);
}
