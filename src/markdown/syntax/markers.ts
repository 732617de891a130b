import type { CalloutKind } from '../callouts.js';
import type { SourceLine } from './lines.js';

/**
 * Site containers (admonitions, collapsibles, tabs) are found by a line scanner before parsing; the
 * scanner leaves a marker line where each opens and closes, and `remarkContainers` turns what lies between
 * two markers into the element Pylon keeps. In Markdown a marker is an HTML comment (an HTML block that
 * interrupts a paragraph and ends on its own line); in MDX, where comments are not allowed, an empty
 * expression with a JS comment in it, set between blank lines.
 */
export type ContainerSpec =
  /** A Pylon callout; `source` is the generator's own type when it differs (`bug`, `danger` …). */
  | { kind: 'callout'; callout: CalloutKind; title: boolean }
  /** A collapsible block (`??? note`, `::: details`, `{{< details >}}`); `callout` when it has a type. */
  | { kind: 'details'; open: boolean; title: boolean; callout?: CalloutKind }
  /** A group of tabs; a VitePress code group holds code blocks labelled `[name]`. */
  | { kind: 'tabs'; codeGroup: boolean }
  | { kind: 'tab'; title: boolean }
  /** A captioned block (GitBook `{% code title %}`, Mintlify `<Frame caption>`): the title follows as a caption. */
  | { kind: 'captioned'; title: boolean }
  /** A container pylon-kb does not know: its content is kept, and the scanner warned. */
  | { kind: 'section' };

export type Format = 'md' | 'mdx';

const OPEN = 'pylon-kb:open ';
const CLOSE = 'pylon-kb:close';

function wrap(body: string, format: Format): string {
  return format === 'mdx' ? `{/*${body}*/}` : `<!--${body}-->`;
}

function markerLines(text: string, format: Format, source: number): SourceLine[] {
  const line = { text, source };
  return format === 'mdx' ? [{ text: '', source }, line, { text: '', source }] : [line];
}

export function openMarker(
  spec: ContainerSpec,
  format: Format,
  indent: string,
  source: number,
): SourceLine[] {
  const encoded = encodeURIComponent(JSON.stringify(spec));
  return markerLines(`${indent}${wrap(`${OPEN}${encoded}`, format)}`, format, source);
}

export function closeMarker(format: Format, indent: string, source: number): SourceLine[] {
  return markerLines(`${indent}${wrap(CLOSE, format)}`, format, source);
}

/**
 * The title, as its own paragraph right after the opening marker (so Markdown in it is rendered), and a
 * blank line. A title that would start another block (`1. Install`, `# x`, `- x`) is escaped.
 */
export function titleLines(title: string, indent: string, source: number): SourceLine[] {
  const escaped = title
    .trim()
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#>*+\-=|~`<:])/, '\\$1');
  return [
    { text: `${indent}${escaped}`, source },
    { text: '', source },
  ];
}

export type Marker = { type: 'open'; spec: ContainerSpec } | { type: 'close' };

const MD_MARKER = /^<!--pylon-kb:(open ([^\s>]+)|close)-->\s*$/;
const MDX_MARKER = /^\/\*pylon-kb:(open ([^\s*]+)|close)\*\/$/;

/** The marker an HTML node (Markdown) or expression node (MDX) holds, or null. */
export function readMarker(value: string, format: Format): Marker | null {
  const match = (format === 'mdx' ? MDX_MARKER : MD_MARKER).exec(value.trim());
  if (!match) return null;
  if (match[1] === 'close') return { type: 'close' };
  try {
    return { type: 'open', spec: JSON.parse(decodeURIComponent(match[2] ?? '')) as ContainerSpec };
  } catch {
    return null;
  }
}
