/**
 * Text inside the HTML Pylon's bodies and pages carry: the one escape for element content and quoted
 * attribute values, and the decoding of the character references a serialiser writes. Pure; the report,
 * apply's forwarding stubs, the marker and the emulator's help-center pages all use these.
 */

/** C0 and C1 control characters (not tab, line feed, carriage return): not allowed in HTML text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content or a quoted attribute value; control characters are dropped. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Decodes the character references an HTML serialiser may write in an attribute value. */
export function decodeHtmlEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
