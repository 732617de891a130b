/** What block recognizers share: the context they scan with, what they return, how a container is written. */
import type { SourceLine } from './lines.js';
import { type ContainerSpec, closeMarker, openMarker, titleLines } from './markers.js';
import type { ScanContext } from './scan-context.js';

/** What a recognizer made of the lines from `index` on: the lines to emit and where scanning resumes. */
export interface BlockMatch {
  lines: SourceLine[];
  next: number;
}

export type Recognizer = (
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
) => BlockMatch | null;

export interface BlockContext extends ScanContext {
  /** Scans a container's body with every recognizer (containers nest). */
  scan(body: readonly SourceLine[]): SourceLine[];
  /** The lines emitted so far at this level (a definition list takes its terms back from them). */
  emitted: SourceLine[];
}

/** The lines of a container: opening marker, title paragraph, the scanned body, closing marker. */
export function containerLines(
  context: BlockContext,
  spec: ContainerSpec,
  where: { indent: string; open: number; close: number },
  title: string | undefined,
  body: readonly SourceLine[],
): SourceLine[] {
  return wrapContainer(context, spec, where, title, context.scan(body));
}

/** As `containerLines`, around lines that are already scanned. */
export function wrapContainer(
  context: BlockContext,
  spec: ContainerSpec,
  where: { indent: string; open: number; close: number },
  title: string | undefined,
  inner: readonly SourceLine[],
): SourceLine[] {
  const withTitle = title !== undefined && title.trim() !== '';
  const finalSpec = 'title' in spec ? { ...spec, title: withTitle } : spec;
  return [
    ...openMarker(finalSpec, context.format, where.indent, where.open),
    ...(withTitle ? titleLines(title, where.indent, where.open) : []),
    ...inner,
    ...closeMarker(context.format, where.indent, where.close),
  ];
}
