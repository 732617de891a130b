import type { Blockquote, Paragraph, PhrasingContent } from 'mdast';

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/**
 * `[!NOTE]` at the start of a blockquote's first line, as GitHub writes alerts; the rest of that line, when
 * there is any, is the alert's title (`> [!WARNING] Breaking change`, as VitePress, Nextra and Obsidian read it).
 */
const MARKER = /^\[!(note|tip|important|warning|caution)\](?=[ \t]|\r?\n|$)[ \t]*/i;

/**
 * GitHub alerts (`> [!NOTE]`): the blockquote becomes `<blockquote class="callout callout-note">` with the
 * marker removed, and a title written after the marker becomes the callout's first line, in bold. Pylon
 * keeps blockquotes and classes, so the callout survives publishing. Run on every blockquote of the tree
 * (mdast-pass.ts), so it applies on every site and inside any container.
 */
export function applyCallout(node: Blockquote): void {
  const kind = takeCalloutMarker(node);
  if (!kind) return;
  node.data = {
    ...node.data,
    hProperties: { ...node.data?.hProperties, className: ['callout', `callout-${kind}`] },
  };
}

/** Removes the marker (and a title) from the blockquote and returns its kind, or null when there is none. */
function takeCalloutMarker(node: Blockquote): CalloutKind | null {
  const paragraph = node.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = MARKER.exec(first.value);
  if (!match) return null;

  first.value = first.value.slice(match[0].length);
  if (first.value === '') paragraph.children.shift();
  const title = takeFirstLine(paragraph);
  if (isEmpty(paragraph)) node.children.shift();
  if (title.length > 0) {
    const titleParagraph: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'strong', children: title }],
      data: { hProperties: { className: ['callout-title'] } },
    };
    node.children.unshift(titleParagraph);
  }
  return match[1]!.toLowerCase() as CalloutKind;
}

/**
 * The phrasing before the paragraph's first line break (a newline in a text node or a hard break),
 * removed from the paragraph. Empty when the marker stood alone on its line.
 */
function takeFirstLine(paragraph: Paragraph): PhrasingContent[] {
  const line: PhrasingContent[] = [];
  while (paragraph.children.length > 0) {
    const child = paragraph.children[0]!;
    if (child.type === 'break') {
      paragraph.children.shift();
      break;
    }
    if (child.type === 'text') {
      const end = child.value.search(/\r?\n/);
      if (end >= 0) {
        const before = child.value.slice(0, end).trimEnd();
        if (before !== '') line.push({ type: 'text', value: before });
        child.value = child.value.slice(end).replace(/^\r?\n/, '');
        if (child.value === '') paragraph.children.shift();
        break;
      }
    }
    line.push(child);
    paragraph.children.shift();
  }
  const last = line[line.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return line.filter((node) => node.type !== 'text' || node.value !== '');
}

function isEmpty(paragraph: Paragraph): boolean {
  return paragraph.children.every((child) => child.type === 'text' && child.value.trim() === '');
}
