import type { Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkCharacterReferences, checkContainerNesting, RenderRefusal } from './bounds.js';
import type { CustomId } from './custom-ids.js';
import { finishTree } from './hast-pass.js';
import { type HeadingIdRule, headingSlug } from './heading-slugs.js';
import type { Heading } from './headings.js';
import { dropLeadingH1, firstH1Text } from './leading-h1.js';
import { walkMdast } from './mdast-pass.js';
import { parseSource } from './parse.js';
import { markdownProcessor } from './pipeline.js';
import { RawFragments } from './raw-fragments.js';
import type { LocalReference } from './references.js';
import { replaceSentinels } from './sentinels.js';
import { applyLateSyntaxSteps, type SyntaxFinding, type SyntaxOptions } from './syntax/index.js';

export interface RenderOptions extends SyntaxOptions {
  /** The article title; a leading `# Title` equal to it is dropped (see `dropLeadingH1`). */
  title?: string | undefined;
  /** Drop a leading H1 equal to `title` (default true). Without a title nothing is dropped. */
  dropLeadingH1?: boolean | undefined;
  /** Source path named in diagnostics. */
  file?: string | undefined;
  /** Added to Markdown line numbers, e.g. the number of frontmatter lines, so diagnostics name file lines. */
  lineOffset?: number | undefined;
  /** How heading ids are made (the site generator's rule). Default `github`. */
  headingIds?: HeadingIdRule | undefined;
  /** `mdx` for `.mdx` files (parsed with the MDX grammar where the pipeline supports it). Default `md`. */
  format?: 'md' | 'mdx' | undefined;
  /** Collect `headings` (default true). The content core does not use them and passes false. */
  headings?: boolean | undefined;
  /**
   * Give `text` with all whitespace left out: all the text digest reads (`textDigestOfText`), and cheaper
   * than the laid-out text. The content core passes true. Default false.
   */
  compactText?: boolean | undefined;
}

export interface RenderResult {
  html: string;
  /** The headings in order, with their ids and text; empty when `headings: false`. */
  headings: Heading[];
  /**
   * Every element id (headings, including `{#custom}` ones, and footnotes), plus the id of a dropped
   * leading title heading (such a link lands at the top of the page): valid `#fragment` targets.
   */
  anchors: string[];
  /** Local links and images (relative, root-relative, `#fragment`), in document order. */
  references: LocalReference[];
  diagnostics: Diagnostic[];
  /**
   * The visible text of `html` (hast-util-to-text of the tree it was serialised from), for the text digest
   * (identity/text-digest.ts) without parsing the HTML again. Absent when the tree holds an element whose
   * content an HTML parser reads as raw text (an iframe with children): only parsing the HTML tells then.
   * With `compactText`, the same text without any whitespace.
   */
  text?: string;
}

export type { Heading, LocalReference };

/**
 * Markdown → sanitised HTML, with each local link or image URL replaced by a sentinel
 * (`href="pylon-kb-ref:<index into references>"`) for `replaceSentinels`. The content core renders with
 * this, then resolves the references against the whole tree. Pure and deterministic.
 *
 * A document the renderer refuses (past bounds.ts' limits: nesting, character references) or cannot render
 * gives no HTML and an error naming its file and line: that document is held back, the rest of the run goes on.
 */
export function renderDocument(markdown: string, options: RenderOptions = {}): RenderResult {
  try {
    checkContainerNesting(markdown);
    checkCharacterReferences(markdown);
    return renderWithinBounds(markdown, options);
  } catch (error) {
    return { html: '', headings: [], anchors: [], references: [], diagnostics: [refusal(error, options)] };
  }
}

function refusal(error: unknown, options: RenderOptions): Diagnostic {
  const file = options.file !== undefined ? { file: options.file } : {};
  const lineOffset = options.lineOffset ?? 0;
  if (error instanceof RenderRefusal) {
    return {
      severity: 'error',
      code: error.code,
      message: error.message,
      ...file,
      line: error.line + lineOffset,
      hint: error.hint,
    };
  }
  const overflow = error instanceof RangeError;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return {
    severity: 'error',
    code: overflow ? 'markdown/too-deep' : 'markdown/render-failed',
    message: overflow
      ? 'This page nests too deeply to render.'
      : `pylon-kb could not render this page (${reason}).`,
    ...file,
    line: 1 + lineOffset,
    hint: overflow
      ? 'Flatten the nesting of quotes, lists or HTML elements: pages nested this deep are not published.'
      : 'This is a bug in pylon-kb: please report it with the page. The page is not published.',
  };
}

