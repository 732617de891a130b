import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** The small HTML helpers the help center needs (the emulator depends on nothing but the contract). */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content or a quoted attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The value of an attribute as a browser reads it (character references decoded). */
export function attributeValue(raw: string): string {
  const element = fromHtml(`<a title="${raw.replace(/"/g, '&quot;')}"></a>`, { fragment: true }).children[0];
  const title = element && 'properties' in element ? element.properties.title : undefined;
  return typeof title === 'string' ? title : raw;
}

/** The readable text of a body, whitespace collapsed (what search looks in). */
export function plainText(html: string): string {
  return toText(fromHtml(html, { fragment: true }), { whitespace: 'normal' })
    .replace(/\s+/g, ' ')
    .trim();
}
