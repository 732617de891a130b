import type { Heading, Nodes, RootContent } from 'mdast';

/**
 * MyST's `{include}` options that adapt an included file to the page including it. MyST reads the included
 * text as if the including page held it, so its relative links name files from the page's folder, unless:
 * - `:relative-docs: prefix`: a link starting with `prefix` is taken from the included file's folder and
 *   rewritten relative to the page (MyST's `_handle_relative_docs`);
 * - `:relative-images:`: every relative image is taken from the included file's folder;
 * - `:heading-offset: n`: every heading goes n levels down (at most level 6).
 * Paths are relative to the content directory; the included file may lie above it (`../CHANGELOG.md`), and a
 * path that climbs out and back in through the content directory's own folder (`../docs/x.md`, with
 * `trail` ending in `docs`) names a file of the tree.
 */
export interface IncludeAdjustments {
  /** The including page, relative to the content directory. */
  page: string;
  /** The included file, relative to the content directory (may start with `../`). */
  included: string;
  options: Readonly<Record<string, string>>;
  trail: readonly string[];
}

export function adjustIncluded(nodes: RootContent[], adjust: IncludeAdjustments): void {
  const prefix = adjust.options['relative-docs'];
  const images = 'relative-images' in adjust.options;
  const offset = Number.parseInt(adjust.options['heading-offset'] ?? '0', 10) || 0;
  if (prefix === undefined && !images && offset <= 0) return;
  const from = folderOf(adjust.included);
  const rebase = (url: string) => relativeTo(folderOf(adjust.page), intoTree(join(from, url), adjust.trail));
  const visit = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'definition') && prefix && isRelative(node.url))
      if (node.url.startsWith(prefix)) node.url = withFragment(node.url, rebase);
    if (node.type === 'image' && images && isRelative(node.url)) node.url = withFragment(node.url, rebase);
    if (node.type === 'heading' && offset > 0)
      (node as Heading).depth = Math.min(6, node.depth + offset) as Heading['depth'];
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const node of nodes) visit(node);
}

function isRelative(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(url);
}

function withFragment(url: string, rebase: (path: string) => string): string {
  const hash = url.search(/[?#]/);
  return hash < 0 ? rebase(url) : `${rebase(url.slice(0, hash))}${url.slice(hash)}`;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Segments of `folder/path`, normalised; leading `..` kept where the path climbs above the content directory. */
function join(folder: string, path: string): string[] {
  const out: string[] = [];
  for (const segment of `${folder}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/** `../docs/x.md` is `x.md` when the content directory is the folder `docs` (trail `[…, 'docs']`). */
function intoTree(segments: string[], trail: readonly string[]): string[] {
  const climbs = segments.findIndex((segment) => segment !== '..');
  const up = climbs < 0 ? segments.length : climbs;
  if (up === 0 || up > trail.length) return segments;
  const back = segments.slice(up, up * 2);
  return back.join('/') === trail.slice(-up).join('/') ? segments.slice(up * 2) : segments;
}

function relativeTo(folder: string, target: string[]): string {
  const base = folder === '' ? [] : folder.split('/');
  let shared = 0;
  while (shared < base.length && shared < target.length && base[shared] === target[shared]) shared++;
  const path = [...base.slice(shared).map(() => '..'), ...target.slice(shared)].join('/');
  return path === '' ? '.' : path;
}
