import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import type remarkMdxPlugin from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { visit } from 'unist-util-visit';
import {
  MAX_DELIMITER_RUNS,
  remarkBoundedAttention,
  withUnpairedEmphasisLines,
} from './bounded-attention.js';
import { checkMarkdownNesting, RenderRefusal } from './bounds.js';
import type { HeadingIdRule } from './heading-slugs.js';
import { markdownProcessor } from './pipeline.js';
import { DEFAULT_SYNTAX } from './syntax/constructs.js';
import { buildContainers } from './syntax/container-nodes.js';
import {
  applySyntaxSteps,
  codeRangesOf,
  prepareSource,
  type SyntaxFinding,
  type SyntaxOptions,
  type SyntaxStepContext,
} from './syntax/index.js';

let mdxParser: Processor<Root> | undefined;

/**
 * The MDX grammar (remark-mdx) in front of the same GFM extensions; parsing only, frozen once. Loaded the
 * first time an `.mdx` file is parsed (a synchronous import of the ES module, Node ≥ 20.19): a command on
 * a tree without one, or whose renderings all come from the cache, does not load it.
 */
function mdxGrammar(): Processor<Root> {
  if (!mdxParser) {
    const load = createRequire(import.meta.url);
    const remarkMdx = (load('remark-mdx') as { default: typeof remarkMdxPlugin }).default;
    mdxParser = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkGfm)
      .use(remarkBoundedAttention)
      .freeze() as unknown as Processor<Root>;
  }
  return mdxParser;
}

export interface ParsedSource {
  tree: Root;
  /** What the syntax steps need later (the late steps run after custom ids). */
  context: SyntaxStepContext;
}

/**
 * Parses a document with the site syntax applied: `prepareSource` rewrites the source-level syntax,
 * the Markdown or MDX grammar parses it, positions are mapped back to the author's lines, and the
 * mdast steps of syntax/index.ts run. A `.mdx` file the MDX grammar rejects is read as Markdown, with a
 * warning naming the line.
 */
export function parseSource(
  markdown: string,
  file: string,
  options: SyntaxOptions & { headingIds?: HeadingIdRule | undefined },
): ParsedSource {
  const findings: SyntaxFinding[] = [];
  if (options.format === 'mdx') {
    try {
      return parseAs(markdown, file, options, 'mdx', findings);
    } catch (error) {
      if (error instanceof RenderRefusal) throw error;
      findings.length = 0;
      findings.push(mdxFailure(error));
    }
  }
  const fallback = options.format === 'mdx';
  return parseAs(markdown, file, { ...options, format: 'md', mdxFallback: fallback }, 'md', findings);
}

function parseAs(
  markdown: string,
  file: string,
  options: SyntaxOptions & { headingIds?: HeadingIdRule | undefined },
  format: 'md' | 'mdx',
  findings: SyntaxFinding[],
): ParsedSource {
  const parse = (text: string): Root =>
    format === 'mdx' ? mdxGrammar().parse(text) : markdownProcessor.parse(text);
  const safeRanges = (text: string) => {
    try {
      return codeRangesOf(parse(text));
    } catch {
      return codeRangesOf(markdownProcessor.parse(text));
    }
  };
  const prepared = prepareSource(markdown, file, { ...options, format }, safeRanges);
  const { result: tree, lines: unpaired } = withUnpairedEmphasisLines(() => parse(prepared.markdown));
  const sourceLine = (line: number) => prepared.sourceLines?.[line - 1] ?? line;
  // Before anything walks the tree recursively.
  checkMarkdownNesting(tree, sourceLine);
  for (const line of unpaired) findings.push(unpairedEmphasis(sourceLine(line)));
  if (prepared.sourceLines) remapLines(tree, (line) => prepared.sourceLines?.[line - 1] ?? line);
  findings.push(...prepared.findings);
  const context: SyntaxStepContext = {
    source: markdown,
    parsed: prepared.markdown,
    prepared: prepared.sourceLines !== null,
    format,
    syntax: options.syntax ?? DEFAULT_SYNTAX,
    file,
    includes: options.includes ?? new Map(),
    findings,
    headingIds: options.headingIds,
    contentTrail: options.contentTrail,
    parsePartial: (text, line, withSiteSyntax) => {
      // An imported partial is a page of the site: its containers and templates are read as the page's.
      const partialSource = withSiteSyntax
        ? prepareSource(text, file, { ...options, format }, safeRanges)
        : null;
      const partial = parse(partialSource?.markdown ?? text);
      remapLines(partial, () => line);
      if (partialSource) {
        findings.push(...partialSource.findings.map((finding) => ({ ...finding, line })));
        if (partialSource.sourceLines) buildContainers(partial, format);
      }
      return partial;
    },
  };
  applySyntaxSteps(tree, context);
  return { tree, context };
}

function remapLines(tree: Root, lineOf: (line: number) => number): void {
  visit(tree, (node) => {
    const position = node.position;
    if (!position) return;
    position.start = { ...position.start, line: lineOf(position.start.line) };
    position.end = { ...position.end, line: lineOf(position.end.line) };
  });
}

function unpairedEmphasis(line: number): SyntaxFinding {
  return {
    line,
    code: 'markdown/emphasis-as-text',
    message: `This paragraph has more than ${MAX_DELIMITER_RUNS} runs of * or _: they are kept as the characters they are, without emphasis.`,
    hint: 'Escape the * and _ that are not emphasis (\\* and \\_), or split the paragraph.',
  };
}

function mdxFailure(error: unknown): SyntaxFinding {
  const place = error as { line?: number; reason?: string; message?: string };
  const reason = (place.reason ?? place.message ?? String(error)).split('\n')[0];
  return {
    line: place.line ?? 1,
    code: 'markdown/mdx-syntax',
    message: `This file is not valid MDX (${reason}): it is rendered as plain Markdown, so its components are not mapped.`,
    hint: 'Fix the MDX at this line (close every tag, escape { and < in text as \\{ and \\<).',
  };
}
