import { fencedSnippet } from './code-snippets.js';
import {
  type Directive,
  INCLUDE_SYNTAX,
  MDX_IMPORT,
  mdxImport,
  readDirective,
} from './include-directives.js';
import { includeCandidates } from './include-paths.js';
import { closesFence, type Fence, openingFence, type SourceLine, toLines } from './lines.js';
import { fumadocsIncludeRequests } from './mdx-include.js';
import { fail, type ScanContext, warn } from './scan-context.js';
import { type SnippetSettings, snippetCandidates } from './snippet-paths.js';

/** An included file as the I/O edge found it. */
export type IncludedFile =
  | { text: string }
  | { problem: 'missing' | 'outside' | 'too-large' | 'not-text'; detail?: string };
/** Included files by path relative to the content directory. */
export type IncludeLookup = ReadonlyMap<string, IncludedFile>;

/** The files the document's include directives (and MDX partial imports) may name, for the I/O edge. */
export { INCLUDE_SYNTAX, readDirective };

/** MyST's `{include}` and `{literalinclude}` directives (rendered from the tree, myst-directives.ts). */
const MYST_INCLUDE = /^[ \t]*(?:`{3,}|~{3,}|:{3,})\{(?:include|literalinclude)\}[ \t]+(\S.*?)[ \t]*$/gm;

export function includeRequests(markdown: string, including: string, snippets?: SnippetSettings): string[] {
  const requests = autoSnippets(snippets).flatMap((path) => snippetCandidates(path, snippets!) ?? []);
  if (markdown.includes('include}'))
    for (const match of markdown.matchAll(MYST_INCLUDE))
      requests.push(...(includeCandidates('myst-include', match[1]!, including) ?? []));
  requests.push(...fumadocsIncludeRequests(markdown, including));
  if (!INCLUDE_SYNTAX.test(markdown)) return requests;
  for (const line of markdown.split(/\r?\n/)) {
    const directive = readDirective(line);
    const mdx = directive ? undefined : mdxImport(MDX_IMPORT.exec(line));
    const kind = directive?.kind ?? (mdx ? 'mdx' : null);
    const path = directive?.path ?? mdx?.path;
    if (kind && path) requests.push(...(includeCandidates(kind, path, including, snippets) ?? []));
  }
  // Liquid includes inside a line (`<p>{% include icon.html %}</p>`), which a Liquid engine renders too.
  for (const match of markdown.matchAll(INLINE_LIQUID_INCLUDE))
    requests.push(...(includeCandidates('liquid', match[1]!, including) ?? []));
  return requests;
}

const INLINE_LIQUID_INCLUDE = /\{%-?[ \t]*include[ \t]+([^\s%{}'"]+)/g;

export interface IncludeContext extends ScanContext {
  file: string;
  includes: IncludeLookup;
  /** MkDocs' pymdownx.snippets settings (base paths, check_paths). */
  snippets?: SnippetSettings | undefined;
}

/** The snippets `auto_prepend` / `auto_append` add to every page. */
function autoSnippets(snippets: SnippetSettings | undefined): string[] {
  return snippets ? [...snippets.autoPrepend, ...snippets.autoAppend] : [];
}

/** The page with its `auto_prepend` / `auto_append` snippets, as directive lines at its first / last line. */
export function withAutoSnippets(lines: readonly SourceLine[], snippets: SnippetSettings): SourceLine[] {
  const directive = (path: string, source: number) => ({ text: `--8<-- "${path}"`, source });
  const first = lines[0]?.source ?? 1;
  const last = lines.findLast((line) => line.text.trim() !== '')?.source ?? first;
  return [
    ...snippets.autoPrepend.flatMap((path) => [directive(path, first), { text: '', source: first }]),
    ...lines,
    ...snippets.autoAppend.flatMap((path) => [{ text: '', source: last }, directive(path, last)]),
  ];
}

const MAX_DEPTH = 8;

/** Replaces every include directive line with the included file's lines (its own includes inlined too). */
export function inlineIncludes(
  lines: readonly SourceLine[],
  context: IncludeContext,
  stack: readonly string[] = [],
): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: Fence | null = null;
  for (const line of lines) {
    if (fence) fence = closesFence(line.text, fence) ? null : fence;
    else fence = openingFence(line.text);
    const directive = readDirective(line.text);
    if (!directive || (fence && !expandsInCode(directive, context.syntax))) {
      out.push(line);
      continue;
    }
    const found = resolve(directive, stack[stack.length - 1] ?? context.file, line.source, context, stack);
    if (!found) continue;
    const included = selectLines(
      toLines(withoutFrontmatter(found.text)),
      directive,
      line.source,
      context,
    ).map((inner) => ({ text: inner.text, source: line.source }));
    const nested = directive.code
      ? fencedSnippet(included, directive.code, line.source)
      : inlineIncludes(included, context, [...stack, found.path]);
    const [before, after] = directive.around ?? [];
    if (before !== undefined) nested.unshift({ text: before, source: line.source });
    if (after !== undefined) nested.push({ text: after, source: line.source });
    for (const inner of nested)
      out.push({ text: inner.text === '' ? '' : `${directive.indent}${inner.text}`, source: line.source });
  }
  return out;
}

/**
 * Whether a directive inside fenced code is still expanded. mdBook's links preprocessor, pymdownx.snippets
 * and VitePress' `<!--@include:-->` substitute text before Markdown is parsed, so they reach into code;
 * `<<<` is Markdown syntax, and a Liquid or Hugo include in code is code unless the generator runs its
 * templates over the whole page first (Jekyll, Hugo: `liquid-in-code`, `hugo-shortcodes-in-code`). GitBook
 * shows `{% include %}` in a code block as written.
 */
function expandsInCode(directive: Directive, syntax: ScanContext['syntax']): boolean {
  if (directive.code) return false;
  if (directive.kind === 'liquid' || directive.kind === 'liquid-relative')
    return syntax.has('liquid-in-code');
  if (directive.kind === 'shortcode') return syntax.has('hugo-shortcodes-in-code');
  return true;
}

function resolve(
  directive: Directive,
  including: string,
  line: number,
  context: IncludeContext,
  stack: readonly string[],
) {
  const candidates = includeCandidates(directive.kind, directive.path, including, context.snippets);
  const shown = directive.path;
  if (candidates === null) {
    fail(
      context,
      line,
      'markdown/include-outside',
      context.snippets && directive.kind === 'snippet'
        ? `The snippet "${shown}" leaves the site root (the folder of mkdocs.yml): it is not included.`
        : `The include "${shown}" leaves the docs tree: it is not included.`,
      'Move the file into the content directory, or copy its text here.',
    );
    return null;
  }
  if (stack.length >= MAX_DEPTH || candidates.some((c) => stack.includes(c) || c === context.file)) {
    fail(
      context,
      line,
      'markdown/include-cycle',
      `The include "${shown}" includes itself (directly or through other files): it is not included again.`,
      'Remove the include that closes the loop.',
    );
    return null;
  }
  for (const path of candidates) {
    const file = context.includes.get(path);
    if (file && 'text' in file) return { path, text: file.text };
    if (file?.problem === 'outside') {
      fail(
        context,
        line,
        'markdown/include-outside',
        `The include "${shown}" resolves outside the docs tree (through a symbolic link): it is not included.`,
        'Include a file that lives inside the content directory.',
      );
      return null;
    }
    if (file && file.problem !== 'missing') {
      fail(
        context,
        line,
        'markdown/include-unreadable',
        `The include "${shown}" cannot be included: ${file.detail ?? file.problem}.`,
        'Include a UTF-8 text file of reasonable size.',
      );
      return null;
    }
  }
  (directive.kind === 'snippet' && context.snippets?.checkPaths ? fail : warn)(
    context,
    line,
    'markdown/include-missing',
    `The ${addedToEveryPage(directive, context) ? 'snippet mkdocs.yml adds to every page (auto_prepend/auto_append)' : 'include'} "${shown}" was not found (looked for ${candidates.join(', ')}): it is left out.`,
    directive.kind === 'snippet' && context.snippets
      ? "Fix the path; it is relative to pymdownx.snippets' base_path (default: the folder of mkdocs.yml)."
      : 'Fix the path; it is relative to the including file (or to _includes/ for Liquid).',
  );
  return null;
}

function addedToEveryPage(directive: Directive, context: IncludeContext): boolean {
  return directive.kind === 'snippet' && autoSnippets(context.snippets).includes(directive.path);
}

function withoutFrontmatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

const REGION_START = /(?:#region|\[start:|ANCHOR:)[ \t]*([\w-]+)/;
const REGION_END = /(?:#endregion|\[end:|ANCHOR_END:)[ \t]*([\w-]*)/;
const ANCHOR_LINE = /\bANCHOR(?:_END)?:/;

function selectLines(
  lines: SourceLine[],
  directive: Directive,
  line: number,
  context: IncludeContext,
): SourceLine[] {
  let selected = lines;
  if (directive.region) {
    const start = lines.findIndex((l) => REGION_START.exec(l.text)?.[1] === directive.region);
    const end = lines.findIndex(
      (l, i) =>
        i > start &&
        REGION_END.test(l.text) &&
        [directive.region, ''].includes(REGION_END.exec(l.text)?.[1] ?? ''),
    );
    if (start < 0) {
      warn(
        context,
        line,
        'markdown/include-region',
        `The include "${directive.path}" has no region "${directive.region}": the whole file is included.`,
        "Mark the region with #region / #endregion (--8<-- [start:name] / [end:name], or mdBook's ANCHOR: name / ANCHOR_END: name).",
      );
    } else selected = lines.slice(start + 1, end < 0 ? lines.length : end);
  }
  if (directive.lines) selected = selected.slice(directive.lines[0] - 1, directive.lines[1]);
  if (directive.anchorMarkers) selected = selected.filter((l) => !ANCHOR_LINE.test(l.text));
  const params = directive.params;
  if (params && Object.keys(params).length > 0) {
    selected = selected.map((l) => ({
      ...l,
      text: l.text.replace(
        /\{\{-?\s*include\.([\w-]+)\s*-?\}\}/g,
        (all, key: string) => params[key.toLowerCase()] ?? all,
      ),
    }));
  }
  return selected;
}
