import type { Link, List, ListItem, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { NavEntry } from '../types.js';
import { folderOfPath } from '../url.js';

/**
 * mdBook's `SUMMARY.md`, parsed as the Markdown it is: prefix chapters, `# Part` titles, numbered chapters
 * as nested lists of links (a `[Draft]()` chapter has no file), separators. Each linked file gets its
 * position among its siblings; a chapter whose sub-chapters share one folder gives that folder its title and
 * position (`[Hello](hello.md)` over `hello/*.md`, `[CLI](cli/README.md)` over `cli/*.md`); a part whose
 * chapters all live in one folder names that folder.
 */
export function readSummary(text: string): NavEntry[] {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const nav: NavEntry[] = [];
  let position = 0;
  let part: { title: string; position: number; targets: string[] } | undefined;
  let parts = 0;
  const closePart = () => {
    if (part) nameFolder(part.targets, part.title, part.position, nav);
    part = undefined;
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1 && node !== tree.children[0]) {
      closePart();
      part = { title: plainText(node), position: ++parts, targets: [] };
    } else if (node.type === 'list') {
      const targets = readList(node, nav, () => ++position);
      part?.targets.push(...targets);
    } else if (node.type === 'paragraph') {
      // Prefix and suffix chapters: links on their own lines, outside any list.
      for (const child of node.children) {
        const target = child.type === 'link' ? fileOf(child) : undefined;
        if (!target) continue;
        nav.push({ target, title: plainText(child), position: ++position });
        part?.targets.push(target);
      }
    }
  }
  closePart();
  return nav;
}

function readList(list: List, nav: NavEntry[], next: () => number): string[] {
  const all: string[] = [];
  for (const item of list.children) all.push(...readItem(item, nav, next()));
  return all;
}

/** One chapter and its sub-chapters; returns every file under it. */
function readItem(item: ListItem, nav: NavEntry[], position: number): string[] {
  const paragraph = item.children.find((c) => c.type === 'paragraph');
  const link = paragraph?.children.find((c): c is Link => c.type === 'link');
  const target = link ? fileOf(link) : undefined;
  const title = link ? plainText(link) : paragraph ? plainText(paragraph) : '';
  if (target) nav.push({ target, title, position });
  const below: string[] = [];
  let inner = 0;
  for (const child of item.children)
    if (child.type === 'list') below.push(...readList(child, nav, () => ++inner));
  if (below.length > 0 && title) nameFolder(below, title, position, nav, target);
  return target ? [target, ...below] : below;
}

/** Gives the one folder the targets share (besides the chapter's own page there) a title and position. */
function nameFolder(
  targets: readonly string[],
  title: string,
  position: number,
  nav: NavEntry[],
  own?: string,
): void {
  const folders = new Set(targets.map((t) => topFolderUnder(t, own)));
  const [folder] = folders;
  if (folders.size !== 1 || !folder) return;
  if (nav.some((entry) => entry.target === `${folder}/`)) return;
  nav.push({ target: `${folder}/`, title, position });
}

/**
 * The folder a sub-chapter sits in, as its chapter sees it: under `cli/README.md` every file below `cli/`
 * is in `cli`; under `hello.md`, `hello/print/x.md` is in `hello` (the first folder below the chapter's).
 */
function topFolderUnder(target: string, own: string | undefined): string {
  const base = own ? folderOfPath(own) : '';
  if (base !== '' && !target.startsWith(`${base}/`)) return '';
  if (own && /(^|\/)(readme|index)\.md$/i.test(own)) return base;
  const rest = base === '' ? target : target.slice(base.length + 1);
  if (!rest.includes('/')) return '';
  const first = rest.split('/')[0] ?? '';
  return base === '' ? first : `${base}/${first}`;
}

/** The file a chapter link names (`./a/b.md`, `a%20b.md`), or undefined for a draft or an external link. */
function fileOf(link: Link): string | undefined {
  const url = link.url.trim();
  if (url === '' || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('#')) return undefined;
  try {
    return decodeURI(url.split('#')[0] ?? '').replace(/^\.\//, '');
  } catch {
    return url.replace(/^\.\//, '');
  }
}

function plainText(node: object): string {
  const { value, children } = node as { value?: unknown; children?: object[] };
  if (typeof value === 'string') return value;
  return (children ?? []).map(plainText).join('').trim();
}
