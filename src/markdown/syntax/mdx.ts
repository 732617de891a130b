import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { stripShikiNotations } from './code-notations.js';
import type { SyntaxPreset } from './constructs.js';
import type { DataValue } from './estree-literal.js';
import { mdxImport } from './include-directives.js';
import { includeCandidates } from './include-paths.js';
import type { IncludeLookup } from './includes.js';
import { JS_STRING, jsStringValue } from './js-string.js';
import { expressionAttributes, isJsx, type JsxElement, textAttribute } from './jsx.js';
import type { InlineParser } from './mdx-blocks.js';
import { KNOWN_COMPONENTS, mapComponent } from './mdx-components.js';
import { dataAttributeContent, exportedConstants } from './mdx-data-attributes.js';
import { tabItems } from './mdx-docs-components.js';
import { htmlElement } from './mdx-html.js';
import { includeElement } from './mdx-include.js';
import type { SyntaxFinding } from './scan-context.js';

export interface MdxContext {
  file: string;
  includes: IncludeLookup;
  findings: SyntaxFinding[];
  /** Parses an included partial with the MDX grammar (the file's lines all stand for `line`). */
  parsePartial(text: string, line: number, withSiteSyntax?: boolean): Root;
  depth?: number;
  /** Files imported for their URL, by the name they are imported as. */
  assets?: ReadonlyMap<string, string>;
  /** The file's `export const` values that are plain data, by name. */
  constants?: ReadonlyMap<string, DataValue>;
  /** The site's syntax preset (Fumadocs' `<include>` is read only where it is on). */
  syntax?: SyntaxPreset;
}

const IMPORT = new RegExp(String.raw`import\s+([A-Za-z_$][\w$]*)\s+from\s+(${JS_STRING})`, 'g');
/** A file imported for its URL (`import shot from '../assets/shot.png'`), used as `<Image src={shot}>`. */
const ASSET_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|mp4|webm|mov|mp3|pdf)$/i;
/** Components that are HTML elements under another name (`next/link`, `next/image`, `astro:assets`). */
const HTML_ALIASES: Readonly<Record<string, string>> = { Link: 'a', Image: 'img', Picture: 'img' };

/**
 * MDX after parsing: imports and exports removed (an imported Markdown partial is inlined where its
 * component is used), expressions never evaluated (a string literal is kept as text, a comment dropped,
 * anything else dropped with a warning), HTML elements kept as elements and known components mapped
 * (mdx-components.ts); an unknown component keeps its children, with a warning naming it.
 */
export function transformMdx(tree: Root, context: MdxContext): void {
  const partials = new Map<string, string>();
  const assets = new Map<string, string>();
  const estrees: unknown[] = [];
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    estrees.push(node.data?.estree);
    for (const match of node.value.matchAll(IMPORT)) {
      const found = mdxImport(match);
      if (found) partials.set(found.name, found.path);
      const path = match[2] === undefined ? undefined : jsStringValue(match[2]);
      if (match[1] && path !== undefined && ASSET_FILE.test(path)) assets.set(match[1], path);
    }
  }
  if (assets.size > 0) context = { ...context, assets };
  const constants = exportedConstants(estrees);
  if (constants.size > 0) context = { ...context, constants };
  tree.children = mapChildren(tree.children, partials, context);
}

function mapChildren(
  children: readonly RootContent[],
  partials: Map<string, string>,
  context: MdxContext,
): RootContent[] {
  return children.flatMap((child) => mapNode(child, partials, context));
}

