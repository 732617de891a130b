import type { Element } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import type { BlockContent, Blockquote, Html, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { calloutKind } from './callout-kinds.js';
import { MEDIA_SCHEMA, sanitisedHtml, sanitisedOpeningTag } from './raw-html.js';

/** Something the conversion could not express exactly; the caller names the article. */
export interface ConversionWarning {
  code: string;
  message: string;
}

const html = (value: string): Html => ({ type: 'html', value });
/** Inline HTML (`<u>…</u>`) that belongs inside a paragraph, unlike block HTML (`<details>`, iframes). */
const inlineHtml = (value: string): Html => ({
  type: 'html',
  value,
  data: { pullInline: true } as Html['data'],
});

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image']);
const isPhrasing = (node: RootContent): boolean =>
  PHRASING.has(node.type) ||
  (node.type === 'html' && (node.data as { pullInline?: boolean } | undefined)?.pullInline === true);

/**
 * `state.toFlow` for a container's children, keeping inline HTML inside the paragraph it sits in (toFlow
 * would make each piece of HTML a block of its own, splitting `a <u>b</u>.` into three paragraphs).
 */
function flow(state: State, nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const children = trimRun(run);
    if (children.length > 0) out.push({ type: 'paragraph', children });
    run = [];
  };
  for (const node of nodes) {
    if (isPhrasing(node)) run.push(node);
    else {
      flush();
      out.push(...(state.toFlow([node]) as RootContent[]));
    }
  }
  flush();
  return out;
}

function trimRun(run: RootContent[]): PhrasingContent[] {
  const nodes = [...run] as PhrasingContent[];
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = nodes.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return nodes.filter((n) => n.type !== 'text' || n.value !== '');
}

/** `> [!NOTE]` on the first line of the blockquote, as `remarkCallouts` reads it back. */
function callout(state: State, node: Element, kind: string): Blockquote {
  const children = flow(state, state.all(node) as RootContent[]) as BlockContent[];
  const marker = html(`[!${kind.toUpperCase()}]`);
  const first = children[0];
  const opening = first?.type === 'paragraph' ? first.children[0] : undefined;
  // A line that may need a character reference at its start cannot follow the marker line (the newline
  // before it would be written as a space): such a callout gets the marker as a paragraph of its own.
  const risky = opening?.type === 'text' && /^[{:=^!?*]/.test(opening.value);
  if (first?.type === 'paragraph' && !risky) {
    first.children.unshift(marker, { type: 'text', value: '\n' });
  } else {
    children.unshift({ type: 'paragraph', children: [marker] } satisfies Paragraph);
  }
  const result: Blockquote = { type: 'blockquote', children };
  state.patch(node, result);
  return result;
}

/**
 * An inline element Markdown has no syntax for (`<u>`, `<sup>`, `<sub>`), kept as one piece of inline HTML.
 * One holding a link or image is unwrapped instead: links inside raw HTML would not be resolved on publish.
 */
function inlineTags(): Handle {
  return (state, node, parent) => {
    // Where the default handlers re-flow the children (list items, table cells …), inline HTML would be
    // split off into a block of its own: there the element is unwrapped, its text and formatting kept.
    const container = parent?.type === 'element' ? parent.tagName : 'root';
    if (REFLOWING.has(container)) return state.all(node) as PhrasingContent[];
    let linked = false;
    visitElements(node, (el) => {
      if (el.tagName === 'a' || el.tagName === 'img') linked = true;
    });
    if (linked) return state.all(node) as PhrasingContent[];
    return inlineHtml(sanitisedHtml(node));
  };
}

function visitElements(node: Element, visit: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child);
    visitElements(child, visit);
  }
}

const REFLOWING = new Set([
  'root',
  'li',
  'td',
  'th',
  'dd',
  'dt',
  'section',
  'article',
  'aside',
  'main',
  'body',
  'header',
  'footer',
  'nav',
  'figure',
  'figcaption',
]);

/** Tables whose cells hold blocks (lists, code, several paragraphs) have no GFM form. */
export function hasBlockCells(node: Element): boolean {
  const blocks = new Set([
    'ul',
    'ol',
    'pre',
    'table',
    'blockquote',
    'details',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
  ]);
  let found = false;
  const visit = (el: Element, inCell: boolean): void => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      const cell = child.tagName === 'td' || child.tagName === 'th';
      if (inCell && blocks.has(child.tagName)) found = true;
      if (cell && child.children.filter((c) => c.type === 'element' && c.tagName === 'p').length > 1)
        found = true;
      visit(child, inCell || cell);
    }
  };
  visit(node, false);
  return found;
}

/**
 * hast → mdast handlers for what Pylon's editor writes beyond plain Markdown: callouts, `<details>`,
 * iframes, media, inline tags without Markdown syntax and tables GFM cannot hold. Everything that has no
 * Markdown form becomes sanitised raw HTML; nothing is dropped silently (`warn` hears about the rest).
 */
export function pullHandlers(warn: (warning: ConversionWarning) => void): Record<string, Handle> {
  return {
    blockquote(state, node) {
      const kind = calloutKind(node.properties);
      if (kind) return callout(state, node, kind);
      const result: Blockquote = {
        type: 'blockquote',
        children: flow(state, state.all(node) as RootContent[]) as BlockContent[],
      };
      state.patch(node, result);
      return result;
    },
    div(state, node) {
      const kind = calloutKind(node.properties);
      if (kind) return callout(state, node, kind);
      return flow(state, state.all(node) as RootContent[]);
    },
    details(state, node) {
      const summary = node.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'summary',
      );
      const rest: Element = { ...node, children: node.children.filter((c) => c !== summary) };
      const summaryHtml = summary ? `\n<summary>${sanitisedHtml(summary.children)}</summary>` : '';
      const open = `${sanitisedOpeningTag(node)}${summaryHtml}`;
      return [html(open), ...flow(state, state.all(rest) as RootContent[]), html('</details>')];
    },
    iframe(_state, node) {
      const src = String(node.properties.src ?? '');
      if (!src.startsWith('https://')) {
        warn({
          code: 'pull/iframe-not-https',
          message: `An iframe from "${src}" is kept in the file, but pylon-kb publishes only https iframes.`,
        });
      }
      return html(sanitisedHtml({ ...node, children: [] }));
    },
    video: media,
    audio: media,
    table(state, node) {
      if (!hasBlockCells(node)) return defaultHandlers.table(state, node);
      return html(sanitisedHtml(node));
    },
    sup: inlineTags(),
    sub: inlineTags(),
    u: inlineTags(),
  };

  function media(_state: State, node: Element) {
    warn({
      code: 'pull/media',
      message: `A <${node.tagName}> element is kept in the file as HTML, but pylon-kb does not publish <${node.tagName}>: it would be removed on the next apply.`,
    });
    return html(sanitisedHtml(node, MEDIA_SCHEMA));
  }
}
