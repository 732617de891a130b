import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { SiteTemplates } from '../markdown/syntax/index.js';
import type { SiteContext, SiteFile, SiteName } from '../sites/index.js';
import { detectSite, markersToRead, type RootListing, SITES, siteByName } from '../sites/index.js';
import { readJsonData, readYamlData } from '../sites/static-data.js';
import { readStrictness } from '../sites/strictness.js';

/**
 * The I/O edge for site definition: lists the content directory, the two folders above it and a
 * `website/` folder beside it (Docusaurus's docs-outside-the-site layout) to detect the generator, then
 * reads its configuration files as text. Nothing is executed.
 */

/** Config files larger than this are not read (a site config is a few kilobytes). */
const MAX_CONFIG_BYTES = 1024 * 1024;
// Three: Starlight keeps its pages in `src/content/docs`, three folders below `astro.config.mjs` (a Hugo
// multilingual site two, `content/en`).
const LEVELS_UP = 3;

export type SiteChoice = SiteName | 'auto';

export async function readSite(contentDir: string, choice: SiteChoice = 'auto'): Promise<SiteContext> {
  const content = resolve(contentDir);
  const listings = await listCandidates(content);
  const detected = detectSite(listings, choice === 'auto' ? SITES : [siteByName(choice)]);
  const definition = detected?.site ?? siteByName(choice === 'auto' ? 'none' : choice);
  const root = detected ? resolve(content, detected.root) : content;
  const contentPrefix = posix(relative(root, content));
  // `{content}/SUMMARY.md`: a file the generator keeps in its source folder, wherever that is.
  const configPaths = definition.configFiles.map((path) =>
    path.replace(/^\{content\}\//, contentPrefix === '' ? '' : `${contentPrefix}/`),
  );
  const files = [
    ...(await readConfigFiles(root, configPaths)),
    ...(await readNavFiles(root, content, definition.navFiles ?? [])),
  ];
  const data = definition.readConfig(files, contentPrefix);
  const staticDirs: string[] = [];
  for (const dir of definition.staticDirs) {
    const absolute = resolve(root, dir);
    if (absolute === content) continue;
    if ((await stat(absolute).catch(() => null))?.isDirectory())
      staticDirs.push(posix(relative(content, absolute)));
  }
  // Import aliases name folders from the site root; links resolve from the content directory.
  const importAliases = (data.importAliases ?? []).map((alias) => ({
    prefix: alias.prefix,
    target: `${posix(relative(content, resolve(root, alias.target))) || '.'}/`,
  }));
  const where = detected ? posix(join(detected.root, detected.marker)) : undefined;
  const detectedBy = choice !== 'auto' ? 'the site setting' : where;
  const strictness = readStrictness(definition.name, files);
  return {
    definition,
    data,
    staticDirs,
    root: detected?.root ?? '',
    strictness,
    ...(importAliases.length > 0 && { importAliases }),
    ...(detectedBy && { detectedBy }),
  };
}

async function listCandidates(content: string): Promise<RootListing[]> {
  const listings: RootListing[] = [];
  const toRead = markersToRead(SITES);
  let dir = content;
  for (let level = 0; level <= LEVELS_UP; level++) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)));
    await addNestedMarkers(dir, names);
    const texts = new Map<string, string>();
    for (const name of names) {
      if (!toRead.has(name)) continue;
      const [file] = await readConfigFiles(dir, [name]);
      if (file) texts.set(name, file.text);
    }
    listings.push({ dir: posix(relative(content, dir)), names, texts });
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Docusaurus sites that keep the docs beside the site (`website/` with `docs.path: '../docs'`).
  const beside = join(dirname(content), 'website');
  const entries = await readdir(beside, { withFileTypes: true }).catch(() => null);
  if (entries && beside !== content)
    listings.push({
      dir: posix(relative(content, beside)),
      names: new Set(entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name))),
    });
  return listings;
}

/** At most this many navigation files are read (a site has one per folder). */
const MAX_NAV_FILES = 2000;

/** The navigation files (`_meta.ts`, `meta.json`) in every folder of the content directory, by site-root path. */
async function readNavFiles(root: string, content: string, names: readonly string[]): Promise<SiteFile[]> {
  if (names.length === 0) return [];
  const wanted = new Set(names);
  const entries = await readdir(content, { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries
    .filter((e) => e.isFile() && wanted.has(e.name))
    .map((e) => posix(relative(root, join(e.parentPath, e.name))))
    .filter((path) => !path.split('/').includes('node_modules'))
    .sort()
    .slice(0, MAX_NAV_FILES);
  return readConfigFiles(root, paths);
}

/** Markers inside a folder (Hugo's `config/_default/`): listed when their folder is there and they exist. */
const NESTED_MARKERS = [...new Set(SITES.flatMap((site) => site.markers))].filter((marker) =>
  marker.replace(/\/$/, '').includes('/'),
);

async function addNestedMarkers(dir: string, names: Set<string>): Promise<void> {
  for (const marker of NESTED_MARKERS) {
    if (!names.has(`${marker.slice(0, marker.indexOf('/'))}/`)) continue;
    const info = await stat(join(dir, marker)).catch(() => null);
    if (info && info.isDirectory() === marker.endsWith('/')) names.add(marker);
  }
}

async function readConfigFiles(root: string, paths: readonly string[]): Promise<SiteFile[]> {
  const files: SiteFile[] = [];
  for (const path of paths) {
    const absolute = join(root, path);
    const info = await stat(absolute).catch(() => null);
    if (!info?.isFile() || info.size > MAX_CONFIG_BYTES) continue;
    files.push({ path, text: await readFile(absolute, 'utf8') });
  }
  return files;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

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

const DATA_FILE = /\.(?:ya?ml|json|toml)$/i;

/**
 * The site's data files (Jekyll's `_data/`, Hugo's `data/`) as one object: `team/people.yml` is
 * `data.team.people`. YAML, JSON and TOML are read as data; a file that does not parse is left out.
 */
export async function readSiteData(root: string, folder: string): Promise<Record<string, unknown>> {
  const dir = join(resolve(root), folder);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const data: Record<string, unknown> = {};
  for (const entry of entries.slice(0, MAX_TEMPLATES)) {
    if (!entry.isFile() || !DATA_FILE.test(entry.name)) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const text = await readSmall(join(dir, path), dir);
    if (text === undefined) continue;
    const value = parseData(path, text);
    if (value === undefined) continue;
    const keys = path.replace(DATA_FILE, '').split('/');
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === null || typeof next !== 'object') target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return data;
}

function parseData(path: string, text: string): unknown {
  try {
    if (/\.json$/i.test(path)) return readJsonData(text);
    if (/\.toml$/i.test(path)) return parseToml(text);
    return readYamlData(text)?.value;
  } catch {
    return undefined;
  }
}
