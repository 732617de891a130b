import { BLOCK_SYNTAX, scanBlocks } from './blocks.js';
import { DEFAULT_SYNTAX, type SyntaxPreset } from './constructs.js';
import { GITBOOK_HTML_SYNTAX, rewriteGitbookHtml, unlinkBrokenReferences } from './gitbook-html.js';
import { HUGO_INLINE, replaceShortcode } from './hugo-inline.js';
import type { SiteTemplates } from './hugo-template-context.js';
import { hasRepositoryShortcodes, renderRepositoryShortcodes } from './hugo-templates.js';
import { INCLUDE_SYNTAX, type IncludeLookup, inlineIncludes, withAutoSnippets } from './includes.js';
import { fromLines, type SourceLine, toLines } from './lines.js';
import { LIQUID_TEMPLATE_SYNTAX, renderLiquidTemplates } from './liquid-engine.js';
import { LIQUID_INLINE, replaceLiquid } from './liquid-inline.js';
import type { Format } from './markers.js';
import { applyMdxCompat, dropEsm, ESM_SYNTAX, MDX_COMPAT_SYNTAX, unwrapMdxCodeBlocks } from './mdx-compat.js';
import { type Range, rewriteText } from './rewrite.js';
import type { ScanContext, SyntaxFinding } from './scan-context.js';
import type { SnippetSettings } from './snippet-paths.js';
import type { SiteVariables } from './variables.js';
import { holdVerbatim, restoreVerbatim, VERBATIM_SYNTAX } from './verbatim.js';
import { unwrapVueTemplates, VUE_TEMPLATE_SYNTAX } from './vue-templates.js';

export interface SyntaxOptions {
  /** `mdx` parses with the MDX grammar. Default `md`. */
  format?: Format | undefined;
  /** The constructs the page may use (constructs.ts); default `DEFAULT_SYNTAX`. */
  syntax?: SyntaxPreset | undefined;
  /** `site` and `page` data for Liquid and Hugo's `param`. */
  variables?: SiteVariables | undefined;
  /** The files include directives name, as read by the I/O edge. */
  includes?: IncludeLookup | undefined;
  /** MkDocs' pymdownx.snippets settings: base paths, auto_append / auto_prepend, check_paths. */
  snippets?: SnippetSettings | undefined;
  /** The site's own shortcode and partial templates, rendered in place of their calls. */
  templates?: SiteTemplates | undefined;
  /** The files in the page's folder (its Hugo page bundle), for shortcodes that name its images. */
  pageFiles?: readonly string[] | undefined;
  /**
   * The names of the content directory and of the folder above it (`['repo', 'docs']`): an included file's
   * link that climbs out of the content directory and back in (`../docs/x.md`) is a document of the tree.
   */
  contentTrail?: readonly string[] | undefined;
  /** An `.mdx` file the MDX grammar rejected, now read as Markdown: its imports and exports are dropped. */
  mdxFallback?: boolean | undefined;
}

export interface PreparedSource {
  markdown: string;
  /** For each line of `markdown` (0-based), the line of the original it stands for; null when unchanged. */
  sourceLines: number[] | null;
  findings: SyntaxFinding[];
}

