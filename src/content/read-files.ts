import { isUtf8 } from 'node:buffer';
import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { globMatcher } from './glob.js';
import { isMarkdownPath, MARKDOWN_GLOBS } from './markdown-path.js';
import { MAX_DOCUMENT_BYTES } from './source-limits.js';
import type { SourceFile } from './types.js';

/**
 * Reads the docs tree's Markdown files: one of the content module's four file-system readers (with
 * read-assets, read-includes and read-site); everything else in src/content is pure.
 */

export const DEFAULT_INCLUDE: readonly string[] = MARKDOWN_GLOBS;
/** Always left out, on top of the caller's `exclude`: dependencies and hidden folders are never content. */
export const ALWAYS_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.*/**'];
/** Folder metadata files, read wherever they are (unless excluded), whatever `include` says. */
const METADATA_FILE = /(^|\/)_category_\.(json|ya?ml)$/i;

export interface ReadContentOptions {
  /** Globs, relative to the content directory, of the Markdown files to read. Default: all .md/.markdown. */
  include?: readonly string[] | undefined;
  /** Globs to leave out (files or whole folders, e.g. `drafts/**`). */
  exclude?: readonly string[] | undefined;
  /** Globs the site generator leaves out (Docusaurus `_partials`, Mintlify `snippets/`, Jekyll `exclude`). */
  siteExclude?: readonly string[] | undefined;
}

/** The docs tree's files, and the Markdown files left out (links to them are reported as such). */
export interface ReadContent {
  files: SourceFile[];
  excluded: string[];
}

/** The content directory cannot be read: the CLI maps this to exit code 2. */
export class ContentDirError extends Error {
  override readonly name = 'ContentDirError';
  readonly code = 'content/missing-dir';
}

/**
 * Reads the docs tree: every included Markdown file and every `_category_` metadata file, with posix
 * paths relative to `contentDir`, sorted by path. Symbolic links are not followed.
 * Throws ContentDirError when `contentDir` is missing or not a directory.
 */
export async function readContentFiles(
  contentDir: string,
  options: ReadContentOptions = {},
): Promise<SourceFile[]> {
  return (await readContent(contentDir, options)).files;
}

/** `readContentFiles`, plus the paths of the Markdown files that `exclude` or the site left out. */
export async function readContent(
  contentDir: string,
  options: ReadContentOptions = {},
): Promise<ReadContent> {
  const root = resolve(contentDir);
  await assertDirectory(root);
  const rule = contentFileRule(options);
  const paths: string[] = [];
  const excluded: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const entries = await readdir(join(root, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!rule.isSkippedDir(path)) await walk(path);
      } else if (!entry.isFile()) {
      } else {
        const kind = rule.classify(path);
        if (kind === 'content') paths.push(path);
        else if (kind === 'excluded') excluded.push(path);
      }
    }
  };
  await walk('');

  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  paths.sort(byPath);
  const files = await Promise.all(
    paths.map(async (path) => ({ path, ...(await readSourceText(join(root, path))) })),
  );
  return { files, excluded: excluded.sort(byPath) };
}

/**
 * Which files of the tree are content: `content` (read as documents or folder metadata), `excluded` (a
 * Markdown file `exclude` or the site left out: links to it are reported as such) or `other` (not content:
 * an image, a left-out file of another kind). `readContent` and the watcher share it.
 */
export function contentFileRule(options: ReadContentOptions = {}) {
  const include = globMatcher(
    options.include && options.include.length > 0 ? options.include : DEFAULT_INCLUDE,
  );
  const always = globMatcher(ALWAYS_EXCLUDE);
  const exclude = globMatcher([
    ...ALWAYS_EXCLUDE,
    ...(options.exclude ?? []),
    ...(options.siteExclude ?? []),
  ]);
  return {
    classify(path: string): 'content' | 'excluded' | 'other' {
      if (exclude(path) || exclude(`${folderPart(path)}/`)) {
        return isMarkdownPath(path) && !always(path) ? 'excluded' : 'other';
      }
      return include(path) || METADATA_FILE.test(path) ? 'content' : 'other';
    },
    /** Folders never walked: dependencies and hidden folders. */
    isSkippedDir: (path: string): boolean => always(`${path}/`),
  };
}

/** Every folder above a path is checked too, so `drafts/**` leaves out `drafts/a/b.md`. */
function folderPart(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * A content file as UTF-8 text (undecodable bytes become U+FFFD), but never more than
 * MAX_DOCUMENT_BYTES + 1 bytes of it: enough for the size check to refuse it, without holding a huge file.
 */
export async function readTextFile(path: string): Promise<string> {
  return (await readSourceText(path)).text;
}

/** `readTextFile`, and whether the bytes were not valid UTF-8 (`undecodable`, left out when they were). */
export async function readSourceText(path: string): Promise<{ text: string; undecodable?: true }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(MAX_DOCUMENT_BYTES + 1, (await handle.stat()).size));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const bytes = buffer.subarray(0, filled);
    const text = bytes.toString('utf8');
    return text.includes('\uFFFD') && !isUtf8(bytes) ? { text, undecodable: true } : { text };
  } finally {
    await handle.close();
  }
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info?.isDirectory()) return;
  const problem = info ? 'is not a directory' : 'does not exist';
  throw new ContentDirError(
    `Content directory ${dir} ${problem}. Create it, or point pylon-kb at your docs folder with ` +
      '`contentDir` in pylon-kb.config.ts or the --content-dir flag.',
  );
}
