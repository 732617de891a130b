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

export interface HastPassOptions {
  headingIds: HeadingIdRule;
  sources: ReferenceSources;
  /** Where a heading left without text is reported. */
  findings: SyntaxFinding[];
  /** Collect `headings` (the content core does not use them). */
  headings: boolean;
}

export interface HastPassResult {
  references: LocalReference[];
  headings: Heading[];
  /** Every element id (headings, footnotes, raw `<span id>`, `<a name>`): what a `#fragment` may name. */
  anchors: string[];
  /** Whether the tree holds an iframe (or another raw-text element) with children. */
  rawTextElement: boolean;
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
  };

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

  const walk = (parent: Root | Element, inHeading: boolean) => {
    let removed = false;
    const kept: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type !== 'element') {
        kept.push(child);
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
        removed = true;
        continue;
      }
      kept.push(child);
      taker.take(child);
      collect(child, heading && !inHeading);
      walk(child, inHeading || heading);
    }
    if (removed) parent.children = kept as typeof parent.children;
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

  walk(tree, false);
  return result;
}

function hasImage(node: Element): boolean {
  return node.children.some(
    (child) => child.type === 'element' && (child.tagName === 'img' || hasImage(child)),
  );
}
