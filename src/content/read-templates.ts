import { open, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SiteTemplates } from '../markdown/syntax/index.js';

/**
 * The I/O edge for a Hugo site's own templates: shortcodes (`layouts/shortcodes/`, or `layouts/_shortcodes/`
 * since Hugo 0.146) and partials (`layouts/partials/`, `layouts/_partials/`), then those of a theme kept in
 * the repository (`themes/<name>/layouts/…`, used only where the site has none of that name). The files
 * `readFile` names in a shortcode that uses it are read too, from the site root. Read as text, never run.
 */
const MAX_TEMPLATE_BYTES = 256 * 1024;
const MAX_TEMPLATES = 2000;

export async function readSiteTemplates(
  siteRoot: string,
  docs: readonly { markdown: string }[],
): Promise<SiteTemplates | undefined> {
  const root = resolve(siteRoot);
  const layouts = [join(root, 'layouts'), ...(await themeLayouts(root))];
  const shortcodes = new Map<string, string>();
  const partials = new Map<string, string>();
  for (const dir of layouts) {
    for (const folder of ['shortcodes', '_shortcodes'])
      await readTree(join(dir, folder), shortcodes, (path) => path.replace(/\.html$/, ''));
    for (const folder of ['partials', '_partials'])
      await readTree(join(dir, folder), partials, (path) => path);
  }
  if (shortcodes.size === 0) return undefined;
  const files = await readNamedFiles(root, shortcodes, partials, docs);
  return { shortcodes, partials, ...(files.size > 0 && { files }) };
}

async function themeLayouts(root: string): Promise<string[]> {
  const entries = await readdir(join(root, 'themes'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'themes', entry.name, 'layouts'))
    .sort();
}

/** Every `.html` file under `dir`, by its path inside it (posix); names already read are kept. */
async function readTree(
  dir: string,
  into: Map<string, string>,
  key: (path: string) => string,
): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (into.size >= MAX_TEMPLATES) return;
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const name = key(path);
    if (into.has(name)) continue;
    const text = await readSmall(join(dir, path), dir);
    if (text !== undefined) into.set(name, text);
  }
}

const READ_FILE = /\b(?:readFile|os\.ReadFile)\b/;
const LITERAL_PATH = /\b(?:readFile|os\.ReadFile)\s+"([^"]+)"/g;
const CALL = /\{\{[<%]\s*([\w./-]+)([^}]*)[>%]\}\}/g;
const QUOTED = /"([^"\n]+)"|\b([\w./-]+\.[A-Za-z]\w*)\b/g;

/**
 * The files `readFile` may read: paths written in the templates, and the arguments of calls to the
 * shortcodes whose templates (or partials) use it, when they look like a file path.
 */
async function readNamedFiles(
  root: string,
  shortcodes: ReadonlyMap<string, string>,
  partials: ReadonlyMap<string, string>,
  docs: readonly { markdown: string }[],
): Promise<Map<string, string>> {
  const wanted = new Set<string>();
  for (const template of [...shortcodes.values(), ...partials.values()])
    for (const match of template.matchAll(LITERAL_PATH)) wanted.add(match[1]!);
  const partialsRead = [...partials.values()].some((text) => READ_FILE.test(text));
  const reading = new Set(
    [...shortcodes]
      .filter(([, text]) => READ_FILE.test(text) || (partialsRead && text.includes('partial')))
      .map(([name]) => name),
  );
  if (reading.size > 0) {
    for (const doc of docs) {
      if (!doc.markdown.includes('{{')) continue;
      for (const call of doc.markdown.matchAll(CALL)) {
        if (!reading.has(call[1]!)) continue;
        for (const arg of (call[2] ?? '').matchAll(QUOTED)) {
          const path = arg[1] ?? arg[2] ?? '';
          if (/^[\w./-]+\.\w+$/.test(path) && !path.includes('..')) wanted.add(path);
        }
      }
    }
  }
  const files = new Map<string, string>();
  for (const path of [...wanted].slice(0, MAX_TEMPLATES)) {
    const clean = path.replace(/^\.?\//, '');
    const text = await readSmall(join(root, clean), root);
    if (text !== undefined) files.set(clean, text);
  }
  return files;
}

/** A regular UTF-8 text file of reasonable size whose real location is inside `within`, else undefined. */
async function readSmall(path: string, within: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    const inside = relative(await realpath(within), real);
    if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
    const handle = await open(real, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_TEMPLATE_BYTES) return undefined;
      return new TextDecoder('utf-8', { fatal: true }).decode(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
