import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { stringArray } from './estree-literal.js';
import { dataAttribute, type JsxElement, textAttribute } from './jsx.js';
import { block } from './mdx-blocks.js';

/**
 * The layout components of the Astro, Next.js and React docs themes (Starlight's `@astrojs/starlight/components`,
 * Nextra's and Fumadocs' built-ins) that the general mappers of mdx-components.ts do not cover: card grids,
 * link cards and buttons, file trees, steps written as one list or as headings, tabs labelled by `items`.
 */
type Mapper = (element: JsxElement, children: RootContent[]) => RootContent[];

/** Marks a tab whose label came from no attribute: its `<Tabs items>` names it. */
const UNLABELLED = 'pylonKbUnlabelledTab';

export const DOCS_MAPPERS: Readonly<Record<string, Mapper>> = {
  CardGrid: (_el, children) => [block('div', ['card-group'], children)],
  Cards: (_el, children) => [block('div', ['card-group'], children)],
  LinkCard: (el, children) => [linkCard(el, children)],
  LinkButton: (el, children) => linkButton(el, children),
  Steps: (_el, children) => [steps(children)],
  FileTree: (_el, children) => [fileTree(children)],
  Files: (_el, children) => [fileTree(children)],
  'FileTree.Folder': (el, children) => [folder(el, children)],
  Folder: (el, children) => [folder(el, children)],
  'FileTree.File': (el) => [fileEntry(el)],
  File: (el) => [fileEntry(el)],
  Accordions: (_el, children) => [block('div', ['accordion-group'], children)],
  Icon: (el) => {
    const label = textAttribute(el, 'label');
    return label ? [{ type: 'text', value: label }] : [];
  },
  Code: (el) => {
    const value = textAttribute(el, 'code');
    if (value === undefined) return [];
    const title = textAttribute(el, 'title');
    return [
      {
        type: 'code',
        lang: textAttribute(el, 'lang') ?? null,
        meta: title ? `title="${title}"` : null,
        value,
      },
    ];
  },
};

/** The names (lower-case `items`) a `<Tabs items={['npm', 'pnpm']}>` gives its tabs. */
export function tabItems(element: JsxElement): string[] | undefined {
  return stringArray(dataAttribute(element, 'items'));
}

/** A tab (`details.tab` with its summary first) given no label of its own is marked, for `labelTabs`. */
export function markUnlabelled(node: RootContent): RootContent {
  node.data = { ...node.data, [UNLABELLED]: true } as unknown as typeof node.data;
  return node;
}

/** Names the unlabelled tabs of a group from its `items`, by position. */
export function labelTabs(children: RootContent[], items: readonly string[] | undefined): void {
  let index = -1;
  for (const child of children) {
    if (!isTab(child)) continue;
    index++;
    const data = child.data as Record<string, unknown> | undefined;
    if (!data?.[UNLABELLED]) continue;
    delete data[UNLABELLED];
    const label = items?.[index];
    const summary = (child as { children: RootContent[] }).children[0];
    if (label !== undefined && summary?.type === 'paragraph')
      summary.children = [{ type: 'text', value: label }];
  }
}

function isTab(node: RootContent): boolean {
  const className = node.data?.hProperties?.className;
  return node.data?.hName === 'details' && Array.isArray(className) && className.includes('tab');
}

function linkCard(element: JsxElement, children: RootContent[]): RootContent {
  const title = textAttribute(element, 'title');
  const href = textAttribute(element, 'href');
  const description = textAttribute(element, 'description');
  const label: PhrasingContent[] = [{ type: 'text', value: title ?? href ?? '' }];
  const top: Paragraph = {
    type: 'paragraph',
    children: [
      {
        type: 'strong',
        children: href
          ? [
              {
                type: 'link',
                url: href,
                children: label,
                ...(element.position && { position: element.position }),
              },
            ]
          : label,
      },
    ],
  };
  const more: RootContent[] = description
    ? [{ type: 'paragraph', children: [{ type: 'text', value: description }] }]
    : [];
  return block('div', ['card'], [top, ...more, ...children]);
}

