import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { collectHeadings, type Heading } from './headings.js';
import { dropLeadingH1, firstH1Text } from './leading-h1.js';
import { markdownProcessor } from './pipeline.js';
import { scanUnsafeContent } from './unsafe-content.js';

export interface RenderOptions {
  /** The article title; a leading `# Title` equal to it is dropped (see `dropLeadingH1`). */
  title?: string | undefined;
  /** Drop a leading H1 equal to `title` (default true). Without a title nothing is dropped. */
  dropLeadingH1?: boolean | undefined;
  /** Source path named in diagnostics. */
  file?: string | undefined;
  /** Added to Markdown line numbers, e.g. the number of frontmatter lines, so diagnostics name file lines. */
  lineOffset?: number | undefined;
}

export interface RenderResult {
  html: string;
  headings: Heading[];
  diagnostics: Diagnostic[];
}

export type { Heading };

/**
 * Markdown → sanitised HTML for Pylon. Pure and deterministic: the same input gives the same bytes.
 * Problems (removed scripts, unsafe URLs) are diagnostics; rendering itself never fails.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  const mdast = markdownProcessor.parse(markdown);
  const diagnostics = scanUnsafeContent(mdast, {
    lineOffset: options.lineOffset ?? 0,
    ...(options.file !== undefined && { file: options.file }),
  });
  if (options.title !== undefined && options.dropLeadingH1 !== false) dropLeadingH1(mdast, options.title);

  const hast: HastRoot = markdownProcessor.runSync(mdast);
  const headings = collectHeadings(hast);
  const html = markdownProcessor.stringify(hast);
  return { html, headings, diagnostics };
}

/** Text of the first `# Heading` of a Markdown document (title fallback), or undefined. */
export function firstHeading(markdown: string): string | undefined {
  const mdast: MdastRoot = markdownProcessor.parse(markdown);
  return firstH1Text(mdast);
}
