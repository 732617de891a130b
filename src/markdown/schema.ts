import type { Schema } from 'hast-util-sanitize';

/**
 * The HTML pylon-kb emits: what Pylon's sanitizer is observed to keep (reference §6), plus the few
 * elements GFM needs (`sup`/`sub` for footnotes, `input` for task lists). Everything else is unwrapped
 * (its text kept) or, for the `strip` list, removed with its content.
 */
const GLOBAL_ATTRIBUTES = ['className', 'data*'];
/** Raw-HTML anchors authors place for links (`<a name="x">`, `<span id="x">`): kept, so the links land. */
const ANCHOR_ID = /^[A-Za-z][\w.:-]*$/;

export const PYLON_SCHEMA: Schema = {
  tagNames: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'sup',
    'sub',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'input',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'details',
    'summary',
    'div',
    'span',
    'a',
    'img',
    'iframe',
  ],
  attributes: {
    '*': GLOBAL_ATTRIBUTES,
    a: ['href', 'title', ['id', /^fnref-[\w-]+$/, ANCHOR_ID], ['name', ANCHOR_ID]],
    span: [['id', ANCHOR_ID]],
    li: [['id', /^fn-[\w-]+$/]],
    img: ['src', 'alt', 'title'],
    iframe: ['src', 'width', 'height', 'title', 'allowFullScreen', 'frameBorder'],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
    ol: ['start'],
    th: [['align', 'left', 'center', 'right']],
    td: [['align', 'left', 'center', 'right']],
    details: ['open'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  ancestors: {
    tbody: ['table'],
    thead: ['table'],
    tr: ['table'],
    th: ['table'],
    td: ['table'],
    li: ['ul', 'ol'],
    summary: ['details'],
  },
  // Removed together with their content: unwrapping them would publish code or markup as text.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'textarea',
    'title',
    'xmp',
    'plaintext',
    'noembed',
    'noframes',
    'object',
    'embed',
    'svg',
    'math',
    'select',
    'head',
  ],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** Only iframes from https sources are kept; the rest are removed before sanitising. */
export function isAllowedIframeSrc(src: unknown): boolean {
  return typeof src === 'string' && src.startsWith('https://');
}

/** The URL protocols a link may use; relative URLs and `#fragments` are always allowed. */
export const LINK_PROTOCOLS: readonly string[] = PYLON_SCHEMA.protocols?.href ?? [];
export const IMAGE_PROTOCOLS: readonly string[] = PYLON_SCHEMA.protocols?.src ?? [];

/**
 * Whether the sanitizer keeps this URL: relative URLs and fragments always, absolute URLs only with an
 * allowed protocol. Mirrors hast-util-sanitize's check so diagnostics match what is removed.
 */
export function isAllowedUrl(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  for (const stop of ['/', '?', '#']) {
    const at = url.indexOf(stop);
    if (at > -1 && colon > at) return true;
  }
  return protocols.some((protocol) => colon === protocol.length && url.startsWith(protocol));
}

export function isKeptTag(tagName: string): boolean {
  return PYLON_SCHEMA.tagNames?.includes(tagName) === true || tagName === 'section';
}

export function isStrippedTag(tagName: string): boolean {
  return PYLON_SCHEMA.strip?.includes(tagName) === true;
}
