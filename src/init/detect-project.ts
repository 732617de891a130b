import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readSite } from '../content/read-site.js';
import { isGenerator, SITES, type SiteName } from '../sites/index.js';

/**
 * Where a project keeps its docs tree and which generator builds it, for `pylon-kb init`. The folders
 * tried are the ones the generators keep their pages in (each definition's `contentDirs`); the generator
 * of each is found the way every command finds it (`readSite`: its marker files, from the folder up), so
 * init and `check` agree on the site.
 */

export interface DetectedProject {
  /** The docs tree, relative to the project root, posix separators (`.` for the root itself). */
  contentDir: string;
  /** The generator found for it, or `none`. */
  site: SiteName;
  /** The marker that identified the generator, relative to the project root (`docusaurus.config.ts`). */
  detectedBy?: string;
  /** Whether the folder holds at least one Markdown file. */
  hasMarkdown: boolean;
}

/** Folders a docs tree often lives in whatever the generator (Sphinx keeps `conf.py` in `docs/source`). */
const USUAL_DIRS = ['docs', 'docs/source', 'source', 'content', 'documentation'];

/** Folders tried in a project, in order: the usual ones, every generator's `contentDirs`, the root last. */
export function candidateDirs(): string[] {
  const dirs = [...USUAL_DIRS, ...SITES.flatMap((site) => site.contentDirs ?? ['docs'])];
  return [...new Set([...dirs.filter((dir) => dir !== '.'), '.'])];
}

const MARKDOWN = /\.(?:md|mdx|markdown)$/i;
/** Entries looked at per folder before giving up: a docs tree shows a Markdown file long before this. */
const MAX_ENTRIES = 5000;

/**
 * Whether `dir` holds a Markdown file, folder by folder from the top (hidden folders and node_modules left
 * out, as the content step does), looking at no more than `MAX_ENTRIES` entries.
 */
async function holdsMarkdown(dir: string): Promise<boolean> {
  const queue = [dir];
  let seen = 0;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const entries = await readdir(next, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return false;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isFile() && MARKDOWN.test(entry.name)) return true;
      if (entry.isDirectory()) queue.push(join(next, entry.name));
    }
  }
  return false;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}

function posix(path: string): string {
  const out = path.split(sep).join('/');
  return out === '' ? '.' : out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The generator of one folder, when its site root lies inside the project (a marker above it does not count). */
export async function siteOf(
  projectRoot: string,
  contentDir: string,
): Promise<{ site: SiteName; detectedBy?: string; usual?: boolean }> {
  const absolute = resolve(projectRoot, contentDir);
  const site = await readSite(absolute);
  const siteRoot = resolve(absolute, site.root);
  if (!isGenerator(site.definition) || !site.detectedBy || !inside(projectRoot, siteRoot)) {
    return { site: 'none' };
  }
  const usual = (site.definition.contentDirs ?? ['docs']).includes(posix(relative(siteRoot, absolute)));
  return {
    site: site.definition.name,
    detectedBy: posix(relative(projectRoot, resolve(absolute, site.detectedBy))),
    usual,
  };
}

/**
 * The project's docs tree: of the candidate folders that hold Markdown, first one where its generator
 * keeps its pages (Hugo's `content/` below `hugo.toml`, VitePress's folder of `.vitepress/`), then one
 * with any generator, then the first that holds Markdown (the project root last); `docs` when none does.
 */
export async function detectProject(projectRoot: string): Promise<DetectedProject> {
  const root = resolve(projectRoot);
  const found: Array<DetectedProject & { rank: number }> = [];
  for (const dir of candidateDirs()) {
    const absolute = resolve(root, dir);
    if (!(await isDirectory(absolute)) || !(await holdsMarkdown(absolute))) continue;
    const { site, detectedBy, usual } = await siteOf(root, dir);
    // The project root itself comes last among folders of no generator: it holds the README, not docs.
    const rank = site !== 'none' ? (usual ? 0 : 1) : dir === '.' ? 3 : 2;
    found.push({ contentDir: posix(dir), site, hasMarkdown: true, rank, ...(detectedBy && { detectedBy }) });
    if (rank === 0) break;
  }
  found.sort((a, b) => a.rank - b.rank);
  const best = found[0];
  if (!best) return { contentDir: 'docs', site: 'none', hasMarkdown: false };
  const { rank: _rank, ...project } = best;
  return project;
}
