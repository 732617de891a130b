import type { Root } from 'mdast';
import type { HeadingIdRule } from '../heading-slugs.js';
import { ABBREVIATION_SYNTAX, expandAbbreviations } from './abbreviations.js';
import { ATTRIBUTE_LIST_SYNTAX, applyAttributeLists } from './attribute-lists.js';
import { applyBookSyntax, BOOK_SYNTAX } from './book-code.js';
import { BRACKETED_SPAN_SYNTAX, removeSpanAttributes } from './bracketed-spans.js';
import { CODE_ANNOTATION_SYNTAX, stripCodeAnnotations } from './code-annotations.js';
import {
  MAGIC_COMMENT_SYNTAX,
  SHIKI_NOTATION_SYNTAX,
  stripMagicComments,
  stripShikiNotations,
} from './code-notations.js';
import { hasCodeTitleSyntax, publishCodeTitles } from './code-titles.js';
import type { SyntaxPreset } from './constructs.js';
import { buildContainers } from './container-nodes.js';
import { EMOJI_SYNTAX, replaceEmoji } from './emoji.js';
import { hasFenceInfoSyntax, normaliseFenceInfo } from './fence-info.js';
import type { IncludeLookup } from './includes.js';
import { MARK_SYNTAX, replaceInlineMarks } from './inline-marks.js';
import { KEYS_SYNTAX, replaceKeys } from './keys.js';
import { checkLeftovers, dropEmptyMdastHeadings } from './leftovers.js';
import type { Format } from './markers.js';
import { transformMdx } from './mdx.js';
import { MYST_DIRECTIVE_SYNTAX, renderMystDirectives } from './myst-directives.js';
import { MYST_ROLE_SYNTAX, renderMystRoles } from './myst-roles.js';
import type { SyntaxFinding } from './scan-context.js';
import { buildTableOfContents, TOC_SYNTAX } from './toc.js';

export { codeRangesOf } from './code-ranges.js';
export {
  CONSTRUCTS,
  type Construct,
  DEFAULT_CONSTRUCTS,
  DEFAULT_SYNTAX,
  presetKey,
  type SyntaxPreset,
} from './constructs.js';
export type { SiteTemplates } from './hugo-template-context.js';
export { type IncludedFile, type IncludeLookup, includeRequests } from './includes.js';
export { type PreparedSource, prepareSource, type SyntaxOptions } from './prepare.js';
export type { SyntaxFinding } from './scan-context.js';
export type { SnippetSettings } from './snippet-paths.js';
export type { SiteVariables } from './variables.js';

export interface SyntaxStepContext {
  /** The Markdown as the author wrote it (the cheap tests run on it). */
  source: string;
  /** The Markdown the parser read: the source with included files inlined (the cheap tests of STEPS). */
  parsed: string;
  /** Whether `prepareSource` rewrote anything (markers, includes, Liquid, shortcodes). */
  prepared: boolean;
  format: Format;
  /** The constructs the page may use (constructs.ts). */
  syntax: SyntaxPreset;
  file: string;
  includes: IncludeLookup;
  findings: SyntaxFinding[];
  /** The content directory's folder names, outermost first (SyntaxOptions.contentTrail). */
  contentTrail?: readonly string[] | undefined;
  /** The site's heading-id rule, for the ids a `{:toc}` links to. */
  headingIds?: HeadingIdRule | undefined;
  /** Parses a piece of the page; `withSiteSyntax` reads its site syntax too (an imported partial). */
  parsePartial(text: string, line: number, withSiteSyntax?: boolean): Root;
}

interface SyntaxStep {
  name: string;
  /** A cheap test on the source: the step runs only where its syntax can appear. */
  applies(context: SyntaxStepContext): boolean;
  run(tree: Root, context: SyntaxStepContext): void;
}

/**
 * Every site-syntax step over the parsed mdast, in order: the one place they are registered. They run
 * after parsing and before the link, id and heading steps of render.ts; `LATE_STEPS` after custom ids.
 */
