import type { Blockquote, Paragraph, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CalloutKind } from '../callouts.js';

/**
 * kramdown block IALs (`{: .note}` on the line before or after a block, just-the-docs' callouts) and
 * Python-Markdown attribute lists (`{ .class }` closing a paragraph, `![img](x){ width="300" }` after an
 * inline element). Pylon keeps no author classes or ids on these, so the lists are removed; a callout
 * class makes the block a callout (`.note-title`: its first paragraph is the title). Heading attribute
 * lists are custom-ids.ts's.
 */
const LIST = String.raw`\{:?[ \t]*(?:(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))[ \t]*)+\}`;
const WHOLE = new RegExp(`^[ \\t]*${LIST}[ \\t]*$`);
const TRAILING_LINE = new RegExp(`\\n[ \\t]*${LIST}[ \\t]*$`);
const LEADING = new RegExp(`^${LIST}`);
const LEADING_LINE = new RegExp(`^[ \\t]*${LIST}[ \\t]*\\n`);
export const ATTRIBUTE_LIST_SYNTAX = /\{:?[ \t]*[#.:\w]/;

const CALLOUT_CLASSES: Readonly<Record<string, CalloutKind>> = {
  note: 'note',
  info: 'note',
  tip: 'tip',
  new: 'tip',
  highlight: 'tip',
  important: 'important',
  warning: 'warning',
  caution: 'caution',
  danger: 'caution',
};

export function applyAttributeLists(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'heading') return;
    const parent = node as Parent;
    parent.children = blockLists(parent.children as RootContent[], parent) as Parent['children'];
    stripInlineLists(parent);
  });
}

function blockLists(children: RootContent[], parent: Parent): RootContent[] {
  const out: RootContent[] = [];
  let pending: CalloutSpec | null = null;
  for (const child of children.flatMap(splitAtBlockLists)) {
    if (child.type === 'paragraph') {
      const whole = onlyList(child);
      if (whole !== null) {
        const previous = out[out.length - 1];
        if (whole === '{:toc}') out.push(child);
        else if (previous && directlyAfter(previous, child))
          out[out.length - 1] = applyAfter(previous, whole);
        else pending = calloutOf(whole);
        continue;
      }
      const leading = takeLeading(child);
      if (leading) {
        const spec = calloutOf(leading);
        if (spec) {
          out.push(wrapInCallout(child, spec));
          continue;
        }
      }
      const trailing = takeTrailing(child);
      if (trailing) {
        const spec = calloutOf(trailing);
        if (spec && parent.type === 'blockquote' && children[children.length - 1] === child)
          makeCallout(parent as Blockquote, spec);
        else if (spec) {
          out.push(wrapInCallout(child, spec));
          continue;
        }
      }
    }
    if (pending) {
      const spec = pending;
      pending = null;
      if (child.type === 'blockquote') makeCallout(child, spec);
      else if (child.type === 'paragraph') {
        out.push(wrapInCallout(child, spec));
        continue;
      }
    }
    out.push(child);
  }
  return out;
}

/** kramdown: an IAL on the line right after a block belongs to that block, else to the next one. */
function directlyAfter(previous: RootContent, ial: Paragraph): boolean {
  const end = previous.position?.end.line;
  const start = ial.position?.start.line;
  return end !== undefined && start !== undefined && start === end + 1;
}

function applyAfter(previous: RootContent, list: string): RootContent {
  if (previous.type === 'heading') {
    if (/\.no_toc\b/.test(list))
      previous.data = { ...previous.data, pylonKbNoToc: true } as typeof previous.data;
    return previous;
  }
  const spec = calloutOf(list);
  if (spec && previous.type === 'blockquote') makeCallout(previous, spec);
  if (spec && previous.type === 'paragraph') return wrapInCallout(previous, spec);
  return previous;
}

interface CalloutSpec {
  kind: CalloutKind;
  titled: boolean;
}

