import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * An article body as readable text lines, the form reports diff: block elements on their own lines,
 * headings prefixed `#`, list items `- ` (ordered: `1. `), quotes `> `, code blocks kept verbatim between
 * fences, table rows as `| a | b |`, links `[text](href)`, images `![alt](src)`. Inline whitespace is
 * collapsed, so a re-formatted but visibly identical body gives the same lines.
 */
export function htmlToLines(html: string): string[] {
  const state: State = { lines: [], buf: '', prefix: '', marker: null };
  walkChildren(fromHtml(html, { fragment: true }).children, state);
  flush(state);
  return state.lines;
}

/** The readable text of a body, one string (lines joined with `\n`). */
export function htmlToText(html: string): string {
  return htmlToLines(html).join('\n');
}

interface State {
  lines: string[];
  /** Inline text of the current line. */
  buf: string;
  /** Prefix for every line in the current block (quote markers, list indentation). */
  prefix: string;
  /** List marker waiting for the first line of the current list item. */
  marker: string | null;
}

const BLOCKS = new Set(
  (
    'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form header hgroup li main nav ol p pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'svg']);

function emit(state: State, text: string): void {
  const marker = state.marker;
  const lead =
    marker === null ? state.prefix : state.prefix.slice(0, state.prefix.length - marker.length) + marker;
  state.marker = null;
  state.lines.push(`${lead}${text}`.trimEnd());
}

function flush(state: State): void {
  const text = state.buf.replace(/\s+/g, ' ').trim();
  state.buf = '';
  if (text !== '') emit(state, text);
}

function walkChildren(nodes: readonly (RootContent | ElementContent)[], state: State): void {
  for (const node of nodes) {
    if (node.type === 'text') state.buf += node.value;
    else if (node.type === 'element') walkElement(node, state);
  }
}

function inline(nodes: readonly ElementContent[]): string {
  const sub: State = { lines: [], buf: '', prefix: '', marker: null };
  walkChildren(nodes, sub);
  flush(sub);
  return sub.lines.join(' ');
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c)).join('');
  return '';
}

function attr(node: Element, name: string): string {
  const value = node.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null ? '' : String(value);
}

function block(node: Element, state: State, prefix: string, marker: string | null = null): void {
  flush(state);
  const saved = { prefix: state.prefix, marker: state.marker };
  if (state.marker !== null && marker !== null) {
    // A list item whose first content is another list: give the outer marker its own line.
    emit(state, '');
  }
  state.prefix = saved.prefix + prefix;
  if (marker !== null) state.marker = marker;
  walkChildren(node.children, state);
  flush(state);
  state.prefix = saved.prefix;
  state.marker = marker === null ? state.marker : null;
}

function walkElement(node: Element, state: State): void {
  const tag = node.tagName;
  if (SKIP.has(tag)) return;
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    flush(state);
    state.buf = `${'#'.repeat(Number(heading[1]))} ${inline(node.children)}`;
    flush(state);
  } else if (tag === 'br') {
    flush(state);
  } else if (tag === 'hr') {
    flush(state);
    emit(state, '---');
  } else if (tag === 'pre') {
    flush(state);
    const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    const lang = /(?:^|\s)language-(\S+)/.exec(code ? attr(code, 'className') : '')?.[1] ?? '';
    emit(state, `\`\`\`${lang}`);
    for (const line of textOf(node).replace(/\n$/, '').split('\n')) emit(state, line);
    emit(state, '```');
  } else if (tag === 'code') {
    state.buf += `\`${textOf(node)}\``;
  } else if (tag === 'img') {
    state.buf += `![${attr(node, 'alt')}](${attr(node, 'src')})`;
  } else if (tag === 'a') {
    const text = inline(node.children);
    const href = attr(node, 'href');
    state.buf += href && href !== text ? `[${text}](${href})` : text;
  } else if (tag === 'tr') {
    flush(state);
    const cells = node.children.filter((c): c is Element => c.type === 'element');
    emit(state, `| ${cells.map((c) => inline(c.children).replace(/\|/g, '\\|')).join(' | ')} |`);
  } else if (tag === 'blockquote') {
    block(node, state, '> ');
  } else if (tag === 'ul' || tag === 'ol') {
    list(node, state);
  } else if (BLOCKS.has(tag)) {
    block(node, state, '');
  } else {
    walkChildren(node.children, state);
  }
}

function list(node: Element, state: State): void {
  flush(state);
  let n = tag(node) === 'ol' ? Number(attr(node, 'start')) || 1 : 0;
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === 'li') {
      const marker = n > 0 ? `${n++}. ` : '- ';
      block(child, state, ' '.repeat(marker.length), marker);
    } else if (child.type === 'element') {
      walkElement(child, state);
    }
  }
}

function tag(node: Element): string {
  return node.tagName;
}
