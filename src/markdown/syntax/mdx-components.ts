import type { Code, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { attribute, type JsxElement, textAttribute } from './jsx.js';
import { calloutKind, defaultTitle } from './kinds.js';
import { apiField } from './mdx-api-fields.js';
import { block, type InlineParser, titleParagraph } from './mdx-blocks.js';
import { DOCS_MAPPERS, labelTabs, markUnlabelled, tabItems } from './mdx-docs-components.js';
import { caption, card, hint, tipText, withTitle } from './mdx-layout.js';
import { tocPlaceholder } from './toc.js';

/**
 * The components docs sites use (Docusaurus, Mintlify, Nextra, Starlight), mapped to what Pylon keeps.
 * Each takes the element (its children already mapped) and returns the nodes that replace it, or null
 * when the name is not one of them.
 */
type Mapper = (element: JsxElement, children: RootContent[], inline: InlineParser) => RootContent[];

const CALLOUT_COMPONENTS = [
  'Note',
  'Tip',
  'Info',
  'Warning',
  'Check',
  'Danger',
  'Caution',
  'Important',
  'Success',
  'Error',
  'Callout',
  'Aside',
];

const MAPPERS: Readonly<Record<string, Mapper>> = {
  ...DOCS_MAPPERS,
  Admonition: (el, children) =>
    callout(textAttribute(el, 'type') ?? 'note', textAttribute(el, 'title'), children),
  ...Object.fromEntries(
    CALLOUT_COMPONENTS.map((name) => [
      name,
      (el: JsxElement, children: RootContent[]) =>
        callout(
          textAttribute(el, 'type') ?? (name === 'Callout' || name === 'Aside' ? 'note' : name),
          textAttribute(el, 'title'),
          children,
        ),
    ]),
  ),
  Tabs: (el, children) => {
    labelTabs(children, tabItems(el));
    return [tabGroup(children)];
  },
  CodeGroup: (_el, children) => [tabGroup(children.flatMap(codeTab))],
  TabItem: (el, children) => [
    tab(textAttribute(el, 'label', 'value') ?? 'Tab', children, attribute(el, 'default') === true),
  ],
  Tab: (el, children) => [labelledTab(el, children)],
  'Tabs.Tab': (el, children) => [labelledTab(el, children)],
  Details: (el, children) => [
    details(textAttribute(el, 'summary', 'title'), children, attribute(el, 'open') === true),
  ],
  Accordion: (el, children) => [
    details(textAttribute(el, 'title'), children, attribute(el, 'defaultOpen') === true),
  ],
  Expandable: (el, children) => [
    details(textAttribute(el, 'title') ?? 'Details', children, attribute(el, 'defaultOpen') === true),
  ],
  AccordionGroup: (_el, children) => [block('div', ['accordion-group'], children)],
  Card: (el, children, inline) => [card(el, children, inline)],
  'Cards.Card': (el, children, inline) => [card(el, children, inline)],
  CardGroup: (_el, children) => [block('div', ['card-group'], children)],
  Columns: (_el, children) => [block('div', ['card-group'], children)],
  Step: (el, children) => [block('div', ['step'], withTitle(textAttribute(el, 'title'), children))],
  Frame: (el, children, inline) => [
    block(
      'div',
      ['frame'],
      [
        ...hint(textAttribute(el, 'hint'), inline),
        ...children,
        ...caption(textAttribute(el, 'caption'), inline),
      ],
    ),
  ],
  ParamField: (el, children) => [apiField(el, children)],
  ResponseField: (el, children) => [apiField(el, children)],
  RequestExample: (_el, children) => [tabGroup(children.flatMap(codeTab))],
  ResponseExample: (_el, children) => [tabGroup(children.flatMap(codeTab))],
  Tooltip: (el, children) => [...children, ...tipText(textAttribute(el, 'tip', 'content', 'title'))],
  CodeBlock: (el, children) => codeBlock(el, children),
  TOCInline: (el) => [
    tocPlaceholder({
      min: Number(textAttribute(el, 'minHeadingLevel') ?? 2),
      max: Number(textAttribute(el, 'maxHeadingLevel') ?? 3),
    }),
  ],
  Badge: (el, children) =>
    children.length > 0 ? children : [{ type: 'text', value: textAttribute(el, 'text', 'children') ?? '' }],
};

/** A tab labelled by its own attribute, or marked for its group's `items` to label. */
function labelledTab(el: JsxElement, children: RootContent[]): RootContent {
  const label = textAttribute(el, 'title', 'label', 'value');
  const node = tab(label ?? 'Tab', children, attribute(el, 'default') === true);
  return label === undefined ? markUnlabelled(node) : node;
}

export function mapComponent(
  element: JsxElement,
  children: RootContent[],
  inline: InlineParser,
): RootContent[] | null {
  const mapper = element.name ? MAPPERS[element.name] : undefined;
  return mapper ? mapper(element, children, inline) : null;
}

export const KNOWN_COMPONENTS: readonly string[] = Object.keys(MAPPERS);

function callout(type: string, title: string | undefined, children: RootContent[]): RootContent[] {
  const kind = calloutKind(type, true) ?? 'note';
  const shown = title ?? defaultTitle(type, kind);
  const body = shown ? [titleParagraph(shown, 'p', ['callout-title'], true), ...children] : children;
  return [block('blockquote', ['callout', `callout-${kind}`], body)];
}

function tabGroup(children: RootContent[]): RootContent {
  let first = true;
  for (const child of children) {
    const className = child.data?.hProperties?.className;
    if (first && child.data?.hName === 'details' && Array.isArray(className) && className.includes('tab')) {
      child.data.hProperties = { ...child.data.hProperties, open: true };
      first = false;
    }
  }
  return block('div', ['tabs'], children);
}

function tab(label: string, children: RootContent[], open: boolean): RootContent {
  const node = block('details', ['tab'], [titleParagraph(label, 'summary', [], false), ...children]);
  if (open && node.data) node.data.hProperties = { ...node.data.hProperties, open: true };
  return node;
}

/** Mintlify's code group: each code block is a tab named by its meta (`npm install` → `npm`). */
function codeTab(node: RootContent): RootContent[] {
  if (node.type !== 'code') return node.type === 'text' && node.value.trim() === '' ? [] : [node];
  const label = /\[([^\]]+)\]/.exec(node.meta ?? '')?.[1] ?? node.meta?.trim() ?? node.lang ?? 'Code';
  const code: Code = { ...node, meta: null };
  return [tab(label || 'Code', [code], false)];
}

function details(summary: string | undefined, children: RootContent[], open: boolean): RootContent {
  const [first, ...rest] = children;
  const hasSummary = first?.data?.hName === 'summary';
  const body = hasSummary
    ? children
    : [titleParagraph(summary ?? 'Details', 'summary', [], false), ...(first ? [first] : []), ...rest];
  const node = block('details', [], body);
  if (open && node.data) node.data.hProperties = { ...node.data.hProperties, open: true };
  return node;
}

/** Docusaurus's `<CodeBlock language title>{`…`}</CodeBlock>`: a code block (an expression child was dropped, with a warning). */
function codeBlock(element: JsxElement, children: RootContent[]): RootContent[] {
  const value = children
    .map((child) => mdastToString(child))
    .join('\n')
    .replace(/^\n+|\s+$/g, '');
  if (value === '') return [];
  const lang =
    textAttribute(element, 'language') ?? textAttribute(element, 'className')?.replace(/^language-/, '');
  const title = textAttribute(element, 'title');
  return [{ type: 'code', lang: lang ?? null, meta: title ? `title="${title}"` : null, value }];
}
