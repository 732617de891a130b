import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { digestOf } from './digest.js';

/**
 * The visible text of an HTML body with whitespace collapsed. Attribute order, entities, quoting and
 * formatting whitespace do not change it, so it survives an editor re-serialising the HTML; an edit to the
 * words does.
 */
export function visibleText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  return toText(tree).replace(/\s+/g, ' ').trim();
}

/** Whitespace is left out entirely: editors add and remove it between elements without changing a word. */
export function textDigest(html: string): string {
  return textDigestOfText(visibleText(html));
}

/**
 * `textDigest` from the text of an element tree (`toText` of the tree the HTML was serialised from), so a
 * renderer that holds the tree need not parse its own HTML again. Equal to `textDigest(html)` of that HTML.
 */
export function textDigestOfText(text: string): string {
  return digestOf(text.replace(/\s+/g, ''));
}
