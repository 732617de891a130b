import { TemplateError } from './go-template/lex.js';
import { TemplateErrorAt, TemplateFailed, Unsupported } from './go-template/values.js';
import { textArguments } from './hugo-inline.js';
import { type ShortcodeTag, shortcodeTags } from './hugo-shortcode-calls.js';
import { renderShortcode, type SiteTemplates } from './hugo-template-context.js';
import type { SourceLine } from './lines.js';
import { markdownToHtml } from './markdown-fragment.js';
import { replaceRanges } from './rewrite.js';
import { type ScanContext, warn } from './scan-context.js';
import type { SiteVariables } from './variables.js';

/**
 * Hugo shortcodes the site defines in its own templates (`layouts/shortcodes/*.html`) are rendered from
 * them, before the other site-syntax passes: `{{< … >}}` gives HTML, `{{% … %}}` Markdown, and inner
 * shortcodes are rendered first, as Hugo does. A template that needs what pylon-kb cannot evaluate (a
 * function of the build, another page) falls back: a shortcode the later passes know is left to them; any
 * other keeps its inner text and its text arguments, with a warning naming the reason.
 */
export interface HugoTemplateContext extends ScanContext {
  file: string;
  templates: SiteTemplates;
  variables: SiteVariables;
}

/** Shortcodes the later passes render themselves (hugo-inline.ts, paired-tags.ts, include-directives.ts). */
const BUILT_IN = new Set(
  'ref relref figure img image youtube vimeo gist tweet x param readfile include snippet hint notice alert callout admonition note tip info warning important caution danger attention details expand collapse accordion spoiler tabs tabpane codetabs tab highlight mermaid code-toggle content-ref stepper step steps columns column cards card center markdown raw'.split(
    ' ',
  ),
);

export function renderRepositoryShortcodes(
  lines: readonly SourceLine[],
  context: HugoTemplateContext,
): SourceLine[] {
  const text = lines.map((line) => line.text).join('\n');
  const lineOf = lineIndex(lines);
  const replacements = renderIn(text, context, (offset) => lineOf(offset), 0);
  return replacements.length === 0 ? [...lines] : replaceRanges(lines, replacements);
}

export function hasRepositoryShortcodes(markdown: string, templates: SiteTemplates | undefined): boolean {
  return templates !== undefined && templates.shortcodes.size > 0 && /\{\{[<%]/.test(markdown);
}

type Replacement = { start: number; end: number; text: string };

const MAX_NESTING = 10;

function renderIn(
  text: string,
  context: HugoTemplateContext,
  lineAt: (offset: number) => number,
  depth: number,
): Replacement[] {
  const tags = shortcodeTags(text);
  const out: Replacement[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const template = tag.closing ? undefined : templateOf(context.templates, tag.name);
    if (template === undefined) continue;
    const paired = !tag.selfClosing && /\.Inner(?:Deindent)?\b/.test(template);
    const close = paired ? closingIndex(tags, i) : -1;
    const end = close < 0 ? tag.end : tags[close]!.end;
    const rawInner = close < 0 ? undefined : text.slice(tag.end, tags[close]!.start);
    const line = lineAt(tag.start);
    const inner =
      rawInner === undefined || depth >= MAX_NESTING
        ? rawInner
        : applyReplacements(
            rawInner,
            renderIn(rawInner, context, () => line, depth + 1),
          );
    const rendered = render(template, tag, inner, line, context);
    if (rendered !== null) out.push({ start: tag.start, end, text: rendered });
    if (close >= 0) i = close;
  }
  return out;
}

function render(
  template: string,
  tag: ShortcodeTag,
  inner: string | undefined,
  line: number,
  context: HugoTemplateContext,
): string | null {
  try {
    const output = renderShortcode(template, {
      name: tag.name,
      args: tag.args,
      inner,
      file: context.file,
      line,
      page: context.variables.page ?? {},
      site: context.variables.site ?? {},
      templates: context.templates,
      markdownToHtml,
    });
    return tag.delimiter === '%' ? output.trim() : htmlOutput(output);
  } catch (error) {
    if (!(error instanceof Unsupported || error instanceof TemplateError || error instanceof TemplateErrorAt))
      throw error;
    const reason =
      error instanceof TemplateFailed
        ? `stops with "${error.message}"`
        : error instanceof Unsupported
          ? `uses ${error.message}, which pylon-kb cannot evaluate`
          : `cannot be read: ${error.message}`;
    if (BUILT_IN.has(tag.name.toLowerCase())) return null;
    const kept = textArguments(tag.args);
    warn(
      context,
      line,
      'markdown/shortcode-template',
      `The shortcode "${tag.name}" (its template ${reason}) is published as ${inner === undefined ? (kept.length > 0 ? 'its text arguments' : 'nothing') : 'its inner text'}${inner !== undefined && kept.length > 0 ? ' and its text arguments' : ''}.`,
      'Replace the shortcode with Markdown where the page needs what the template shows.',
    );
    const heading = kept.join(' — ');
    if (inner === undefined) return heading;
    return heading === '' ? inner.trim() : `**${heading}**\n\n${inner.trim()}`;
  }
}

function templateOf(templates: SiteTemplates, name: string): string | undefined {
  return templates.shortcodes.get(name) ?? templates.shortcodes.get(name.toLowerCase());
}

/** The closing tag of `tags[open]` (same name, nesting counted), or -1. */
function closingIndex(tags: readonly ShortcodeTag[], open: number): number {
  const name = tags[open]!.name;
  let depth = 0;
  for (let i = open + 1; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag.name !== name) continue;
    if (!tag.closing) {
      if (!tag.selfClosing) depth++;
    } else if (depth === 0) return i;
    else depth--;
  }
  return -1;
}

/**
 * HTML output inside Markdown: blank lines and indentation removed (outside `<pre>`), so that it stays
 * one HTML block or one run of inline HTML instead of breaking into paragraphs and code blocks.
 */
function htmlOutput(html: string): string {
  const out: string[] = [];
  let inPre = false;
  for (const line of html.split('\n')) {
    if (inPre) out.push(line);
    else if (line.trim() !== '') out.push(line.trimStart());
    const opens = (line.match(/<pre\b/g) ?? []).length;
    const closes = (line.match(/<\/pre>/g) ?? []).length;
    if (opens !== closes) inPre = opens > closes;
  }
  return out.join('\n').trim();
}

function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let last = 0;
  for (const r of replacements) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  return out + text.slice(last);
}

function lineIndex(lines: readonly SourceLine[]): (offset: number) => number {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.text.length + 1;
  }
  return (at) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return lines[low]?.source ?? 1;
  };
}
