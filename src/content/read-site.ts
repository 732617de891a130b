import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { SiteContext, SiteFile, SiteName } from '../sites/index.js';
import { detectSite, markersToRead, type RootListing, SITES, siteByName } from '../sites/index.js';
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
  const where = detected ? posix(join(detected.root, detected.marker)) : undefined;
  const detectedBy = choice !== 'auto' ? 'the site setting' : where;
  const strictness = readStrictness(definition.name, files);
  return {
    definition,
    data,
    staticDirs,
    root: detected?.root ?? '',
    strictness,
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
