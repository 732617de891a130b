import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { type HeadingIdRule, HeadingSlugger } from './heading-slugs.js';

const HEADING = /^h[1-6]$/;

/** What a render hands the pipeline through `file.data`. */
export interface HeadingIdData {
  headingIds?: HeadingIdRule;
}

/**
 * rehype plugin in place of rehype-slug: every heading without an id gets one by the site's rule
 * (`file.data.headingIds`, default `github`). Ids already set (`{#custom}`) are kept; as with rehype-slug, generated ids do not
 * avoid them (a clash is the `markdown/duplicate-id` warning).
 */
export function rehypeHeadingIds() {
  return (tree: Root, file: { data: object }): void => {
    const rule = (file.data as HeadingIdData).headingIds ?? 'github';
    const slugger = new HeadingSlugger(rule);
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (HEADING.test(node.tagName)) headings.push(node);
    });
    for (const node of headings) {
      if (typeof node.properties.id === 'string' && node.properties.id !== '') continue;
      node.properties.id = slugger.slug(hastToString(node));
    }
  };
}
