import type { Element, Root } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { Heading, Html } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { stripMarker } from '../identity/marker.js';
import { type ConversionWarning, pullHandlers } from './handlers.js';
import { customIdText, remarkNeutraliseSiteSyntax } from './neutralise-syntax.js';
import { KEEP_AS_HTML, KEEP_ID, type PrepareOptions, prepareHast } from './prepare-hast.js';
import { sanitisedHtml } from './raw-html.js';

export type { UrlKind } from './prepare-hast.js';
export type { ConversionWarning };

export interface HtmlToMarkdownResult {
  markdown: string;
  warnings: ConversionWarning[];
}

/** The Markdown style pylon-kb writes: `-` bullets, fenced code, `_em_`, `**strong**`, `---` rules. */
const STYLE: StringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
};

/**
 * Pylon's article HTML → Markdown that pylon-kb renders back to the same visible text: the inverse of
 * `renderMarkdown`. The pylon-kb marker is removed; callouts become `> [!NOTE]` alerts, `<details>`,
 * iframes and what else has no Markdown form stay as sanitised HTML. Pure: URLs are rewritten through
 * `rewriteUrl`, problems are returned as warnings.
 */
export function htmlToMarkdown(html: string, options: PrepareOptions = {}): HtmlToMarkdownResult {
  const warnings: ConversionWarning[] = [];
  const warn = (w: ConversionWarning) => {
    if (!warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push(w);
  };
  const handlers: Record<string, Handle> = {
    ...pullHandlers(warn),
    h1: keepOrHeading,
    h2: withCustomId,
    h3: withCustomId,
    h4: withCustomId,
    h5: withCustomId,
    h6: withCustomId,
  };
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: Root) => prepareHast(tree, options, warn))
    .use(rehypeRemark, { handlers })
    .use(remarkNeutraliseSiteSyntax)
    .use(remarkGfm)
    .use(remarkStringify, STYLE);
  const markdown = String(processor.processSync(stripMarker(html)));
  return { markdown: markdown.trim() === '' ? '' : markdown, warnings };
}

/** A heading, with the id the editor gave it as `{#id}` when it differs from the generated one. */
function withCustomId(state: State, node: Element): ReturnType<Handle> {
  const id = node.properties[KEEP_ID];
  delete node.properties[KEEP_ID];
  const heading = defaultHandlers[node.tagName as 'h2'](state, node) as Heading;
  if (typeof id === 'string') heading.children.push(customIdText(id));
  return heading;
}

/** A leading `<h1>` equal to the title stays HTML, or publishing would drop it as a repeated title. */
function keepOrHeading(state: State, node: Element): ReturnType<Handle> {
  if (node.properties[KEEP_AS_HTML] === undefined) return withCustomId(state, node);
  delete node.properties[KEEP_AS_HTML];
  return { type: 'html', value: sanitisedHtml(node) } satisfies Html;
}
