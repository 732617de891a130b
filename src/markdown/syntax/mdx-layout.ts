import type { PhrasingContent, RootContent } from 'mdast';
import type { JsxElement } from './jsx.js';
import { textAttribute } from './jsx.js';
import { block, type InlineParser, titleParagraph } from './mdx-blocks.js';

/** The layout components of Mintlify-style docs (cards, steps, frames, tooltips) as blocks Pylon keeps. */
export function card(element: JsxElement, children: RootContent[], inline?: InlineParser): RootContent {
  const title = textAttribute(element, 'title');
  const href = textAttribute(element, 'href');
  // Starlight writes a card's title as HTML (`set:html`): `title="<a href='./apps/'>Apps</a>"` is a link.
  const heading: PhrasingContent[] = !title
    ? []
    : inline && /<[a-z][^>]*>/i.test(title)
      ? inline(title)
      : [{ type: 'text', value: title }];
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
  const description = textAttribute(element, 'description');
  const about: RootContent[] = description
    ? [{ type: 'paragraph', children: [{ type: 'text', value: description }] }]
    : [];
  return block('div', ['card'], [...top, ...about, ...children, ...more]);
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