function mapNode(node: RootContent, partials: Map<string, string>, context: MdxContext): RootContent[] {
  const line = node.position?.start.line ?? 1;
  if (node.type === 'mdxjsEsm') return [];
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
    return expression(node.value, node.type === 'mdxTextExpression', line, context);
  if (!isJsx(node)) {
    if ('children' in node)
      (node as Parent).children = mapChildren(
        (node as Parent).children as RootContent[],
        partials,
        context,
      ) as Parent['children'];
    return node.type === 'paragraph' ? hoistBlocks(node) : [node];
  }
  const element = node as JsxElement;
  if (context.assets) useAssetImports(element, context.assets);
  useMarkupAttributes(element, inlineParser(context, line));
  let children = mapChildren(element.children, partials, context);
  if (element.name === null) return children;
  const partial = partials.get(element.name);
  if (partial !== undefined) return inlinePartial(element.name, partial, line, partials, context);
  if (element.name === 'include' && context.syntax?.has('fumadocs-include') && (context.depth ?? 0) < 8) {
    const included = includeElement(element, line, {
      ...context,
      parseIncluded: (text, at) => {
        const tree = context.parsePartial(text, at, true);
        transformMdx(tree, { ...context, depth: (context.depth ?? 0) + 1 });
        return tree;
      },
    });
    // The page's own notation step looks for notations in the page's text, which an included file's are not.
    if (context.syntax.has('shiki-notations')) stripShikiNotations({ type: 'root', children: included });
    return included;
  }
  // `<TOCInline toc={toc} />` names the page's own headings, which the table of contents lists.
  const ignored = expressionAttributes(element).filter(
    (name) =>
      !(element.name === 'TOCInline' && name === 'toc' && /^\s*toc\s*$/.test(expressionOf(element, name))) &&
      !(element.name === 'Tabs' && name === 'items' && tabItems(element) !== undefined),
  );
  const data = /^[a-z]/.test(element.name)
    ? new Map<string, RootContent[]>()
    : dataAttributeContent(element, ignored, context.constants ?? new Map(), inlineParser(context, line));
  const dropped = ignored.filter((name) => !data.has(name));
  if (dropped.length > 0) {
    warn(
      context,
      line,
      'markdown/expression-not-evaluated',
      `The attributes ${dropped.join(', ')} of <${element.name}> are expressions, which are never evaluated: they are left out.`,
      'Write the value as a quoted string.',
    );
  }
  if (data.size > 0) {
    warn(
      context,
      line,
      'markdown/expression-data',
      `The attributes ${[...data.keys()].join(', ')} of <${element.name}> hold data: their text is published as a list or table, not in the component's own layout.`,
      'Check the article reads well; or write the text in Markdown.',
    );
    children = [...[...data.values()].flat(), ...children];
  }
  if (/^[a-z]/.test(element.name)) return htmlElement(element, children, line, context.findings);
  const alias = HTML_ALIASES[element.name];
  if (alias) return htmlElement({ ...element, name: alias }, children, line, context.findings);
  const mapped = mapComponent(element, children, inlineParser(context, line));
  if (mapped) return mapped;
  const texts = textAttributes(element);
  warn(
    context,
    line,
    'markdown/unknown-component',
    `The component <${element.name}> is not known to pylon-kb: ${texts.length > 0 ? `only its content and its text attributes (${texts.map(([name]) => name).join(', ')}) are` : 'only its content is'} published.`,
    `Replace it with Markdown, or with one of ${KNOWN_COMPONENTS.slice(0, 8).join(', ')} …`,
  );
  return [...attributeText(texts, element.type === 'mdxJsxTextElement'), ...children];
}

/** The attributes of an unknown component that carry text readers see (a card's title and description). */
const TEXT_ATTRIBUTES = ['title', 'label', 'caption', 'description', 'date'];

function textAttributes(element: JsxElement): [string, string][] {
  return TEXT_ATTRIBUTES.flatMap((name): [string, string][] => {
    const value = textAttribute(element, name)?.trim();
    return value ? [[name, value]] : [];
  });
}

/** A title or label in bold, then the other texts; inline, as phrasing in the component's place. */
function attributeText(texts: [string, string][], inline: boolean): RootContent[] {
  const nodes = texts.map(
    ([name, value]): PhrasingContent =>
      name === 'title' || name === 'label'
        ? { type: 'strong', children: [{ type: 'text', value }] }
        : { type: 'text', value },
  );
  if (inline)
    return nodes.flatMap((node, i) =>
      i === 0 ? [node] : [{ type: 'text', value: ' ' }, node],
    ) as RootContent[];
  return nodes.map((node) => ({ type: 'paragraph', children: [node] }));
}

const FLOW = new Set([
  'blockquote',
  'list',
  'code',
  'paragraph',
  'heading',
  'table',
  'thematicBreak',
  'html',
]);

/** A component written inline (`<Note>text</Note>` alone on a line) that became a block leaves its paragraph. */
function hoistBlocks(paragraph: RootContent & Parent): RootContent[] {
  if (!paragraph.children.some((child) => FLOW.has(child.type))) return [paragraph];
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'text' || node.value.trim() !== ''))
      out.push({ type: 'paragraph', children: run });
    run = [];
  };
  for (const child of paragraph.children as RootContent[]) {
    if (FLOW.has(child.type)) {
      flush();
      out.push(child);
    } else run.push(child as PhrasingContent);
  }
  flush();
  return out;
}

