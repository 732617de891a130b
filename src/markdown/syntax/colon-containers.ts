import { type BlockContext, type BlockMatch, containerLines, wrapContainer } from './block-context.js';
import { calloutKind, defaultTitle } from './kinds.js';
import { outsideFences, type SourceLine } from './lines.js';
import type { ContainerSpec } from './markers.js';
import { warn } from './scan-context.js';

/**
 * `:::type[Title]` / `:::type Title` / `::: type Title` … `:::` (Docusaurus admonitions, VitePress custom
 * containers, remark-directive). An outer container uses more colons than the ones it holds.
 */
const OPEN = /^([ \t]*)(:{3,})[ \t]*([A-Za-z][\w-]*)(.*)$/;
const CLOSE = /^[ \t]*(:{3,})[ \t]*$/;
/** `[Title]` and/or `{attributes}` right after the name, else the rest of the line is the title. */
const LABEL = /^\[(.*)\](?:\{(.*)\})?[ \t]*$|^\{(.*)\}[ \t]*$/;
const TRAILING_ATTRIBUTES = /(?<=\S)[ \t]+\{([^{}]*)\}[ \t]*$/;
const TITLE_ATTRIBUTE = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/;
/** VitePress containers that only change how the content is compiled. */
const TRANSPARENT = new Set(['raw', 'v-pre']);

export function colonContainer(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  const line = lines[index]!;
  const match = context.syntax.has('colon-containers') ? OPEN.exec(line.text) : null;
  if (!match) return null;
  const [, indent = '', colons = '', name = '', rest = ''] = match;
  const close = findClose(lines, index, colons.length);
  if (close === lines.length) {
    warn(
      context,
      line.source,
      'markdown/unclosed-container',
      `The ":::${name}" container is never closed.`,
      'Close it with a line holding only ::: (as many colons as it opened with).',
    );
  }
  const body = lines.slice(index + 1, close);
  const where = { indent, open: line.source, close: lines[close]?.source ?? line.source };
  // markdown-it-attrs after a title (VitePress): `::: details Title {open}`.
  const attrs = TRAILING_ATTRIBUTES.exec(rest);
  const title = titleOf(attrs ? rest.slice(0, attrs.index) : rest);
  const next = Math.min(close + 1, lines.length);
  if (name === 'tabs') return { lines: tabsLines(context, where, body), next };
  const { spec, shownTitle } = specOf(name, title, context, line.source);
  if (spec.kind === 'details' && attrs && /(?:^|\s)open(?:\s|=|$)/.test(attrs[1]!)) spec.open = true;
  return { lines: containerLines(context, spec, where, shownTitle, body), next };
}

function titleOf(rest: string): string | undefined {
  const trimmed = rest.trim();
  if (trimmed === '') return undefined;
  const label = LABEL.exec(trimmed);
  if (!label) return trimmed;
  if (label[1] !== undefined && label[1] !== '') return label[1];
  const attributes = TITLE_ATTRIBUTE.exec(label[2] ?? label[3] ?? '');
  return attributes ? (attributes[1] ?? attributes[2] ?? attributes[3]) : undefined;
}

function specOf(
  name: string,
  title: string | undefined,
  context: BlockContext,
  line: number,
): { spec: ContainerSpec; shownTitle: string | undefined } {
  const type = name.toLowerCase();
  if (type === 'details')
    return { spec: { kind: 'details', open: false, title: true }, shownTitle: title ?? 'Details' };
  if (type === 'code-group') return { spec: { kind: 'tabs', codeGroup: true }, shownTitle: undefined };
  const callout = calloutKind(type, context.syntax.has('caution-as-warning'));
  if (callout)
    return {
      spec: { kind: 'callout', callout, title: true },
      shownTitle: title ?? defaultTitle(type, callout),
    };
  if (!TRANSPARENT.has(type)) {
    warn(
      context,
      line,
      'markdown/unknown-container',
      `The ":::${name}" container is not known to pylon-kb: its content is published without it.`,
      'Use one of note, tip, info, warning, danger, details or code-group, or remove the ::: lines.',
    );
  }
  return { spec: { kind: 'section' }, shownTitle: undefined };
}

/** The line of the `:::` that closes the container opened at `start` with `count` colons. */
function findClose(lines: readonly SourceLine[], start: number, count: number): number {
  const open: number[] = [];
  for (const index of outsideFences(lines, start + 1)) {
    const text = lines[index]!.text;
    const opener = OPEN.exec(text);
    const closer = CLOSE.exec(text);
    if (opener) open.push(opener[2]!.length);
    else if (closer) {
      const colons = closer[1]!.length;
      if (open.length > 0 && colons >= open[open.length - 1]!) open.pop();
      else if (open.length === 0 && colons >= count) return index;
    }
  }
  return lines.length;
}

/** `:::tabs` with `== Label` lines (vitepress-plugin-tabs): each label opens a tab. */
function tabsLines(
  context: BlockContext,
  where: { indent: string; open: number; close: number },
  body: readonly SourceLine[],
): SourceLine[] {
  const before: SourceLine[] = [];
  const tabs: { label: string; source: number; body: SourceLine[] }[] = [];
  for (const line of body) {
    const label = /^[ \t]*==[ \t]+(.+)$/.exec(line.text);
    if (label) tabs.push({ label: label[1]!, source: line.source, body: [] });
    else (tabs[tabs.length - 1]?.body ?? before).push(line);
  }
  const inner = tabs.flatMap((tab) =>
    containerLines(
      context,
      { kind: 'tab', title: true },
      { indent: where.indent, open: tab.source, close: tab.source },
      tab.label,
      tab.body,
    ),
  );
  return [
    ...context.scan(before),
    ...wrapContainer(context, { kind: 'tabs', codeGroup: false }, where, undefined, inner),
  ];
}
