import type { Code, Html, Paragraph, Parent, Root, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { SyntaxPreset } from './constructs.js';
import type { SyntaxFinding } from './scan-context.js';

/**
 * mdBook's constructs that survive parsing: hidden lines in Rust code (`# use std::fmt;` is compiled, not
 * shown; `##` shows one `#`), the links preprocessor's escaped directives (`\{{#include x}}` shows as
 * `{{#include x}}`, in code too), `{{#title …}}` (a page title for the browser tab only), and the
 * `<Listing number file-name caption>` wrapper of the Rust book's listings (a file-name line above the
 * code, a caption below).
 */
export const BOOK_SYNTAX = /\{\{#|^[ \t]*#(?: |$)|<Listing\b|^[ \t]*(?:`{3,}|~{3,})[^\n,`]*,/m;

const RUST = /^rust\b/i;
const HIDDEN = /^[ \t]*#(?: |$)/;
const TITLE = /^\{\{#title[ \t]+([^}]*)\}\}$/;
const LISTING_OPEN = /^<Listing\b([^>]*)>\s*$/;
const LISTING_CLOSE = /^<\/Listing>\s*$/;

export function applyBookSyntax(tree: Root, syntax: SyntaxPreset, findings: SyntaxFinding[]): void {
  const open = new WeakMap<Parent, Record<string, string>[]>();
  visit(tree, (node, index, parent) => {
    if (node.type === 'code') {
      if (syntax.has('mdbook-hidden-lines')) {
        // `rust,editable,ignore`: the language, then the playground's attributes (not published).
        if (node.lang?.includes(',')) node.lang = node.lang.split(',')[0]?.trim() || null;
        if (RUST.test(node.lang ?? '')) hideLines(node);
      }
      if (syntax.has('mdbook-links')) node.value = node.value.replace(/\\\{\{#/g, '{{#');
      return SKIP;
    }
    if (node.type === 'inlineCode' && syntax.has('mdbook-links')) {
      node.value = node.value.replace(/\\\{\{#/g, '{{#');
      return;
    }
    if (!parent || index === undefined) return;
    if (node.type === 'paragraph' && syntax.has('mdbook-links')) {
      const title = TITLE.exec(mdastText(node).trim());
      if (!title) return;
      parent.children.splice(index, 1);
      findings.push({
        line: node.position?.start.line ?? 1,
        code: 'markdown/site-syntax',
        message: `{{#title ${title[1]?.trim()}}} sets the browser tab's title only; Pylon's article keeps its own title.`,
        hint: 'Set the title in the first # heading (or frontmatter title) to change the article title.',
      });
      return index;
    }
    if (node.type === 'html' && syntax.has('mdbook-listings')) return listing(node, index, parent, open);
  });
}

/** mdBook hides `# ` lines of Rust code and shows `##` as `#`. */
function hideLines(node: Code): void {
  if (!/^[ \t]*#/m.test(node.value)) return;
  node.value = node.value
    .split('\n')
    .filter((line) => !HIDDEN.test(line))
    .map((line) => line.replace(/^([ \t]*)##/, '$1#'))
    .join('\n');
}

/** `<Listing …>` → a "Filename: …" line; `</Listing>` → "Listing N: caption". */
function listing(
  node: Html,
  index: number,
  parent: Parent,
  open: WeakMap<Parent, Record<string, string>[]>,
): number | undefined {
  const tag = LISTING_OPEN.exec(node.value.trim());
  const stack = open.get(parent) ?? [];
  open.set(parent, stack);
  if (tag) {
    const attributes = attributesOf(tag[1] ?? '');
    stack.push(attributes);
    const name = attributes['file-name'];
    const replacement: RootContent[] = name
      ? [paragraph([{ type: 'text', value: `Filename: ${name}` }])]
      : [];
    parent.children.splice(index, 1, ...replacement);
    return index + replacement.length;
  }
  if (!LISTING_CLOSE.test(node.value.trim())) return undefined;
  const attributes = stack.pop() ?? {};
  const label = attributes.number ? `Listing ${attributes.number}` : undefined;
  const caption = [label, attributes.caption].filter(Boolean).join(': ');
  const replacement: RootContent[] = caption
    ? [paragraph([{ type: 'emphasis', children: [{ type: 'text', value: caption }] }])]
    : [];
  parent.children.splice(index, 1, ...replacement);
  return index + replacement.length;
}

function paragraph(children: Paragraph['children']): Paragraph {
  return { type: 'paragraph', children };
}

function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return out;
}