function calloutOf(list: string): CalloutSpec | null {
  for (const match of list.matchAll(/\.([\w-]+)/g)) {
    const name = match[1]!.replace(/-title$/, '');
    const kind = CALLOUT_CLASSES[name];
    if (kind) return { kind, titled: match[1]!.endsWith('-title') };
  }
  return null;
}

function onlyList(paragraph: Paragraph): string | null {
  const [only] = paragraph.children;
  if (paragraph.children.length !== 1 || only?.type !== 'text') return null;
  if (only.value.trim() === '{:toc}') return '{:toc}';
  return WHOLE.test(only.value) ? only.value.trim() : null;
}

/** kramdown's IAL on the line before a paragraph is read as the paragraph's first line. */
function takeLeading(paragraph: Paragraph): string | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = LEADING_LINE.exec(first.value);
  if (!match) return null;
  first.value = first.value.slice(match[0].length);
  return match[0].trim();
}

const INNER_BLOCK_LIST = /(\n[ \t]*\{:[^}\n]*\}[ \t]*)\n/;

/**
 * kramdown ends a paragraph at a block IAL line (`Font size 1` / `{: .fs-1 }` / `Font size 2` is two
 * paragraphs): a paragraph with such a line inside is split after it, each part keeping its own list.
 */
function splitAtBlockLists(child: RootContent): RootContent[] {
  if (
    child.type !== 'paragraph' ||
    !child.children.some((c) => c.type === 'text' && INNER_BLOCK_LIST.test(c.value))
  )
    return [child];
  const parts: Paragraph[] = [];
  let current: Paragraph['children'] = [];
  for (const inline of child.children) {
    if (inline.type !== 'text') {
      current.push(inline);
      continue;
    }
    const pieces = inline.value.split(INNER_BLOCK_LIST);
    // split() with one group: text, list line, text, list line, …, text.
    for (let i = 0; i < pieces.length; i++) {
      if (i % 2 === 1) {
        current.push({ type: 'text', value: pieces[i]! });
        parts.push({ ...child, children: current });
        current = [];
      } else if (pieces[i] !== '') current.push({ ...inline, value: pieces[i]! });
    }
  }
  if (current.length > 0) parts.push({ ...child, children: current });
  return parts;
}

function takeTrailing(paragraph: Paragraph): string | null {
  const last = paragraph.children[paragraph.children.length - 1];
  if (last?.type !== 'text') return null;
  const match = TRAILING_LINE.exec(last.value);
  if (!match) return null;
  last.value = last.value.slice(0, match.index);
  return match[0].trim();
}

function makeCallout(quote: Blockquote, spec: CalloutSpec): void {
  quote.data = {
    ...quote.data,
    hProperties: { ...quote.data?.hProperties, className: ['callout', `callout-${spec.kind}`] },
  };
  const first = quote.children[0];
  if (spec.titled && first?.type === 'paragraph') {
    quote.children[0] = {
      ...first,
      children: [{ type: 'strong', children: first.children }],
      data: { hProperties: { className: ['callout-title'] } },
    };
  }
}

function wrapInCallout(paragraph: Paragraph, spec: CalloutSpec): Blockquote {
  const quote: Blockquote = {
    type: 'blockquote',
    children: [paragraph],
    ...(paragraph.position && { position: paragraph.position }),
  };
  makeCallout(quote, { ...spec, titled: false });
  return quote;
}

/** `{ .class }` right after an image, link, emphasis, code span or inline HTML element (`<span>…</span>{: .label }`): removed. */
function stripInlineLists(parent: Parent): void {
  const children = parent.children as RootContent[];
  for (let i = 1; i < children.length; i += 1) {
    const child = children[i]!;
    const previous = children[i - 1]!;
    const closingTag = previous.type === 'html' && /^<\/[A-Za-z][\w-]*\s*>$/.test(previous.value.trim());
    if (
      child.type !== 'text' ||
      (!closingTag &&
        !['image', 'link', 'emphasis', 'strong', 'inlineCode', 'imageReference', 'linkReference'].includes(
          previous.type,
        ))
    )
      continue;
    const match = LEADING.exec(child.value);
    if (match) child.value = child.value.slice(match[0].length);
  }
}
