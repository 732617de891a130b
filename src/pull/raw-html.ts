import type { Element, ElementContent, Root, Text } from 'hast';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { PYLON_SCHEMA } from '../markdown/schema.js';
import { neutralise } from './neutralise-syntax.js';

/**
 * The HTML an element keeps when it has no Markdown form: sanitised with the schema pylon-kb publishes
 * with, so what is written into the file is what the next apply sends (never a script or a handler).
 */
export function sanitisedHtml(
  nodes: ElementContent | ElementContent[],
  schema: Schema = PYLON_SCHEMA,
): string {
  const root: Root = { type: 'root', children: Array.isArray(nodes) ? nodes : [nodes] };
  const clean = sanitize(root, schema) as Root;
  keepTextAsText(clean);
  return toHtml(clean, { allowDangerousHtml: true });
}

/** HTML-escaped, and every character Markdown gives a meaning to as a reference: inline HTML's text is Markdown too. */
const escapeText = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\*_`[\]~|!#]/g, (char) => `&#${char.codePointAt(0)};`);

/**
 * Text inside raw HTML reaches pylon-kb's site-syntax steps too: `{{ … }}` and the like become character
 * references there as well (see neutralise-syntax.ts), written as raw (already escaped) HTML.
 */
function keepTextAsText(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    const value = neutralise(node.value, false)
      .map((piece) => (piece.type === 'html' ? piece.value : escapeText(piece.value)))
      .join('');
    parent.children[index] = { type: 'raw', value } as unknown as Text;
  });
}

/** The opening tag of an element, attributes sanitised, without its children. */
export function sanitisedOpeningTag(node: Element): string {
  const shell: Element = { ...node, children: [] };
  const html = sanitisedHtml(shell);
  const close = html.lastIndexOf('</');
  return close > 0 ? html.slice(0, close) : html;
}

/** Media elements Pylon may hold but pylon-kb does not publish: kept in the file, reported. */
export const MEDIA_SCHEMA: Schema = {
  ...PYLON_SCHEMA,
  tagNames: [...(PYLON_SCHEMA.tagNames ?? []), 'video', 'audio', 'source'],
  attributes: {
    ...PYLON_SCHEMA.attributes,
    video: ['src', 'controls', 'width', 'height', 'poster', 'preload'],
    audio: ['src', 'controls', 'preload'],
    source: ['src', 'type'],
  },
};
