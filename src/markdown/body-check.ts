import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { isAllowedIframeSrc, PYLON_SCHEMA } from './schema.js';

/**
 * Whether an HTML body holds only what pylon-kb's renderer can produce. A body read from a file that may
 * have been edited (a saved plan) is sanitised again with the renderer's schema, widened by what the
 * renderer adds after sanitising (ids on headings and footnotes, `pylon-kb://` placeholders, the marker's
 * `data-` attribute), and narrowed by what the renderer removes before sanitising (an iframe whose source is
 * not https): if that changes anything, something was added that pylon-kb never writes.
 */
const BODY_SCHEMA = {
  ...PYLON_SCHEMA,
  attributes: {
    ...PYLON_SCHEMA.attributes,
    '*': [...(PYLON_SCHEMA.attributes?.['*'] ?? []), 'id'],
  },
  protocols: {
    href: [...(PYLON_SCHEMA.protocols?.href ?? []), 'pylon-kb'],
    src: [...(PYLON_SCHEMA.protocols?.src ?? []), 'pylon-kb'],
  },
};

/** What sanitising would remove, as a short excerpt of the first difference; undefined when nothing. */
export function unsanitisedHtml(html: string): string | undefined {
  const tree = fromHtml(html, { fragment: true });
  const before = toHtml(tree);
  const after = toHtml(sanitize(withoutInsecureIframes(structuredClone(tree)), BODY_SCHEMA) as Root);
  if (before === after) return undefined;
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const start = before.lastIndexOf('<', at);
  return before.slice(Math.max(0, start), Math.max(0, start) + 60);
}

/** The tree without the iframes the renderer removes (a source that is not https), as raw-html.ts does. */
function withoutInsecureIframes<T extends Root | Element>(node: T): T {
  node.children = node.children
    .filter(
      (child) =>
        !(
          child.type === 'element' &&
          child.tagName === 'iframe' &&
          !isAllowedIframeSrc(child.properties.src)
        ),
    )
    .map((child: RootContent) =>
      child.type === 'element' ? withoutInsecureIframes(child) : child,
    ) as T['children'];
  return node;
}
