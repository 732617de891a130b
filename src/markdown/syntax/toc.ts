import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { type HeadingIdRule, HeadingSlugger } from '../heading-slugs.js';

/**
 * A table of contents the page asks for: kramdown's `{:toc}` (under a one-item list, `* TOC`, or alone;
 * levels 2 to 6), VitePress's `[[toc]]` and Docusaurus's `<TOCInline toc={toc} />` (levels 2 to 3 unless
 * its `minHeadingLevel`/`maxHeadingLevel` say otherwise). Replaced with a list of links to the page's
 * headings (not those marked `.no_toc`), with the ids the heading-id step will give them (by the site's rule).
 */
export const TOC_SYNTAX = /\{:toc\}|\[\[toc\]\]|<TOCInline\b/;

interface Levels {
  min: number;
  max: number;
}

/** The node `<TOCInline>` becomes (mdx-components.ts): found here, after custom ids are known. */
export function tocPlaceholder(levels: Levels): RootContent {
  return { type: 'paragraph', children: [], data: { pylonKbToc: levels } as never };
}

export function buildTableOfContents(tree: Root, rule: HeadingIdRule = 'github'): void {
  const index = tree.children.findIndex((node) => levelsOf(node) !== null);
  if (index < 0) return;
  const levels = levelsOf(tree.children[index]!)!;
  const slugger = new HeadingSlugger(rule);
  const items: ListItem[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const custom = node.data?.hProperties?.dataPylonKbId;
    const id = typeof custom === 'string' ? custom : slugger.slug(mdastToString(node));
    if (node.depth < levels.min || node.depth > levels.max) continue;
    if ((node.data as { pylonKbNoToc?: boolean } | undefined)?.pylonKbNoToc) continue;
    items.push(item(node, id));
  }
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: items,
    data: { hProperties: { className: ['toc'] } },
  };
  tree.children.splice(index, 1, ...(items.length > 0 ? [list] : []));
}

function item(heading: Heading, id: string): ListItem {
  return {
    type: 'listItem',
    spread: false,
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: `#${id}`, children: [{ type: 'text', value: mdastToString(heading) }] },
        ],
      },
    ],
  };
}

function levelsOf(node: RootContent): Levels | null {
  const placed = (node.data as { pylonKbToc?: Levels } | undefined)?.pylonKbToc;
  if (placed) return placed;
  if (node.type === 'paragraph') {
    const text = mdastToString(node).trim();
    return text === '{:toc}' ? { min: 2, max: 6 } : text === '[[toc]]' ? { min: 2, max: 3 } : null;
  }
  if (node.type !== 'list' || node.children.length !== 1) return null;
  return /\n?\{:toc\}\s*$/.test(mdastToString(node.children[0]!)) ? { min: 2, max: 6 } : null;
}
