import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  type IncludedFile,
  includeRequests,
  presetKey,
  type SiteVariables,
  type SnippetSettings,
  type SyntaxPreset,
} from '../markdown/syntax/index.js';
import { type BuildMemo, memoized } from './build-memo.js';
import { isPlainRelativePath } from './read-assets.js';
import { readSiteData, readSiteTemplates } from './read-site.js';
import type { SyntaxInputs } from './render-syntax.js';
import { type SitePageSource, sitePagesOf, siteVariablesFrom, VARIABLE_FILES } from './site-variables.js';

/**
 * The I/O edge for the files documents include (VitePress `@include`, MkDocs snippets, Hugo `readfile`,
 * Liquid `include`, MDX partials) and for the site configuration Liquid reads. Each path is checked the
 * way local assets are: no absolute path or `..`, the real location (symbolic links followed) inside the
 * content directory, a regular file of at most 1 MiB of UTF-8 text. Includes of included files are read too.
 * MkDocs snippets may name files beside the content directory (`../includes/x.md`): those must lie inside
 * the site root, the folder of mkdocs.yml. mdBook's includes may climb two folders above the content
 * directory (`src/../listings/`, `guide/src/../../examples/`), no further.
 */
const MAX_INCLUDE_BYTES = 1024 * 1024;
const MAX_FILES = 500;
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function readIncludes(
  contentDir: string,
  docs: readonly { path: string; markdown: string }[],
  memo?: BuildMemo,
  snippets?: SnippetSettings,
): Promise<Map<string, IncludedFile>> {
  const found = new Map<string, IncludedFile>();
  const pending = docs.flatMap((doc) =>
    memoized(memo, `includes\0${doc.path}`, [doc.markdown, JSON.stringify(snippets ?? null)], () =>
      includeRequests(doc.markdown, doc.path, snippets),
    ),
  );
  if (pending.length === 0) return found;
  const content = resolve(contentDir);
  const roots = {
    content: await realpath(content),
    // MkDocs snippets stay inside the site root; mdBook's includes (`../listings/x.rs`) inside the two
    // folders above the content directory, those site detection reads.
    site: await realpath(resolve(content, snippets ? snippets.root : '../..')).catch(() => undefined),
  };
  while (pending.length > 0 && found.size < MAX_FILES) {
    const path = pending.shift() as string;
    if (found.has(path)) continue;
    const file = await readInclude(content, roots, path);
    found.set(path, file);
    if ('text' in file) pending.push(...includeRequests(file.text, path, snippets));
  }
  return found;
}

/** A path relative to the content directory that climbs out of it (`../includes/x.md`) and then descends. */
function climbsOut(path: string): boolean {
  return path.startsWith('../') && isPlainRelativePath(path.replace(/^(?:\.\.\/)+/, ''));
}

async function readInclude(
  content: string,
  roots: { content: string; site: string | undefined },
  path: string,
): Promise<IncludedFile> {
  // Inside the content directory unless it is a snippet beside it, which must stay inside the site root.
  const root = climbsOut(path) ? roots.site : isPlainRelativePath(path) ? roots.content : undefined;
  if (root === undefined) return { problem: 'outside' };
  let real: string;
  try {
    real = await realpath(root === roots.content ? join(root, path) : join(content, path));
  } catch {
    return { problem: 'missing' };
  }
  const inside = relative(root, real);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { problem: 'outside' };
  try {
    const handle = await open(real, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { problem: 'missing', detail: 'is not a regular file' };
      if (info.size > MAX_INCLUDE_BYTES)
        return { problem: 'too-large', detail: `is larger than 1 MiB (${info.size} bytes)` };
      const bytes = await handle.readFile();
      if (bytes.includes(0)) return { problem: 'not-text', detail: 'is not a text file' };
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof TypeError) return { problem: 'not-text', detail: 'is not UTF-8 text' };
    return { problem: 'missing' };
  }
}

/**
 * `site` variables from the configuration file of the detected site root (`../..` for Hugo's
 * `content/en`), else of the content directory or the folder above it.
 */
export async function readSiteVariables(
  contentDir: string,
  siteRoot?: string,
): Promise<SiteVariables['site']> {
  const near = [resolve(contentDir), dirname(resolve(contentDir))];
  const folders = siteRoot === undefined ? near : [resolve(contentDir, siteRoot), ...near];
  for (const folder of folders) {
    const files: { path: string; text: string }[] = [];
    for (const name of VARIABLE_FILES) {
      const text = await readSmallFile(join(folder, name));
      if (text !== undefined) files.push({ path: name, text });
    }
    const site = siteVariablesFrom(files);
    if (site) return site;
  }
  return undefined;
}

async function readSmallFile(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_INCLUDE_BYTES) return undefined;
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** Everything site syntax needs from the file system: the included files and the site's variables. */
export async function readSyntaxInputs(
  contentDir: string,
  docs: readonly SitePageSource[],
  syntax?: SyntaxPreset,
  memo?: BuildMemo,
  siteRoot?: string,
  snippets?: SnippetSettings,
): Promise<SyntaxInputs> {
  const root = resolve(contentDir, siteRoot ?? '');
  const liquid = syntax?.has('liquid-templates') === true;
  const [includes, config, templates, pageFiles] = await Promise.all([
    readIncludes(contentDir, docs, memo, snippets),
    readSiteVariables(contentDir, siteRoot),
    readSiteTemplates(root, docs),
    readBundleFiles(contentDir, docs),
  ]);
  // Jekyll's `site.data` (from `_data/`) and `site.pages`; Hugo's `.Site.Data` (from `data/`) for its templates.
  const data = liquid || templates ? await readSiteData(root, liquid ? '_data' : 'data') : {};
  const pages =
    liquid && docs.some((doc) => /site\.(?:html_)?pages/.test(doc.markdown)) ? sitePagesOf(docs) : null;
  const siteVariables =
    Object.keys(data).length > 0 || pages
      ? {
          ...config,
          ...(Object.keys(data).length > 0 && { data }),
          ...(pages && { pages, html_pages: pages }),
        }
      : config;
  const inputs: SyntaxInputs = {
    ...(syntax && { syntax }),
    includes,
    ...(siteVariables && { siteVariables }),
    ...(snippets && { snippets }),
    ...(templates && { templates }),
    ...(pageFiles.size > 0 && { pageFiles }),
    ...(includes.size > 0 && { contentTrail: resolve(contentDir).split(sep).filter(Boolean).slice(-2) }),
  };
  // The same inputs as the last build: hand back the same object, so renderings keyed on it are reused.
  const same = JSON.stringify([
    syntax ? presetKey(syntax) : null,
    [...includes],
    siteVariables ?? null,
    snippets ?? null,
    templates ? [[...templates.shortcodes], [...templates.partials], [...(templates.files ?? [])]] : null,
    [...pageFiles],
    inputs.contentTrail ?? null,
  ]);
  return memoized(memo, 'syntax-inputs', [same], () => inputs);
}

const MAX_BUNDLE_FILES = 500;

/**
 * The files beside each page that calls a shortcode naming its page bundle's images (Docsy's `imgproc`),
 * by the page's path: paths relative to the page's folder.
 */
async function readBundleFiles(
  contentDir: string,
  docs: readonly { path: string; markdown: string }[],
): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>();
  for (const doc of docs) {
    if (!/\{\{[<%]\s*imgproc\b/.test(doc.markdown)) continue;
    const folder = join(resolve(contentDir), dirname(doc.path));
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    files.set(
      doc.path,
      entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
        .slice(0, MAX_BUNDLE_FILES),
    );
  }
  return files;
}
