import { stripMarkdownExtension } from './markdown-path.js';
/** A valid slug: lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/**
 * Turns any text into a slug: diacritics removed (NFKD), lower-cased, every run of characters outside
 * a-z0-9 replaced by one `-`, and `-` trimmed from both ends. May return '' (e.g. for CJK-only text).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A Docusaurus-style ordering prefix: digits, then `-`, `_` or `.` (spaces allowed around it), then a
 * name that does not start with a digit. `01-intro` → order 1, name `intro`. `2024-01-01-post` and
 * `1.5-notes` keep their names: the part after the separator starts with a digit.
 */
const NUMBER_PREFIX = /^(\d+)\s*[-_.]+\s*(?=[^\d\s\-_.])/;

export interface SplitName {
  name: string;
  order?: number;
}

export function splitNumberPrefix(name: string, enabled = true): SplitName {
  const match = enabled ? NUMBER_PREFIX.exec(name) : null;
  if (!match) return { name };
  return { name: name.slice(match[0].length), order: Number(match[1]) };
}

/** The last path segment without its Markdown extension. */
export function baseName(path: string): string {
  return stripMarkdownExtension(path.slice(path.lastIndexOf('/') + 1));
}

/** The folder part of a posix path, or null for a top-level path. */
export function parentFolder(path: string): string | null {
  const at = path.lastIndexOf('/');
  return at < 0 ? null : path.slice(0, at);
}

/** A file or folder name as a title: `getting-started` → `Getting started`, `api_keys` → `Api keys`. */
export function titleFromName(name: string): string {
  const words = name.replace(/[-_\s]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
