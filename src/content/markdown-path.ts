/**
 * Which files are Markdown documents: the one rule every reader of paths uses (discovery, keys, slugs,
 * link targets, translations, watch). Add an extension here and every reader follows.
 */

/** File extensions read as Markdown documents, without the dot, in the order links are tried. */
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdx'] as const;

const EXTENSION = new RegExp(`\\.(${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');
const INDEX_PAGE = new RegExp(`(^|/)_?index\\.(${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

/** The default `include` globs for Markdown discovery: `**\/*.md`, `**\/*.markdown`, `**\/*.mdx`. */
export const MARKDOWN_GLOBS: readonly string[] = MARKDOWN_EXTENSIONS.map((ext) => `**/*.${ext}`);

/** Whether a path (or bare extension-bearing name) is a Markdown document. */
export function isMarkdownPath(path: string): boolean {
  return EXTENSION.test(path);
}

/** Whether a bare extension (`md`, `MARKDOWN`, no dot) is a Markdown one. */
export function isMarkdownExtension(extension: string): boolean {
  return (MARKDOWN_EXTENSIONS as readonly string[]).includes(extension.toLowerCase());
}

/** The path without its Markdown extension (`guide/setup.md` → `guide/setup`); other paths unchanged. */
export function stripMarkdownExtension(path: string): string {
  return path.replace(EXTENSION, '');
}

/** A folder's index page (`_index.md`, `index.markdown`, `guide/_index.md`), the Hugo convention. */
export function isIndexPage(path: string): boolean {
  return INDEX_PAGE.test(path);
}

/** The document paths a stem may stand for: `guide/setup` → `guide/setup.md`, `guide/setup.markdown`. */
export function markdownPathsOf(stem: string): string[] {
  return MARKDOWN_EXTENSIONS.map((ext) => `${stem}.${ext}`);
}

/** The README at the content root describes the tree; it is not published. */
export function isRootReadme(path: string): boolean {
  return /^readme\.md$/i.test(path);
}
