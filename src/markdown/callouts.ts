import type { Blockquote, Paragraph } from 'mdast';

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

/** `[!NOTE]` alone on the first line of a blockquote, as GitHub writes alerts. */
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

/**
 * GitHub-style alerts (`> [!NOTE]`): the blockquote becomes `<blockquote class="callout callout-note">`
 * with the marker line removed. Pylon keeps blockquotes and classes, so the callout survives publishing.
 * Run on every blockquote of the tree (render.ts's mdast pass).
 */
export function applyCallout(node: Blockquote): void {
  const kind = takeCalloutMarker(node);
  if (!kind) return;
  node.data = {
    ...node.data,
    hProperties: { ...node.data?.hProperties, className: ['callout', `callout-${kind}`] },
  };
}

/** Removes the marker from the blockquote and returns its kind, or returns null when there is none. */
function takeCalloutMarker(node: Blockquote): CalloutKind | null {
  const paragraph = node.children[0];
  if (paragraph?.type !== 'paragraph') return null;
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = MARKER.exec(first.value);
  if (!match) return null;

  const rest = first.value.slice(match[0].length);
  if (rest) {
    first.value = rest;
  } else {
    paragraph.children.shift();
    // `[!NOTE]` followed by a hard break (two trailing spaces or a backslash).
    if (paragraph.children[0]?.type === 'break') paragraph.children.shift();
  }
  if (isEmpty(paragraph)) node.children.shift();
  return match[1]!.toLowerCase() as CalloutKind;
}

function isEmpty(paragraph: Paragraph): boolean {
  return paragraph.children.every((child) => child.type === 'text' && child.value.trim() === '');
}
