import type { Code, Paragraph, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SyntaxPreset } from './constructs.js';

/**
 * A code block's title (a file name, mostly), published as a caption right before the code:
 * `<p class="code-title"><code>src/app.js</code></p>` (Pylon keeps no `<figcaption>` and no `title`
 * attribute, so the name would otherwise be lost). Written as
 * - `title="…"` in the meta (Docusaurus, MkDocs Material, a GitBook `{% code title %}`, `<CodeBlock title>`);
 * - `[…]` in the meta (VitePress, outside a code group, where it is the tab's label instead);
 * - with `meta-code-titles` (Mintlify), the meta's words that are not options (`` ```js app.js {2} ``).
 * The title leaves the meta, so nothing reads it twice.
 */
export const CODE_TITLE_SYNTAX = /^[ \t]*(?:`{3,}|~{3,}).*(?:\btitle=|\[[^\]]+\])|<CodeBlock\b[^>]*\btitle=/m;
const ANY_META = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[^\s`]+[ \t]+[^\s{]/m;

export function hasCodeTitleSyntax(source: string, syntax: SyntaxPreset): boolean {
  return CODE_TITLE_SYNTAX.test(source) || (syntax.has('meta-code-titles') && ANY_META.test(source));
}

const TITLE_ATTRIBUTE = /(^|\s)title=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+))/;
const BRACKETED = /\[([^\]]+)\]/;
/** Mintlify's options on a code block: line ranges, flags and key=value settings. */
const MINTLIFY_OPTION = /\{[^}]*\}|\b(?:lines|wrap|expandable)\b|\b[\w-]+=(?:"[^"]*"|'[^']*'|\S+)/g;

export function publishCodeTitles(tree: Root, syntax: SyntaxPreset): void {
  const found: { node: Code; parent: Parent; title: string }[] = [];
  visit(tree, 'code', (node: Code, _index, parent) => {
    const title = takeTitle(node, syntax.has('meta-code-titles'));
    if (title && parent) found.push({ node, parent, title });
  });
  for (const { node, parent, title } of found) {
    const caption: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'inlineCode', value: title }],
      data: { hProperties: { className: ['code-title'] } },
      ...(node.position && { position: node.position }),
    };
    parent.children.splice(parent.children.indexOf(node), 0, caption);
  }
}

function takeTitle(node: Code, metaTitles: boolean): string | undefined {
  const meta = node.meta ?? '';
  const attribute = TITLE_ATTRIBUTE.exec(meta);
  const bracketed = attribute ? null : BRACKETED.exec(meta);
  const match = attribute ?? bracketed;
  if (match) {
    const title = (attribute ? (attribute[2] ?? attribute[3] ?? attribute[4]) : bracketed?.[1])?.trim();
    node.meta =
      `${meta.slice(0, match.index)}${attribute?.[1] ?? ''}${meta.slice(match.index + match[0].length)}`.trim() ||
      null;
    return title || undefined;
  }
  if (!metaTitles) return undefined;
  const title = meta.replace(MINTLIFY_OPTION, ' ').replace(/\s+/g, ' ').trim();
  if (title === '') return undefined;
  node.meta = (meta.match(MINTLIFY_OPTION) ?? []).join(' ') || null;
  return title;
}
