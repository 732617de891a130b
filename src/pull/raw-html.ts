import type { Element, ElementContent, Root } from 'hast';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { PYLON_SCHEMA } from '../markdown/schema.js';

/**
 * The HTML an element keeps when it has no Markdown form: sanitised with the schema pylon-kb publishes
 * with, so what is written into the file is what the next apply sends (never a script or a handler).
 */
export function sanitisedHtml(
  nodes: ElementContent | ElementContent[],
  schema: Schema = PYLON_SCHEMA,
): string {
  const root: Root = { type: 'root', children: Array.isArray(nodes) ? nodes : [nodes] };
  return toHtml(sanitize(root, schema) as Root);
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
