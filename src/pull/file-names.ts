import { globMatcher } from '../content/glob.js';
import { isMarkdownPath } from '../content/markdown-path.js';
import { SITES } from '../sites/index.js';

/**
 * The page extensions of every generator pylon-kb knows (Hugo's `.html`, `.adoc`, `.rst`, Jekyll's `.mkd` …):
 * pull does not know which site the tree will live in, so a download takes none of them.
 */
const SITE_PAGE = new RegExp(
  `\\.(${[...new Set(SITES.flatMap((site) => site.pageExtensions ?? []))].join('|')})$`,
  'i',
);

/**
 * Whether a path in the pulled tree would be read as a document: by the next `plan` (a Markdown extension,
 * `.md`, `.markdown`, `.mdx`, or a match of the config's `include` globs) or by a site generator that
 * builds pages from other extensions.
 */
export function documentPathRule(include: readonly string[] = []): (path: string) => boolean {
  const included = include.length > 0 ? globMatcher(include) : () => false;
  return (path) => isMarkdownPath(path) || SITE_PAGE.test(path) || included(path);
}

/** The extensions a downloaded file with a document's name is given instead, in order of preference. */
const INERT_EXTENSIONS = ['.txt', '.bin'];

/**
 * A downloaded file's path that no reader of the tree takes for a document: unchanged when it is not one,
 * else with an inert extension added (`notes-3fa2c1d0.md` → `notes-3fa2c1d0.md.txt`); null when every
 * candidate is a document too (an `include` that matches everything).
 */
export function inertFilePath(path: string, isDocument: (path: string) => boolean): string | null {
  if (!isDocument(path)) return path;
  for (const extension of INERT_EXTENSIONS) {
    if (!isDocument(`${path}${extension}`)) return `${path}${extension}`;
  }
  return null;
}
