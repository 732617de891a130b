import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { type HeadingIdRule, HeadingSlugger } from '../heading-slugs.js';

/**
 * kramdown's `{:toc}` (under a one-item list, `* TOC`, or alone): replaced with a list of links to the
 * page's headings (levels 2 to 6, not those marked `.no_toc`), with the ids the heading-id step will give them (by the site's rule).
 */
export const TOC_SYNTAX = /\{:toc\}/;

export function buildTableOfContents(tree: Root, rule: HeadingIdRule = 'github'): void {
  const index = tree.children.findIndex(isTocPlaceholder);
  if (index < 0) return;
  const slugger = new HeadingSlugger(rule);
  const items: ListItem[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const custom = node.data?.hProperties?.dataPylonKbId;
    const id = typeof custom === 'string' ? custom : slugger.slug(mdastToString(node));
    if (node.depth < 2 || (node.data as { pylonKbNoToc?: boolean } | undefined)?.pylonKbNoToc) continue;
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

function isTocPlaceholder(node: RootContent): boolean {
  if (node.type === 'paragraph') return mdastToString(node).trim() === '{:toc}';
  if (node.type !== 'list' || node.children.length !== 1) return false;
  return /\n?\{:toc\}\s*$/.test(mdastToString(node.children[0]!));
}
