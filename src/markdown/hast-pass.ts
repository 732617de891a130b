import type { Element, Root, RootContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import { applyCustomId } from './custom-ids.js';
import { type HeadingIdRule, HeadingSlugger } from './heading-slugs.js';
import type { Heading } from './headings.js';
import { createReferenceTaker, type LocalReference, type ReferenceSources } from './references.js';
import type { SyntaxFinding } from './syntax/index.js';

const HEADING = /^h[1-6]$/;
/** Elements whose content an HTML parser reads as raw text: the text digest then needs the HTML parsed. */
const RAW_TEXT_ELEMENTS = new Set(['iframe', 'textarea', 'title', 'style', 'script', 'noscript', 'xmp']);
/** What hast-util-to-text leaves out (not rendered), and the elements whose text it keeps as written. */
const NOT_RENDERED = new Set([
  'datalist',
  'head',
  'noembed',
  'noframes',
  'noscript',
  'rp',
  'script',
  'style',
  'template',
  'title',
]);
const PRE_TEXT = new Set(['pre', 'listing', 'plaintext', 'xmp', 'textarea', 'nobr']);
/** Outside `pre`, hast-util-to-text drops the bidi control characters. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export interface HastPassOptions {
  headingIds: HeadingIdRule;
  sources: ReferenceSources;
  /** Where a heading left without text is reported. */
  findings: SyntaxFinding[];
  /** Collect `headings` (the content core does not use them). */
  headings: boolean;
  /** Collect `compactText`. */
  compactText: boolean;
}

export interface HastPassResult {
  references: LocalReference[];
  headings: Heading[];
  /** Every element id (headings, footnotes, raw `<span id>`, `<a name>`): what a `#fragment` may name. */
  anchors: string[];
  /** Whether the tree holds an iframe (or another raw-text element) with children. */
  rawTextElement: boolean;
  /**
   * The non-whitespace characters of `toText(tree)`, in order (the text digest uses nothing else), taken
   * from the text nodes as the walk passes them. Empty unless `compactText`.
   */
  compactText: string;
}

/**
 * The one walk over the sanitised, tidied tree, in document order. For each element, in the order the
 * separate steps used to run: a `{#custom}` id becomes the heading's id and pylon-kb's other marker
 * attributes go; a heading without an id gets one by the site's rule; a heading left without text is
 * removed with a warning (its nested headings still take their ids, so later ids do not shift); a local
 * link or image gets its sentinel; ids, headings and raw-text elements are collected.
 */
export function finishTree(tree: Root, options: HastPassOptions): HastPassResult {
  const slugger = new HeadingSlugger(options.headingIds);
  const taker = createReferenceTaker(options.sources);
  const result: HastPassResult = {
    references: taker.references,
    headings: [],
    anchors: [],
    rawTextElement: false,
    compactText: '',
  };
  const texts: string[] = [];

  const nameHeading = (node: Element) => {
    applyCustomId(node);
    if (
      HEADING.test(node.tagName) &&
      !(typeof node.properties.id === 'string' && node.properties.id !== '')
    ) {
      node.properties.id = slugger.slug(hastToString(node));
    }
  };
  // A removed heading's elements still take ids in order, as when ids were made before removing it.
  const nameInside = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      nameHeading(child);
      nameInside(child);
    }
  };

  /** `text`: how text below is read (`pre` kept as written, `normal`, or `none` when not rendered). */
  const walk = (parent: Root | Element, inHeading: boolean, text: 'normal' | 'pre' | 'none') => {
    // The children kept, made only once one is removed (almost never: one array less per element).
    let kept: RootContent[] | undefined;
    const { children } = parent;
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as RootContent;
      if (child.type !== 'element') {
        if (child.type === 'text' && text !== 'none' && options.compactText) {
          texts.push(text === 'pre' ? child.value : child.value.replace(BIDI_CONTROLS, ''));
        }
        kept?.push(child);
        continue;
      }
      nameHeading(child);
      const heading = HEADING.test(child.tagName);
      if (heading && toText(child).trim() === '' && !hasImage(child)) {
        options.findings.push({
          line: child.position?.start.line ?? 1,
          code: 'markdown/empty-heading',
          message: 'A heading has no text once its markup is removed: it is left out.',
          hint: 'Give the heading words readers can see.',
        });
        nameInside(child);
        kept ??= children.slice(0, index) as RootContent[];
        continue;
      }
      kept?.push(child);
      taker.take(child);
      collect(child, heading && !inHeading);
      walk(child, inHeading || heading, textMode(child, text));
    }
    if (kept) parent.children = kept as typeof parent.children;
  };

  const collect = (node: Element, topHeading: boolean) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id !== '') result.anchors.push(id);
    const name = node.tagName === 'a' ? node.properties.name : undefined;
    if (typeof name === 'string' && name !== '' && name !== id) result.anchors.push(name);
    if (RAW_TEXT_ELEMENTS.has(node.tagName) && node.children.length > 0) result.rawTextElement = true;
    if (topHeading && options.headings) {
      const depth = Number(node.tagName.charAt(1));
      result.headings.push({ depth, id: typeof id === 'string' ? id : '', text: toText(node).trim() });
    }
  };

  walk(tree, false, 'normal');
  if (options.compactText) result.compactText = texts.join('').replace(/\s+/g, '');
  return result;
}

function textMode(element: Element, outer: 'normal' | 'pre' | 'none'): 'normal' | 'pre' | 'none' {
  if (outer === 'none') return outer;
  const { tagName, properties } = element;
  if (NOT_RENDERED.has(tagName) || properties.hidden || (tagName === 'dialog' && !properties.open))
    return 'none';
  if (PRE_TEXT.has(tagName) || ((tagName === 'td' || tagName === 'th') && properties.noWrap)) return 'pre';
  return outer;
}

function hasImage(node: Element): boolean {
  return node.children.some(
    (child) => child.type === 'element' && (child.tagName === 'img' || hasImage(child)),
  );
}