/** A call-to-action link: its text (the children, or the href when it has none) linked to its href. */
function linkButton(element: JsxElement, children: RootContent[]): RootContent[] {
  const href = textAttribute(element, 'href');
  const text = phrasingOf(children);
  const label = text.length > 0 ? text : [{ type: 'text' as const, value: href ?? '' }];
  if (!href) return children;
  const link: PhrasingContent = {
    type: 'link',
    url: href,
    children: label,
    ...(element.position && { position: element.position }),
  };
  return element.type === 'mdxJsxFlowElement'
    ? [{ type: 'paragraph', children: [link] }]
    : [link as RootContent];
}

/**
 * Steps: one ordered list written inside (`<Steps>` of Starlight) is the steps list itself; headings
 * written inside (Nextra's `### Step` form) each start a step; otherwise each child (a `<Step>`) is one.
 */
export function steps(children: RootContent[]): RootContent {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  if (content.length === 1 && only?.type === 'list' && only.ordered) {
    only.data = { ...only.data, hProperties: { ...only.data?.hProperties, className: ['steps'] } };
    return only;
  }
  const depth = content.find((child): child is Heading => child.type === 'heading')?.depth;
  const groups: RootContent[][] = [];
  for (const child of content) {
    const startsStep = depth !== undefined ? child.type === 'heading' && child.depth === depth : true;
    if (startsStep || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(
      ...(isStep(child) ? (child as { children: RootContent[] }).children : [child]),
    );
  }
  return {
    type: 'list',
    ordered: true,
    start: 1,
    spread: true,
    children: groups.map((group) => ({ type: 'listItem', spread: true, children: group as never[] })),
    data: { hProperties: { className: ['steps'] } },
  };
}

function isStep(node: RootContent): boolean {
  const className = node.data?.hProperties?.className;
  return Array.isArray(className) && className.includes('step');
}

/** A file tree: the list written inside (Starlight), or the `<Folder>`/`<File>` entries, as a nested list. */
function fileTree(children: RootContent[]): RootContent {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  const list: List =
    content.length === 1 && only?.type === 'list'
      ? only
      : { type: 'list', ordered: false, spread: false, children: content.flatMap(asListItems) };
  list.data = { ...list.data, hProperties: { ...list.data?.hProperties, className: ['file-tree'] } };
  return list;
}

function folder(element: JsxElement, children: RootContent[]): ListItem {
  const entries = children.flatMap(asListItems);
  return {
    type: 'listItem',
    spread: false,
    children: [
      nameParagraph(element, true),
      ...(entries.length > 0
        ? [{ type: 'list' as const, ordered: false, spread: false, children: entries }]
        : []),
    ],
  };
}

function fileEntry(element: JsxElement): ListItem {
  return { type: 'listItem', spread: false, children: [nameParagraph(element, false)] };
}

function nameParagraph(element: JsxElement, isFolder: boolean): Paragraph {
  const name = textAttribute(element, 'name', 'title') ?? '';
  return { type: 'paragraph', children: [{ type: 'inlineCode', value: isFolder ? `${name}/` : name }] };
}

const PHRASING = new Set(['text', 'inlineCode', 'strong', 'emphasis', 'link', 'delete', 'image', 'break']);

function asListItems(node: RootContent): ListItem[] {
  if (node.type === 'listItem') return [node];
  if (node.type === 'list') return node.children;
  if (node.type === 'text' && node.value.trim() === '') return [];
  const content = PHRASING.has(node.type)
    ? ({ type: 'paragraph', children: [node as PhrasingContent] } as Paragraph)
    : node;
  return [{ type: 'listItem', spread: false, children: [content as never] }];
}

function phrasingOf(children: RootContent[]): PhrasingContent[] {
  return children.flatMap((child) =>
    child.type === 'paragraph'
      ? child.children
      : child.type === 'text' && child.value.trim() === ''
        ? []
        : [child as PhrasingContent],
  );
}