function expression(value: string, inline: boolean, line: number, context: MdxContext): RootContent[] {
  const trimmed = value.trim();
  if (trimmed === '' || /^\/\*[\s\S]*\*\/$/.test(trimmed) || /^\/\/[^\n]*$/.test(trimmed)) return [];
  const literal = /^(["'`])([^"'`$\\]*)\1$/.exec(trimmed);
  if (literal) {
    const text: PhrasingContent = { type: 'text', value: literal[2]! };
    return inline ? [text] : [{ type: 'paragraph', children: [text] }];
  }
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed;
  warn(
    context,
    line,
    'markdown/expression-not-evaluated',
    `The expression {${shown}} is never evaluated: it is left out.`,
    'Write the text itself; pylon-kb does not run code from documents.',
  );
  return [];
}

function inlinePartial(
  name: string,
  path: string,
  line: number,
  partials: Map<string, string>,
  context: MdxContext,
): RootContent[] {
  const depth = context.depth ?? 0;
  const candidates = includeCandidates('mdx', path, context.file);
  const found = candidates
    ?.map((candidate) => context.includes.get(candidate))
    .find((file) => file && 'text' in file);
  if (candidates === null) {
    context.findings.push({
      line,
      code: 'markdown/include-outside',
      severity: 'error',
      message: `The partial <${name}> ("${path}") leaves the docs tree: it is not included.`,
      hint: 'Move the partial into the content directory.',
    });
    return [];
  }
  if (!found || !('text' in found) || depth >= 8) {
    warn(
      context,
      line,
      'markdown/include-missing',
      `The partial <${name}> ("${path}") was not found: it is left out.`,
      'Fix the import path; it is relative to the importing file.',
    );
    return [];
  }
  const tree = context.parsePartial(
    found.text.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, ''),
    line,
    true,
  );
  const inner: MdxContext = { ...context, depth: depth + 1 };
  transformMdx(tree, inner);
  void partials;
  return tree.children;
}

/**
 * An attribute whose value is JSX (`title={<>The <code>.story</code> suffix</>}`) holds text the component
 * shows: it becomes that text, so the component's title or label is kept like a written one.
 */
function useMarkupAttributes(element: JsxElement, inline: InlineParser): void {
  for (const attr of element.attributes) {
    if (typeof attr.value !== 'object' || attr.value === null) continue;
    const estree = attr.value.data?.estree as { body?: { expression?: { type?: string } }[] } | undefined;
    const type = estree?.body?.[0]?.expression?.type;
    if (type !== 'JSXElement' && type !== 'JSXFragment') continue;
    const text = mdastToString({ type: 'paragraph', children: inline(attr.value.value.trim()) })
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '' && !text.includes('<')) attr.value = text;
  }
}

/** `src={shot}` / `src={shot.src}` naming an imported file becomes `src="../assets/shot.png"`. */
function useAssetImports(element: JsxElement, assets: ReadonlyMap<string, string>): void {
  for (const attr of element.attributes) {
    if (typeof attr.value !== 'object' || attr.value === null) continue;
    const name = /^\s*([A-Za-z_$][\w$]*)(?:\.src)?\s*$/.exec(attr.value.value)?.[1];
    const path = name === undefined ? undefined : assets.get(name);
    if (path !== undefined) attr.value = path;
  }
}

/**
 * Markdown written in a string of data, as inline content: parsed and mapped as the page is (`<strong>` in a
 * description is bold); text that is not valid MDX stays plain text. Paragraphs are joined by line breaks.
 */
function inlineParser(context: MdxContext, line: number): InlineParser {
  return (text) => {
    try {
      const tree = context.parsePartial(text, line);
      transformMdx(tree, { ...context, depth: (context.depth ?? 0) + 1 });
      const paragraphs = tree.children.filter((node) => node.type === 'paragraph');
      if (paragraphs.length === 0 || paragraphs.length !== tree.children.length)
        throw new Error('not inline');
      return paragraphs.flatMap((p, i) =>
        i === 0 ? p.children : [{ type: 'break' } as PhrasingContent, ...p.children],
      );
    } catch {
      return [{ type: 'text', value: text }];
    }
  };
}

function warn(context: MdxContext, line: number, code: string, message: string, hint: string): void {
  context.findings.push({ line, code, message, hint });
}

function expressionOf(element: JsxElement, name: string): string {
  const value = element.attributes.find((attr) => attr.name === name)?.value;
  return typeof value === 'object' && value !== null ? value.value : '';
}