const INLINE_SYNTAX = /\{\{|\{%/;
const INLINE = new RegExp(`${HUGO_INLINE.source}|${LIQUID_INLINE.source}`, 'gi');

function replaceInline(
  text: string,
  line: number,
  context: Parameters<typeof replaceShortcode>[2] & Parameters<typeof replaceLiquid>[2],
): string | null {
  const hugo = new RegExp(HUGO_INLINE.source).exec(text);
  if (hugo && hugo[0] === text)
    return context.syntax.has('hugo-shortcodes') ? replaceShortcode(hugo, line, context) : null;
  const liquid = new RegExp(LIQUID_INLINE.source, 'i').exec(text);
  if (!liquid || (text.startsWith('{%') && !context.syntax.has('liquid-tags'))) return null;
  return replaceLiquid(liquid, line, context);
}

/**
 * Hugo expands shortcodes and Jekyll its Liquid before Markdown is parsed, so inside code too (they show
 * one as written with the escaped shortcode form and `{% raw %}`); the other generators leave code alone.
 */
function templatesInCode(syntax: SyntaxPreset): (match: string) => boolean {
  const shortcode = (match: string) => match.startsWith('{{<') || match.startsWith('{{%');
  const shortcodes = syntax.has('hugo-shortcodes-in-code');
  const liquid = syntax.has('liquid-in-code');
  return (match) => (shortcode(match) ? shortcodes : liquid);
}

/**
 * Rewrites the site syntax that lives in the source text, before parsing: includes are inlined,
 * verbatim regions set aside, block containers turned into markers (markers.ts), and Liquid / Hugo
 * inline syntax replaced outside code. A document without any of it is returned as it is, after a few
 * regular-expression tests.
 */
export function prepareSource(
  markdown: string,
  file: string,
  options: SyntaxOptions,
  codeRanges: (text: string) => Range[],
): PreparedSource {
  const findings: SyntaxFinding[] = [];
  const snippets = options.snippets;
  const syntax = options.syntax ?? DEFAULT_SYNTAX;
  const autoSnippets = snippets !== undefined && snippets.autoPrepend.length + snippets.autoAppend.length > 0;
  const hasIncludes = options.includes !== undefined && (autoSnippets || INCLUDE_SYNTAX.test(markdown));
  const mdxLike = options.format === 'mdx' || options.mdxFallback === true || syntax.has('md-as-mdx');
  const compat = mdxLike && MDX_COMPAT_SYNTAX.test(markdown);
  const esm = options.mdxFallback === true && ESM_SYNTAX.test(markdown);
  const gitbookHtml = options.format !== 'mdx' && GITBOOK_HTML_SYNTAX.test(markdown);
  const vueTemplates = syntax.has('vue-templates') && VUE_TEMPLATE_SYNTAX.test(markdown);
  if (
    !vueTemplates &&
    !hasIncludes &&
    !compat &&
    !esm &&
    !gitbookHtml &&
    !BLOCK_SYNTAX.test(markdown) &&
    !INLINE_SYNTAX.test(markdown)
  ) {
    return { markdown, sourceLines: null, findings };
  }
  const context: ScanContext = {
    format: options.format ?? 'md',
    syntax,
    findings,
    bundleImage: (name) => bundleImage(options.pageFiles ?? [], name),
  };
  let lines: SourceLine[] = toLines(markdown);
  if (compat)
    lines = options.format === 'mdx' ? applyMdxCompat(lines, codeRanges) : unwrapMdxCodeBlocks(lines);
  if (esm || (compat && options.mdxFallback === true)) lines = dropEsm(lines);
  if (gitbookHtml) lines = unlinkBrokenReferences(rewriteGitbookHtml(lines), context, codeRanges);
  if (syntax.has('liquid-templates') && LIQUID_TEMPLATE_SYNTAX.test(markdown)) {
    const includes = options.includes ?? new Map();
    lines = renderLiquidTemplates(lines, { ...context, file, includes, variables: options.variables ?? {} });
  }
  // `{% raw %}{% include a.html %}{% endraw %}` shows the tag: verbatim text is held before includes are
  // read, and again after, for the raw blocks of the included files.
  if (VERBATIM_SYNTAX.test(markdown)) lines = holdVerbatim(lines);
  if (hasIncludes) {
    if (autoSnippets) lines = withAutoSnippets(lines, snippets);
    lines = inlineIncludes(lines, { ...context, file, includes: options.includes ?? new Map(), snippets });
    if (VERBATIM_SYNTAX.test(fromLines(lines).text)) lines = holdVerbatim(lines);
  }
  if (syntax.has('hugo-shortcodes') && hasRepositoryShortcodes(fromLines(lines).text, options.templates)) {
    const variables = options.variables ?? {};
    lines = renderRepositoryShortcodes(lines, { ...context, file, templates: options.templates!, variables });
  }
  if (vueTemplates) lines = unwrapVueTemplates(lines, context, codeRanges(fromLines(lines).text));
  lines = scanBlocks(lines, context);
  const joined = fromLines(lines).text;
  if (INLINE_SYNTAX.test(joined)) {
    const inline = { ...context, variables: options.variables ?? {} };
    const expandsInCode = templatesInCode(syntax);
    lines = rewriteText(
      lines,
      INLINE,
      (match, line, inCode) =>
        inCode && !expandsInCode(match[0])
          ? null
          : replaceInline(match[0], line, { ...inline, inLine: !aloneOnLine(match) }),
      codeRanges(joined),
    );
  }
  const result = fromLines(lines);
  return { markdown: restoreVerbatim(result.text), sourceLines: result.sourceLines, findings };
}

/** Whether the match is the only text of its line (a block-level MyST substitution). */
function aloneOnLine(match: RegExpExecArray): boolean {
  const start = match.input.lastIndexOf('\n', match.index - 1) + 1;
  const end = match.input.indexOf('\n', match.index + match[0].length);
  const line = match.input.slice(start, end < 0 ? undefined : end);
  return line.trim() === match[0];
}

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|svg|avif)$/i;

/** Hugo's `Resources.GetMatch "**name*"`: the first image whose file name starts with `name`. */
function bundleImage(files: readonly string[], name: string): string | undefined {
  if (name === '') return undefined;
  const file = [...files]
    .sort()
    .find((path) => IMAGE_FILE.test(path) && (path.split('/').pop() ?? '').startsWith(name));
  return file === undefined ? undefined : `./${file}`;
}
