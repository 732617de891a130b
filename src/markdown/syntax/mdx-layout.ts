import type { PhrasingContent, RootContent } from 'mdast';
import type { JsxElement } from './jsx.js';
import { textAttribute } from './jsx.js';
import { block, type InlineParser, titleParagraph } from './mdx-blocks.js';

/** The layout components of Mintlify-style docs (cards, steps, frames, tooltips) as blocks Pylon keeps. */
export function card(element: JsxElement, children: RootContent[]): RootContent {
  const title = textAttribute(element, 'title');
  const href = textAttribute(element, 'href');
  const heading: PhrasingContent[] = title ? [{ type: 'text', value: title }] : [];
  const linked: PhrasingContent[] =
    href && heading.length > 0
      ? [
          {
            type: 'link',
            url: href,
            children: heading,
            ...(element.position && { position: element.position }),
          },
        ]
      : heading;
  const top: RootContent[] =
    linked.length > 0 ? [{ type: 'paragraph', children: [{ type: 'strong', children: linked }] }] : [];
  const more: RootContent[] =
    href && heading.length === 0
      ? [
          {
            type: 'paragraph',
            children: [{ type: 'link', url: href, children: [{ type: 'text', value: href }] }],
          },
        ]
      : [];
  return block('div', ['card'], [...top, ...children, ...more]);
}

export function steps(children: RootContent[]): RootContent {
  const items = children
    .filter((child) => !(child.type === 'text' && child.value.trim() === ''))
    .map((child) => ({
      type: 'listItem' as const,
      spread: true,
      children: (isStep(child) ? (child as { children: RootContent[] }).children : [child]) as never[],
    }));
  return {
    type: 'list',
    ordered: true,
    start: 1,
    spread: true,
    children: items,
    data: { hProperties: { className: ['steps'] } },
  };
}

function isStep(node: RootContent): boolean {
  const className = node.data?.hProperties?.className;
  return Array.isArray(className) && className.includes('step');
}

export function withTitle(title: string | undefined, children: RootContent[]): RootContent[] {
  return title ? [titleParagraph(title, 'p', [], true), ...children] : children;
}

export function caption(text: string | undefined, inline: InlineParser): RootContent[] {
  return text
    ? [
        {
          type: 'paragraph',
          children: [{ type: 'emphasis', children: inline(text) }],
          data: { hProperties: { className: ['caption'] } },
        },
      ]
    : [];
}

/** A Frame's `hint`: text shown before the framed content. */
export function hint(text: string | undefined, inline: InlineParser): RootContent[] {
  return text ? [{ type: 'paragraph', children: inline(text) }] : [];
}

export function tipText(tip: string | undefined): RootContent[] {
  return tip ? [{ type: 'text', value: ` (${tip})` }] : [];
}
