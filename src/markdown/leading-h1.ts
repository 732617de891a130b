import type { Heading, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { stripCustomId } from './custom-ids.js';

/** Compares titles the way a reader would: case, surrounding and repeated whitespace ignored. */
export function sameTitle(a: string, b: string): boolean {
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalise(a) === normalise(b);
}

/** The first top-level node a reader sees (HTML comments and link definitions are invisible). */
function firstVisibleIndex(tree: Root): number {
  return tree.children.findIndex((node) => !isInvisible(node));
}

function isInvisible(node: RootContent): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

/**
 * Removes a leading `# Title` that repeats the article title (Pylon shows the title above the body).
 * Returns the removed heading, its text and its `{#custom}` id, or undefined when nothing was removed.
 */
export function dropLeadingH1(
  tree: Root,
  title: string,
): { node: Heading; text: string; customId?: string } | undefined {
  const index = firstVisibleIndex(tree);
  const node = tree.children[index];
  if (node?.type !== 'heading' || node.depth !== 1) return undefined;
  const text = headingText(node);
  if (!sameTitle(text, title)) return undefined;
  tree.children.splice(index, 1);
  const customId = (node.data?.hProperties as { dataPylonKbId?: unknown } | undefined)?.dataPylonKbId;
  return typeof customId === 'string' ? { node, text, customId } : { node, text };
}

/**
 * A heading's text without its raw HTML tags (`# Mode <Badge text="beta" />` is "Mode"), as VitePress and
 * GitHub take a page title from its heading: a title is plain text, so markup would show as written.
 */
function headingText(node: Heading): string {
  return mdastToString(node, { includeHtml: false });
}

/** Text of the first level-1 heading anywhere at the top level (without a `{#id}`), or undefined. */
export function firstH1Text(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      const text = stripCustomId(headingText(node)).replace(/\s+/g, ' ').trim();
      if (text) return text;
    }
  }
  return undefined;
}