const STEPS: readonly SyntaxStep[] = [
  { name: 'containers', applies: (c) => c.prepared, run: (tree, c) => buildContainers(tree, c.format) },
  {
    name: 'myst-directives',
    applies: (c) => c.syntax.has('myst-directives') && MYST_DIRECTIVE_SYNTAX.test(c.parsed),
    run: (tree, c) => renderMystDirectives(tree, c),
  },
  {
    name: 'myst-roles',
    applies: (c) => c.syntax.has('myst-roles') && MYST_ROLE_SYNTAX.test(c.parsed),
    run: (tree, c) => renderMystRoles(tree, c.file),
  },
  { name: 'mdx', applies: (c) => c.format === 'mdx', run: (tree, c) => transformMdx(tree, c) },
  {
    name: 'fence-info',
    applies: (c) => hasFenceInfoSyntax(c.parsed),
    run: (tree) => normaliseFenceInfo(tree),
  },
  {
    name: 'code-titles',
    applies: (c) => hasCodeTitleSyntax(c.parsed, c.syntax),
    run: (tree, c) => publishCodeTitles(tree, c.syntax),
  },
  {
    name: 'bracketed-spans',
    applies: (c) => c.syntax.has('bracketed-spans') && BRACKETED_SPAN_SYNTAX.test(c.parsed),
    run: (tree) => removeSpanAttributes(tree),
  },
  {
    name: 'attribute-lists',
    applies: (c) => ATTRIBUTE_LIST_SYNTAX.test(c.parsed),
    run: (tree) => applyAttributeLists(tree),
  },
  {
    name: 'abbreviations',
    applies: (c) => ABBREVIATION_SYNTAX.test(c.parsed),
    run: (tree) => expandAbbreviations(tree),
  },
  {
    name: 'emoji',
    applies: (c) => EMOJI_SYNTAX.test(c.parsed),
    run: (tree, c) => replaceEmoji(tree, c.findings),
  },
  { name: 'marks', applies: (c) => MARK_SYNTAX.test(c.parsed), run: (tree) => replaceInlineMarks(tree) },
  { name: 'keys', applies: (c) => KEYS_SYNTAX.test(c.parsed), run: (tree) => replaceKeys(tree) },
  {
    name: 'book-code',
    applies: (c) =>
      (c.syntax.has('mdbook-hidden-lines') ||
        c.syntax.has('mdbook-links') ||
        c.syntax.has('mdbook-listings')) &&
      BOOK_SYNTAX.test(c.parsed),
    run: (tree, c) => applyBookSyntax(tree, c.syntax, c.findings),
  },
  {
    name: 'code-annotations',
    applies: (c) => c.syntax.has('code-annotations') && CODE_ANNOTATION_SYNTAX.test(c.parsed),
    run: (tree) => stripCodeAnnotations(tree),
  },
  {
    name: 'shiki-notations',
    applies: (c) => c.syntax.has('shiki-notations') && SHIKI_NOTATION_SYNTAX.test(c.parsed),
    run: (tree) => stripShikiNotations(tree),
  },
  {
    name: 'magic-comments',
    applies: (c) => c.syntax.has('magic-comments') && MAGIC_COMMENT_SYNTAX.test(c.parsed),
    run: (tree) => stripMagicComments(tree),
  },
];

const LEFTOVER_HINT = /\{\{[<%]|\{%|:::|[!?]{3}|=== "|\{: |\{[ \t]*[.#][A-Za-z]|<[A-Z]/;
const EMPTY_HEADING_HINT = /^[ \t]{0,3}#{1,6}[ \t]*(?:[^\n\p{L}\p{N}]*|.*[<{:].*)$/mu;

const LATE_STEPS: readonly SyntaxStep[] = [
  {
    name: 'toc',
    applies: (c) => TOC_SYNTAX.test(c.source),
    run: (tree, c) => buildTableOfContents(tree, c.headingIds),
  },
  {
    name: 'empty-headings',
    applies: (c) => c.prepared || c.format === 'mdx' || EMPTY_HEADING_HINT.test(c.source),
    run: (tree, c) => dropEmptyMdastHeadings(tree, c.findings),
  },
  {
    name: 'leftovers',
    applies: (c) =>
      c.prepared || LEFTOVER_HINT.test(c.source) || (c.syntax.has('mdbook-links') && c.source.includes('{{')),
    run: (tree, c) => checkLeftovers(tree, c.findings, c.source, c.syntax),
  },
];

export function applySyntaxSteps(tree: Root, context: SyntaxStepContext): void {
  for (const step of STEPS) if (step.applies(context)) step.run(tree, context);
}

/** Returns whether any step ran (and so may have changed the tree). */
export function applyLateSyntaxSteps(tree: Root, context: SyntaxStepContext): boolean {
  let ran = false;
  for (const step of LATE_STEPS) {
    if (!step.applies(context)) continue;
    step.run(tree, context);
    ran = true;
  }
  return ran;
}
