import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SyntaxPreset } from './constructs.js';
import type { SyntaxFinding } from './scan-context.js';

/**
 * After rendering: text outside `pre`/`code` that still looks like generator markup is reported (with
 * the line of its block), so nothing reaches readers as literal syntax unnoticed. And a heading left
 * with no text (it held only markup) is removed, with a warning.
 */
const LEFTOVER: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\{\{[<%]/, what: 'a Hugo shortcode ({{< … >}})' },
  { pattern: /\{%/, what: 'a Liquid tag ({% … %})' },
  { pattern: /(^|\n)[ \t]*:::/, what: 'a ::: container' },
  { pattern: /(^|\n)[ \t]*[!?]{3}\+? /, what: 'an MkDocs admonition (!!! / ???)' },
  { pattern: /(^|\n)[ \t]*=== "/, what: 'an MkDocs content tab (=== "…")' },
  { pattern: /\{: /, what: 'a kramdown attribute list ({: …})' },
  { pattern: /\{[ \t]*[.#][A-Za-z][\w-]*(?:[ \t][^}\n]*)?\}/, what: 'an attribute list ({ .class })' },
  { pattern: /<[A-Z][A-Za-z0-9]*[\s/>]/, what: 'a component tag (<Component>)' },
];

/**
 * mdBook runs preprocessors over `{{ … }}` before Markdown; a book's own preprocessor (a program of the
 * book's, which we do not run) fills variables such as `{{ tool-version }}`, so one left is literal text.
 * Other generators have their own ways to show braces as written (VitePress v-pre, Liquid raw), so the
 * pattern is only checked where the preset has mdBook's preprocessor syntax.
 */
const PREPROCESSOR_VARIABLE = {
  pattern: /\{\{[ \t]*[A-Za-z_][\w.-]*[ \t]*\}\}/,
  what: 'a preprocessor variable ({{ name }}) that no preprocessor of ours fills in',
};

const SHOWN_AS_CODE = new Set(['code', 'kbd', 'samp', 'pre']);

/** Runs on the final mdast: its text nodes are what readers see as text (code nodes are other types). */
export function checkLeftovers(
  tree: MdastRoot,
  findings: SyntaxFinding[],
  source = '',
  syntax?: SyntaxPreset,
): void {
  const patterns = syntax?.has('mdbook-links') ? [...LEFTOVER, PREPROCESSOR_VARIABLE] : LEFTOVER;
  const reported = new Set<string>();
  const sourceLines = source.split('\n');
  visit(tree, (node, _index, parent) => {
    // Text inside an element shown as code (`<code>` written in MDX) is meant to be read as written.
    if (SHOWN_AS_CODE.has(String((parent?.data as { hName?: unknown } | undefined)?.hName))) return;
    // Raw HTML is published too: the text between its tags is what readers see of it.
    const value =
      node.type === 'text'
        ? node.value
        : node.type === 'html'
          ? node.value.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ')
          : undefined;
    if (value === undefined) return;
    for (const { pattern, what } of patterns) {
      const match = pattern.exec(value);
      if (!match) continue;
      const line = node.position?.start.line ?? 1;
      if (escapedInSource(match[0], sourceLines[line - 1] ?? '')) continue;
      const key = `${line}\0${what}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        line,
        code: 'markdown/literal-syntax',
        message: `The published text still holds ${what}: readers will see it as written.`,
        hint: 'Rewrite it in Markdown, or put it in `code` if it is meant to be shown.',
      });
    }
  });
}

/** A tag the author wrote as `&lt;Tag/&gt;` is meant to be shown: readers should see it as written. */
function escapedInSource(found: string, line: string): boolean {
  // mdBook's escape: `\{{` is printed as written.
  if (found.startsWith('{{')) return line.includes('\\{{');
  const name = /<([A-Za-z][\w-]*)/.exec(found)?.[1];
  return name !== undefined && line.includes(`&lt;${name}`);
}

/** A heading with no visible text (only markup, or nothing) is removed, before rendering, with a warning. */
export function dropEmptyMdastHeadings(tree: MdastRoot, findings: SyntaxFinding[]): void {
  visit(tree, 'heading', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (mdastToString(node, { includeHtml: false }).trim() !== '' || hasMdastImage(node)) return undefined;
    findings.push({
      line: node.position?.start.line ?? 1,
      code: 'markdown/empty-heading',
      message: 'A heading has no text once its markup is removed: it is left out.',
      hint: 'Give the heading words readers can see.',
    });
    parent.children.splice(index, 1);
    return index;
  });
}

function hasMdastImage(node: MdastNodes): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && node.children.some((child) => hasMdastImage(child as MdastNodes));
}
