import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { decodeHtmlEntities, escapeHtml } from '../../pylon-api/html-text.js';

/** The HTML helpers of the help center: the contract's escape and decoding, and a body's plain text. */

/** Text for element content or a quoted attribute value. */
export const esc = escapeHtml;

/** The value of an attribute as a browser reads it (character references decoded). */
export const attributeValue = decodeHtmlEntities;

/** The readable text of a body, whitespace collapsed (what search looks in). */
export function plainText(html: string): string {
  return toText(fromHtml(html, { fragment: true }), { whitespace: 'normal' })
    .replace(/\s+/g, ' ')
    .trim();
}
