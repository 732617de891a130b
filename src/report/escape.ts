import { escapeHtml } from '../pylon-api/html-text.js';

/**
 * Escaping for every output context a report writes user-controlled text into (titles, keys, paths, URLs,
 * diagnostic messages and body text all come from authors or from the remote knowledge base).
 */

// C0 controls except tab/newline/CR, DEL, and C1 controls (ESC starts terminal escape sequences).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** Text for a terminal: no control characters (no ANSI injection), line breaks shown as `⏎`. */
export function terminalSafe(text: string): string {
  return text.replace(LINE_BREAKS, ' ⏎ ').replace(/\t/g, ' ').replace(CONTROL, '\uFFFD');
}

/** One line of body text for a terminal: control characters replaced, tabs kept. */
export function terminalLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '\uFFFD');
}

/** One-line form of a user string: line breaks become spaces, control characters dropped. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '');
}

/** Text for HTML element content or a quoted attribute value (written once, beside Pylon's HTML rules). */
export { escapeHtml };

// ASCII punctuation Markdown (GFM) gives meaning to; all of it may be backslash-escaped.
const MD_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~@:]/g;

/**
 * User text inside Markdown prose or a GFM table cell: one line, HTML-significant characters as entities
 * (no raw HTML reaches the page), Markdown punctuation backslash-escaped (no emphasis, links, mentions,
 * autolinks, or table cell breaks).
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[&<>"]/g, escapeHtml)
    .replace(MD_PUNCTUATION, (c) => `\\${c}`);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * A Markdown code span holding `text` literally: the backtick fence is longer than any backtick run inside,
 * padded when the text starts or ends with a backtick. `inTable` escapes `|`, which GFM splits cells on
 * even inside code spans (it renders as a plain `|`).
 */
export function markdownCode(text: string, inTable = false): string {
  let body = oneLine(text);
  if (body === '') return '';
  if (inTable) body = body.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in `content`. */
export function markdownFence(content: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  const body = content.endsWith('\n') || content === '' ? content : `${content}\n`;
  return `${fence}${info}\n${body}${fence}`;
}

/** GitHub workflow command data (the message after `::`). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow command property value (`file=`, `title=` …). */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Cut `text` to at most `width` code points, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** `1 MB`, `512 KB`, `900 bytes`, in decimal units like GitHub's documentation. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  if (bytes >= 1_000) return `${Number((bytes / 1_000).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Only http(s) URLs become links anywhere in reports; anything else is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** A Markdown link to an http(s) URL (characters that end a link destination percent-encoded), else code. */
export function markdownLink(text: string, url: string, inTable = false): string {
  if (!isWebUrl(url)) return markdownCode(url, inTable);
  const dest = url.replace(
    /[<>()\s|\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeMarkdown(text)}](${dest})`;
}

/** UTF-8 byte length without Buffer (reports stay free of Node APIs). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if ((code & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
