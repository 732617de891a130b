import type { Element, Root as HastRoot } from 'hast';
import type {
  Definition,
  Html,
  Image,
  ImageReference,
  Link,
  LinkReference,
  Root as MdastRoot,
  Nodes,
} from 'mdast';
import { RawFragments } from './raw-fragments.js';
import { sentinel } from './sentinels.js';

/**
 * A link or image whose URL is local: relative (`../setup.md`, `img/a.png`, `setup/`), root-relative
 * (`/guides/setup`) or a fragment (`#install`). What it points to is decided later, by the content core,
 * which knows the other documents and files.
 */
export interface LocalReference {
  kind: 'link' | 'image';
  /** The URL as the rendered element holds it (percent-encoded). */
  url: string;
  /** 1-based line in the Markdown, plus the render's line offset. Unknown for some raw-HTML elements. */
  line?: number;
  column?: number;
  /** Written in raw HTML (`<img src>`, `<a href>`), not as a Markdown link or image. */
  raw?: boolean;
}

/** Where the Markdown wrote each local reference: marked nodes by index, raw-HTML ones in order. */
export interface ReferenceSources {
  marked: LocalReference[];
  raw: LocalReference[];
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Relative, root-relative and fragment URLs; not `https:`, `mailto:`, `//host`, a bare `?query` or ''. */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !SCHEME.test(url) && !url.startsWith('//') && !url.startsWith('?');
}

/** What reference marking looks at: links, images (also by reference) and raw HTML, in document order. */
export type ReferenceCandidate = Html | Link | Image | LinkReference | ImageReference;

export function isReferenceCandidate(node: Nodes): node is ReferenceCandidate {
  const { type } = node;
  return (
    type === 'html' ||
    type === 'link' ||
    type === 'image' ||
    type === 'linkReference' ||
    type === 'imageReference'
  );
}

/**
 * Marks every Markdown link and image with a local URL (`data-pylon-kb-ref="<n>"`, which survives
 * sanitising) and records where it was written; reference-style links use their definition's URL.
 * Local URLs in raw HTML are recorded in document order, to give their elements a line later.
 */
export function markReferences(
  tree: MdastRoot,
  lineOffset: number,
  fragments = new RawFragments(),
): ReferenceSources {
  const definitions = new Map<string, Definition>();
  const candidates: ReferenceCandidate[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node);
    else if (isReferenceCandidate(node)) candidates.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return markCandidates(candidates, definitions, lineOffset, fragments);
}

/** `markReferences` on candidates and definitions a walk of the final tree collected (render.ts's mdast pass). */
export function markCandidates(
  candidates: readonly ReferenceCandidate[],
  definitions: ReadonlyMap<string, Definition>,
  lineOffset: number,
  fragments: RawFragments,
): ReferenceSources {
  const sources: ReferenceSources = { marked: [], raw: [] };
  const at = (position: { start: { line: number; column: number } } | undefined) =>
    position ? { line: position.start.line + lineOffset, column: position.start.column } : {};
  for (const node of candidates) {
    if (node.type === 'html') {
      for (const found of rawReferences(node.value, fragments)) {
        const line = node.position ? node.position.start.line + found.line - 1 + lineOffset : undefined;
        sources.raw.push({ kind: found.kind, url: found.url, ...(line !== undefined && { line }) });
      }
      continue;
    }
    const url = 'url' in node ? node.url : definitions.get(node.identifier)?.url;
    const kind = node.type === 'image' || node.type === 'imageReference' ? 'image' : 'link';
    // An empty link destination (`[x]()`, or a shortcode that gave the URL and was removed) leads nowhere;
    // a query alone (`?q=term`) is this page of the site with a query: both are taken for the content core.
    if (url === undefined || !(isLocalUrl(url) || (kind === 'link' && (url === '' || url.startsWith('?')))))
      continue;
    sources.marked.push({ kind, url, ...at(node.position) });
    const mark = String(sources.marked.length - 1);
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataPylonKbRef: mark } };
  }
  return sources;
}

function rawReferences(
  html: string,
  fragments: RawFragments,
): { kind: LocalReference['kind']; url: string; line: number }[] {
  if (!/<(a|img)\b/i.test(html)) return [];
  const found: { kind: LocalReference['kind']; url: string; line: number }[] = [];
  const walk = (parent: HastRoot | Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const target = targetOf(child);
      if (target) found.push({ ...target, line: child.position?.start.line ?? 1 });
      walk(child);
    }
  };
  walk(fragments.of(html));
  return found;
}

/** The local URL an `a` or `img` element points to, or null. Footnote links are pylon-kb's own. */
function targetOf(element: Element): { kind: LocalReference['kind']; url: string } | null {
  const { properties } = element;
  if (element.tagName === 'a') {
    if ('dataFootnoteRef' in properties || 'dataFootnoteBackref' in properties) return null;
    const href = properties.href;
    // An empty `href` leads nowhere, a query alone is this page with a query: taken for the content core.
    return typeof href === 'string' && (isLocalUrl(href) || href === '' || href.startsWith('?'))
      ? { kind: 'link', url: href }
      : null;
  }
  if (element.tagName === 'img') {
    const src = properties.src;
    return typeof src === 'string' && isLocalUrl(src) && !src.startsWith('#')
      ? { kind: 'image', url: src }
      : null;
  }
  return null;
}

/**
 * After the pipeline, element by element in document order (`take`): replaces the URL of every local link
 * and image with a sentinel (`pylon-kb-ref:<n>`, moved first among the attributes so the serialised HTML
 * reads `<a href="pylon-kb-ref:n"` and `replaceSentinels` can find it) and collects the references in
 * sentinel order. A marked element takes its line from its Markdown node; a raw-HTML one from the first
 * unused raw reference with its URL.
 */
export function createReferenceTaker(sources: ReferenceSources): {
  references: LocalReference[];
  take(element: Element): void;
} {
  const references: LocalReference[] = [];
  const usedMarks = new Set<number>();
  const raw = [...sources.raw];
  const take = (element: Element) => {
    const mark = Number(element.properties.dataPylonKbRef);
    delete element.properties.dataPylonKbRef;
    const target = targetOf(element);
    if (!target) return;
    const marked = markedSource(sources, mark, usedMarks, target.kind);
    const source = marked ?? takeRaw(raw, target);
    references.push({
      kind: target.kind,
      url: target.url,
      ...(marked === undefined && { raw: true }),
      ...(source?.line !== undefined && { line: source.line }),
      ...(source?.column !== undefined && { column: source.column }),
    });
    const attribute = target.kind === 'link' ? 'href' : 'src';
    const { [attribute]: _, ...rest } = element.properties;
    element.properties = { [attribute]: sentinel(references.length - 1), ...rest };
  };
  return { references, take };
}

function markedSource(
  sources: ReferenceSources,
  mark: number,
  used: Set<number>,
  kind: LocalReference['kind'],
): LocalReference | undefined {
  const source = Number.isInteger(mark) && !used.has(mark) ? sources.marked[mark] : undefined;
  if (source?.kind !== kind) return undefined;
  used.add(mark);
  return source;
}

function takeRaw(raw: LocalReference[], target: { kind: string; url: string }): LocalReference | undefined {
  const index = raw.findIndex((r) => r.kind === target.kind && r.url === target.url);
  return index < 0 ? undefined : raw.splice(index, 1)[0];
}
