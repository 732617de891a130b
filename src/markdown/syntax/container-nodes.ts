import type { Blockquote, Code, Paragraph, Parent, Root, RootContent } from 'mdast';
import { CALLOUT_KINDS } from '../callouts.js';
import { type ContainerSpec, type Format, readMarker } from './markers.js';

/**
 * mdast step after parsing: the nodes between two container markers (see markers.ts) become the
 * element Pylon keeps. A callout is the GitHub-alert blockquote (`callout callout-tip`) with its title as
 * a first `callout-title` paragraph; a collapsible is `<details>` with a `<summary>`; a tab group is a
 * `div.tabs` of `<details class="tab">`, the first one open, each summarised by its label.
 */
export function buildContainers(tree: Root, format: Format): void {
  transform(tree, format);
}

type Frame = { spec: ContainerSpec; children: RootContent[] };

function transform(parent: Parent, format: Format): void {
  parent.children = build(parent.children as RootContent[], format) as Parent['children'];
  for (const child of parent.children) if ('children' in child) transform(child as Parent, format);
}

function build(children: readonly RootContent[], format: Format): RootContent[] {
  const out: RootContent[] = [];
  const stack: Frame[] = [];
  const add = (nodes: RootContent[]) => (stack[stack.length - 1]?.children ?? out).push(...nodes);
  for (const child of children) {
    const marker = markerOf(child, format);
    if (!marker) add([child]);
    else if (marker.type === 'open') stack.push({ spec: marker.spec, children: [] });
    else {
      const frame = stack.pop();
      if (frame) add(nodesOf(frame));
    }
  }
  while (stack.length > 0) add(nodesOf(stack.pop()!));
  return out;
}

function markerOf(node: RootContent, format: Format) {
  if (node.type === 'html') return readMarker(node.value, 'md');
  if (format === 'mdx' && node.type === 'mdxFlowExpression')
    return readMarker(`/*${node.value.trim().replace(/^\/\*|\*\/$/g, '')}*/`, 'mdx');
  return null;
}

function nodesOf({ spec, children }: Frame): RootContent[] {
  switch (spec.kind) {
    case 'callout': {
      const kind = CALLOUT_KINDS.includes(spec.callout) ? spec.callout : 'note';
      const body = spec.title ? withTitle(children, 'p', ['callout-title'], true) : children;
      return [element('blockquote', ['callout', `callout-${kind}`], body)];
    }
    case 'details': {
      const classes =
        spec.callout && CALLOUT_KINDS.includes(spec.callout) ? ['callout', `callout-${spec.callout}`] : [];
      return [details(classes, spec.open, spec.title ? children : [summaryless(children)].flat())];
    }
    case 'tabs': {
      const tabs = spec.codeGroup ? children.flatMap(codeTab) : children;
      let first = true;
      for (const tab of tabs) {
        if (first && isTab(tab)) {
          tab.data = { ...tab.data, hProperties: { ...tab.data?.hProperties, open: true } };
          first = false;
        }
      }
      return [element('div', ['tabs'], tabs)];
    }
    case 'tab':
      return [details(['tab'], false, spec.title ? children : summaryless(children))];
    case 'captioned':
      return [
        element('div', ['captioned'], spec.title ? withTitle(children, 'p', ['caption'], true) : children),
      ];
    default:
      return children;
  }
}

/** A `details` element whose first paragraph is its summary. */
function details(classes: string[], open: boolean, children: RootContent[]): Blockquote {
  const node = element('details', classes, withTitle(children, 'summary', [], false));
  if (open) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, open: true } };
  return node;
}

function summaryless(children: RootContent[]): RootContent[] {
  return [{ type: 'paragraph', children: [{ type: 'text', value: 'Details' }] }, ...children];
}

/** The first paragraph (the title the scanner wrote) as `tagName`, bold when `strong`. */
function withTitle(
  children: RootContent[],
  tagName: string,
  classes: string[],
  strong: boolean,
): RootContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'paragraph') return children;
  const title: Paragraph = {
    type: 'paragraph',
    children:
      strong && !isAlreadyStrong(first) ? [{ type: 'strong', children: first.children }] : first.children,
    data: { hName: tagName, hProperties: classes.length > 0 ? { className: classes } : {} },
    ...(first.position && { position: first.position }),
  };
  return [title, ...rest];
}

/** A VitePress code group's block: `js [config.js]` is a tab labelled `config.js`. */
function codeTab(node: RootContent): RootContent[] {
  if (node.type !== 'code') return [node];
  const label = /\[([^\]]+)\]/.exec(node.meta ?? '')?.[1] ?? node.lang ?? 'Code';
  const code: Code = { ...node, meta: (node.meta ?? '').replace(/\[[^\]]*\]/, '').trim() || null };
  const summary: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: label }] };
  return [details(['tab'], false, [summary, code])];
}

function isTab(node: RootContent): node is Blockquote {
  const className = node.data?.hProperties?.className;
  return node.data?.hName === 'details' && Array.isArray(className) && className.includes('tab');
}

/** A block of `tagName` built from a blockquote node (the mdast node remark-rehype maps by `hName`). */
function element(tagName: string, classes: string[], children: RootContent[]): Blockquote {
  return {
    type: 'blockquote',
    children: children as Blockquote['children'],
    data: { hName: tagName, hProperties: classes.length > 0 ? { className: classes } : {} },
  };
}

function isAlreadyStrong(paragraph: Paragraph): boolean {
  return paragraph.children.length === 1 && paragraph.children[0]?.type === 'strong';
}
