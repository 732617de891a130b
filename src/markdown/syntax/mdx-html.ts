import type { PhrasingContent, RootContent } from 'mdast';
import { attribute, isJsx, type JsxElement, textAttribute } from './jsx.js';
import { block } from './mdx-blocks.js';
import type { SyntaxFinding } from './scan-context.js';

const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  iframe: ['src', 'title', 'width', 'height', 'allowFullScreen'],
  details: ['open'],
  td: ['align'],
  th: ['align'],
  ol: ['start'],
};

/** HTML elements that live inside a paragraph; any other (`<summary>`, `<div>`) is a block of its own. */
const PHRASING_TAGS = new Set([
  'abbr',
  'b',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/**
 * An HTML element written in MDX: `<img>` and `<a>` become Markdown images and links (so local files and
 * pages are resolved), `<video>`/`<audio>` a link with a warning; others stay elements with a few attributes.
 */
export function htmlElement(
  element: JsxElement,
  children: RootContent[],
  line: number,
  findings: SyntaxFinding[],
): RootContent[] {
  const name = element.name!;
  const position = element.position ? { position: element.position } : {};
  if (name === 'img') {
    const src = textAttribute(element, 'src');
    if (!src) return [];
    const title = textAttribute(element, 'title');
    const image: PhrasingContent = {
      type: 'image',
      url: src,
      alt: textAttribute(element, 'alt') ?? '',
      ...(title && { title }),
      ...position,
    };
    return element.type === 'mdxJsxFlowElement'
      ? [{ type: 'paragraph', children: [image] }]
      : [image as RootContent];
  }
  if (name === 'a') {
    const href = textAttribute(element, 'href');
    if (!href) return children;
    return [{ type: 'link', url: href, children: children as PhrasingContent[], ...position } as RootContent];
  }
  if (name === 'video' || name === 'audio') {
    const source = textAttribute(element, 'src') ?? sourceOf(element);
    findings.push({
      line,
      code: 'markdown/media-as-link',
      message: `Pylon articles cannot play <${name}>: it is published as a link to the file.`,
      hint: 'Link to the file, or embed it from a video host with an https iframe.',
    });
    if (!source) return [];
    const link: PhrasingContent = {
      type: 'link',
      url: source,
      children: [
        { type: 'text', value: textAttribute(element, 'title') ?? (name === 'video' ? 'Video' : 'Audio') },
      ],
      ...position,
    };
    return [{ type: 'paragraph', children: [link] }];
  }
  if (name === 'br') return [{ type: 'break' } as RootContent];
  // An `<object>`'s children are its fallback (an `<img>` of the same file), which Pylon can show.
  if (name === 'object' || name === 'picture') return children;
  const properties: Record<string, string | boolean> = {};
  const className = textAttribute(element, 'className', 'class');
  if (className) properties.className = className;
  for (const key of KEPT_ATTRIBUTES[name] ?? []) {
    const value = attribute(element, key);
    if (value !== undefined) properties[key] = value;
  }
  if (element.type === 'mdxJsxTextElement' && PHRASING_TAGS.has(name)) {
    // Written inside a paragraph (`<code>x</code>`, `<kbd>`): stays inline, in its paragraph.
    const inline = { type: 'emphasis', children: children as PhrasingContent[] } as PhrasingContent;
    inline.data = { hName: name, hProperties: properties };
    return [inline as RootContent];
  }
  const node = block(name, [], children);
  node.data = { hName: name, hProperties: properties };
  return [node];
}

function sourceOf(element: JsxElement): string | undefined {
  for (const child of element.children)
    if (isJsx(child) && child.name === 'source') return textAttribute(child as JsxElement, 'src');
  return undefined;
}
