import { readYamlData } from '../static-data.js';
import {
  COMMON_KEYS,
  emptySiteData,
  type NavEntry,
  OWN_ORDER_KEYS,
  type SiteDefinition,
  type SiteFile,
} from '../types.js';
import { normaliseUrlPath, pathUrl } from '../url.js';

/**
 * GitBook (Git Sync): `.gitbook.yaml` names the root, readme and summary; `SUMMARY.md` is the table of
 * contents (not a page); `README.md` is a folder's page; `redirects` map old paths to files.
 */
export const gitbook: SiteDefinition<'gitbook'> = {
  name: 'gitbook',
  label: 'GitBook',
  contentDirs: ['.'],
  markers: ['.gitbook.yaml', 'SUMMARY.md'],
  // mdBook keeps a `SUMMARY.md` too, in `src/` below its `book.toml`.
  weakMarkers: ['SUMMARY.md'],
  staticDirs: [],
  exclude: ['SUMMARY.md'],
  indexFiles: ['readme.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['caution-as-warning', 'liquid-tags', 'liquid-output'],
  frontmatterKeys: [...COMMON_KEYS, 'cover', 'coverY', 'layout', 'icon', 'hidden', 'metaLinks'],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: ['.gitbook.yaml', 'SUMMARY.md'],
  page: ({ path, isIndex }) => ({ urls: [pathUrl(path, isIndex)], redirects: [] }),
  readConfig(files, contentPrefix) {
    const data = emptySiteData();
    for (const file of files) {
      if (file.path === '.gitbook.yaml') readGitbookYaml(file, data, contentPrefix);
      else readSummary(file, data.nav);
    }
    if (files.some((f) => f.path === 'SUMMARY.md'))
      data.notes.push(
        'SUMMARY.md: page order, titles and group headings were read; it is not published as a page.',
      );
    return data;
  },
};

function readGitbookYaml(
  file: SiteFile,
  data: ReturnType<typeof emptySiteData>,
  contentPrefix: string,
): void {
  const yaml = readYamlData(file.text);
  const config = (yaml?.value ?? {}) as { root?: unknown; redirects?: unknown };
  const root = typeof config.root === 'string' ? config.root.replace(/^\.\/?/, '').replace(/\/+$/, '') : '';
  if (root !== contentPrefix) {
    data.notes.push(
      `${file.path}: root is "${root || '.'}", but the content directory is "${contentPrefix || '.'}".`,
    );
  }
  const line = yaml?.lineOf('redirects');
  if (config.redirects && typeof config.redirects === 'object') {
    for (const [from, to] of Object.entries(config.redirects as Record<string, unknown>)) {
      if (typeof to !== 'string') continue;
      const at = entryLine(file.text, from, line) ?? line;
      data.redirects.push({ from: normaliseUrlPath(from), to, file: file.path, ...(at && { line: at }) });
    }
    data.notes.push(`${file.path}: \`redirects\` were read.`);
  }
}

/** The line of `  key: …` under `redirects:` (so a diagnostic names the entry, not the block). */
function entryLine(text: string, key: string, after: number | undefined): number | undefined {
  const lines = text.split('\n');
  const quoted = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entry = new RegExp(`^\\s+["']?${quoted}["']?\\s*:`);
  const index = lines.findIndex((l, i) => i >= (after ?? 0) && entry.test(l));
  return index < 0 ? undefined : index + 1;
}

/** `## Group` headings and nested `* [Title](path.md)` items, in order. */
function readSummary(file: SiteFile, nav: NavEntry[]): void {
  const positions: number[] = [];
  let group: { title: string; position: number } | undefined;
  let groups = 0;
  for (const line of file.text.split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading?.[1]) {
      group = { title: heading[1], position: ++groups };
      positions.length = 0;
      continue;
    }
    const item = /^(\s*)[*-]\s+\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/.exec(line);
    if (!item?.[3] || item[2] === undefined) continue;
    const depth = Math.floor((item[1] ?? '').replace(/\t/g, '  ').length / 2);
    positions.length = depth + 1;
    positions[depth] = (positions[depth] ?? 0) + 1;
    const target = decodeURI(item[3]);
    nav.push({ target, title: item[2], position: positions[depth] ?? 1 });
    if (group && depth === 0 && target.includes('/')) {
      nav.push({
        target: `${target.slice(0, target.indexOf('/'))}/`,
        title: group.title,
        position: group.position,
      });
    }
  }
}
