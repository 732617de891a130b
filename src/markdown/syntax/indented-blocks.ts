import { type BlockContext, type BlockMatch, containerLines, wrapContainer } from './block-context.js';
import { calloutKind, defaultTitle } from './kinds.js';
import { dedent, indentOf, isBlank, type SourceLine } from './lines.js';

/**
 * Python-Markdown / MkDocs Material blocks whose body is indented by four spaces:
 * admonitions `!!! type "Title"`, collapsibles `??? type "Title"` (`???+` open) and content tabs
 * `=== "Label"` (consecutive tabs form one group; `===!` starts a new one).
 */
const ADMONITION = /^([ \t]*)(!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+[\w-]+)*(?:[ \t]+"(.*)")?[ \t]*$/;
const TAB = /^([ \t]*)===(!)?(\+)?[ \t]+"(.*)"[ \t]*$/;

export function indentedBlock(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  const text = lines[index]!.text;
  const admonition = context.syntax.has('mkdocs-admonitions') ? ADMONITION.exec(text) : null;
  if (admonition) return admonitionLines(lines, index, admonition, context);
  const tab = context.syntax.has('mkdocs-content-tabs') ? TAB.exec(text) : null;
  if (tab) return tabGroup(lines, index, context);
  return null;
}

function admonitionLines(
  lines: readonly SourceLine[],
  index: number,
  match: RegExpExecArray,
  context: BlockContext,
): BlockMatch {
  const [, indent = '', marker = '', type = '', written] = match;
  const { body, next } = indentedBody(lines, index + 1, indentOf(indent));
  const callout = calloutKind(type, true) ?? 'note';
  const fallback = defaultTitle(type, callout) ?? (marker === '!!!' ? undefined : capitalise(type));
  const title = written === undefined ? fallback : written;
  const where = { indent, open: lines[index]!.source, close: lastSource(lines, index, next) };
  const spec =
    marker === '!!!'
      ? ({ kind: 'callout', callout, title: true } as const)
      : ({ kind: 'details', open: marker === '???+', title: true, callout } as const);
  return { lines: containerLines(context, spec, where, title, body), next };
}

function tabGroup(lines: readonly SourceLine[], start: number, context: BlockContext): BlockMatch {
  const first = TAB.exec(lines[start]!.text)!;
  const indent = first[1] ?? '';
  const inner: SourceLine[] = [];
  let index = start;
  let next = start;
  for (;;) {
    const tab = TAB.exec(lines[index]?.text ?? '');
    if (!tab || (index > start && (tab[2] === '!' || tab[1] !== indent))) break;
    const { body, next: after } = indentedBody(lines, index + 1, indentOf(indent));
    const where = { indent, open: lines[index]!.source, close: lastSource(lines, index, after) };
    inner.push(...containerLines(context, { kind: 'tab', title: true }, where, tab[4] ?? '', body));
    next = after;
    index = after;
    while (index < lines.length && isBlank(lines[index]!.text)) index += 1;
  }
  const where = { indent, open: lines[start]!.source, close: lastSource(lines, start, next) };
  return { lines: wrapContainer(context, { kind: 'tabs', codeGroup: false }, where, undefined, inner), next };
}

/** The lines after an opener that are blank or indented four more columns, dedented; trailing blanks excluded. */
function indentedBody(
  lines: readonly SourceLine[],
  start: number,
  base: number,
): { body: SourceLine[]; next: number } {
  let end = start;
  let index = start;
  while (index < lines.length) {
    const text = lines[index]!.text;
    if (isBlank(text)) {
      index += 1;
      continue;
    }
    if (indentOf(text) < base + 4) break;
    index += 1;
    end = index;
  }
  const body = lines.slice(start, end).map((line) => ({ text: dedent(line.text, 4), source: line.source }));
  return { body, next: end };
}

function lastSource(lines: readonly SourceLine[], open: number, next: number): number {
  return lines[Math.max(open, next - 1)]!.source;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