function renderWithinBounds(markdown: string, options: RenderOptions): RenderResult {
  const lineOffset = options.lineOffset ?? 0;
  const { tree: mdast, context: syntax } = parseSource(markdown, options.file ?? '', options);
  const pass = walkMdast(
    mdast,
    { file: options.file, lineOffset, bracketIds: syntax.syntax.has('bracket-heading-ids') },
    new RawFragments(),
  );
  const diagnostics = pass.diagnostics;
  const changed = applyLateSyntaxSteps(mdast, syntax);
  const dropped =
    options.title !== undefined && options.dropLeadingH1 !== false
      ? dropLeadingH1(mdast, options.title)
      : undefined;
  const sources = pass.markReferences({ changed, removed: dropped?.node });

  const rule = options.headingIds ?? 'github';
  const hast: HastRoot = markdownProcessor.runSync(mdast, {
    data: !changed && !pass.hadHtml ? { rawHtml: false } : { firstHtmlLine: pass.firstHtmlLine },
  });
  const finished = finishTree(hast, {
    headingIds: rule,
    sources,
    findings: syntax.findings,
    headings: options.headings !== false,
    compactText: options.compactText === true,
  });
  diagnostics.push(...syntax.findings.map((finding) => syntaxDiagnostic(finding, options.file, lineOffset)));
  const { references, headings, anchors } = finished;
  // A link to the dropped title heading (`setup.md#setup`, or its `{#custom}` id) still lands at the top.
  const droppedIds = dropped ? [dropped.customId, headingSlug(dropped.text, rule)] : [];
  for (const id of droppedIds) {
    if (id === undefined || id === '') continue;
    if (!anchors.includes(id)) anchors.push(id);
  }
  diagnostics.push(...duplicateIds(pass.customIds, anchors, options.file, lineOffset));
  const html = markdownProcessor.stringify(hast);
  const text = finished.rawTextElement
    ? undefined
    : options.compactText === true
      ? finished.compactText
      : toText(hast);
  return { html, headings, anchors, references, diagnostics, ...(text !== undefined && { text }) };
}

/**
 * Markdown → sanitised HTML for Pylon. Pure and deterministic: the same input gives the same bytes.
 * Local links and images are left as written (the content core turns them into placeholders).
 * Problems (removed scripts, unsafe URLs) are diagnostics; rendering itself never fails.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  const rendered = renderDocument(markdown, options);
  const html = replaceSentinels(rendered.html, (index) => ({ url: rendered.references[index]?.url ?? '' }));
  return { ...rendered, html };
}

/** Text of the first `# Heading` of a Markdown document (title fallback), or undefined. */
export function firstHeading(markdown: string): string | undefined {
  const mdast: MdastRoot = markdownProcessor.parse(markdown);
  return firstH1Text(mdast);
}

/** A `{#id}` that another element also has: links to it would land on the first one only. */
function duplicateIds(
  customIds: readonly CustomId[],
  anchors: readonly string[],
  file: string | undefined,
  lineOffset: number,
): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const id of anchors) counts.set(id, (counts.get(id) ?? 0) + 1);
  return customIds
    .filter(({ id }) => (counts.get(id) ?? 0) > 1)
    .map(({ id, line }) => ({
      severity: 'warning' as const,
      code: 'markdown/duplicate-id',
      message: `The heading id "${id}" is used more than once on this page.`,
      ...(file !== undefined && { file }),
      ...(line !== undefined && { line: line + lineOffset }),
      hint: 'Choose another {#id}: links to this id reach only the first element that has it.',
    }));
}

function syntaxDiagnostic(finding: SyntaxFinding, file: string | undefined, lineOffset: number): Diagnostic {
  return {
    severity: finding.severity ?? 'warning',
    code: finding.code,
    message: finding.message,
    ...(file !== undefined && { file }),
    line: finding.line + lineOffset,
    hint: finding.hint,
  };
}
