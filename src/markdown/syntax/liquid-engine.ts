import {
  Context,
  type FS,
  Liquid,
  Tag,
  type TagToken,
  type Template,
  type TopLevelToken,
  toValueSync,
} from 'liquidjs';
import type { Parser } from 'liquidjs/dist/parser/index.js';
import { includeCandidates } from './include-paths.js';
import type { IncludeLookup } from './includes.js';
import type { SourceLine } from './lines.js';
import { markdownToHtml } from './markdown-fragment.js';
import { replaceRanges } from './rewrite.js';
import { type ScanContext, warn } from './scan-context.js';
import type { SiteVariables } from './variables.js';

/**
 * Liquid as Jekyll runs it, before Markdown, with a real Liquid engine (liquidjs, made for Jekyll):
 * `assign`, `capture`, `if`, `unless`, `case`, `for`, filters, `{{ site.x }}` / `{{ page.x }}` /
 * `site.data` / `site.pages`, and `{% include %}` of the site's `_includes` templates with their
 * `include.x` parameters. Tags the later passes render (`raw`, `highlight`, `link`, `post_url`,
 * `include_relative`, plugin tags) are passed through as written. Each top-level construct is
 * rendered in one shared context and replaces its own span, so lines keep their source. A page the
 * engine cannot parse is left to the later passes, with a warning.
 */
export interface LiquidEngineContext extends ScanContext {
  file: string;
  includes: IncludeLookup;
  variables: SiteVariables;
}

export const LIQUID_TEMPLATE_SYNTAX = /\{%|\{\{/;

/** Tags written back as they are, for the passes after this one. */
const PASSED_INLINE = ['link', 'post_url', 'include_relative', 'endraw'];
const PASSED_BLOCKS = ['raw', 'highlight'];
const KNOWN = new Set([
  ...PASSED_INLINE,
  ...PASSED_BLOCKS,
  'assign',
  'capture',
  'case',
  'comment',
  'cycle',
  'decrement',
  'echo',
  'for',
  'if',
  'include',
  'increment',
  'layout',
  'liquid',
  'render',
  'tablerow',
  'unless',
  'break',
  'continue',
  '#',
]);

export function renderLiquidTemplates(
  lines: readonly SourceLine[],
  context: LiquidEngineContext,
): SourceLine[] {
  const text = lines.map((line) => line.text).join('\n');
  const engine = engineFor(context, [text, ...includedTexts(context.includes)]);
  let templates: Template[];
  try {
    templates = engine.parse(text, context.file);
  } catch (error) {
    warn(
      context,
      lineOf(error, lines),
      'markdown/liquid-error',
      `Liquid cannot read this page (${messageOf(error)}): its Liquid is published as the other rules read it.`,
      'Fix the Liquid tag; Jekyll reports the same error.',
    );
    return [...lines];
  }
  warnUnknownFilters(text, lines, engine, context);
  const scope = {
    site: { ...context.variables.site, baseurl: '' },
    page: context.variables.page ?? {},
  };
  const ctx = new Context(scope, engine.options, { sync: true });
  const replacements: { start: number; end: number; text: string }[] = [];
  templates.forEach((template, index) => {
    const token = (template as unknown as { token: TopLevelToken }).token;
    const start = token.begin;
    const end =
      (templates[index + 1] as unknown as { token?: TopLevelToken } | undefined)?.token?.begin ?? text.length;
    let output: string;
    try {
      output = String(toValueSync(engine.renderer.renderTemplates([template], ctx)) ?? '');
    } catch (error) {
      warn(
        context,
        sourceAt(lines, text, start),
        'markdown/liquid-error',
        `Liquid stops here (${messageOf(error)}): the tag is published as the other rules read it.`,
        'Fix the tag, or the include it names (includes are read from _includes/).',
      );
      return;
    }
    if (output !== text.slice(start, end)) replacements.push({ start, end, text: output });
  });
  return replacements.length === 0 ? [...lines] : replaceRanges(lines, replacements);
}

function engineFor(context: LiquidEngineContext, texts: readonly string[]): Liquid {
  const engine = new Liquid({
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    fs: includeFs(context),
    root: ['.'],
    partials: ['.'],
    extname: '',
    relativeReference: false,
    cache: false,
    renderLimit: 10_000,
    memoryLimit: 64 * 1024 * 1024,
  });
  // Site URLs are resolved against the docs tree: the prefix the site is served under is left out.
  engine.registerFilter('relative_url', (value: unknown) => String(value ?? ''));
  engine.registerFilter('absolute_url', (value: unknown) => String(value ?? ''));
  engine.registerFilter('markdownify', (value: unknown) => markdownToHtml(String(value ?? ''), false));
  engine.registerFilter('smartify', (value: unknown) => String(value ?? ''));
  for (const name of PASSED_INLINE) engine.registerTag(name, PassedTag);
  for (const name of PASSED_BLOCKS) engine.registerTag(name, passedBlock(name));
  // A tag of a Jekyll plugin (or of the site's own) is passed on as written, its content rendered.
  for (const name of tagNames(texts)) {
    if (KNOWN.has(name) || engine.tags[name]) continue;
    const block = texts.some((t) => new RegExp(`\\{%-?\\s*end${name}\\b`).test(t));
    engine.registerTag(name, block ? passedBlock(name) : PassedTag);
  }
  return engine;
}

/** Filters the engine does not have leave the value as it is (Jekyll's lax mode): each is named. */
function warnUnknownFilters(
  text: string,
  lines: readonly SourceLine[],
  engine: Liquid,
  context: LiquidEngineContext,
): void {
  for (const markup of text.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
    const bare = markup[0].replace(/"[^"]*"|'[^']*'/g, '""');
    for (const filter of bare.matchAll(/\|\s*([A-Za-z_][\w-]*)/g)) {
      const name = filter[1]!;
      if (engine.filters[name]) continue;
      warn(
        context,
        sourceAt(lines, text, markup.index),
        'markdown/liquid-filter',
        `The Liquid filter "${name}" is not known to pylon-kb: the value is published unfiltered.`,
        'Write the value you want readers to see.',
      );
    }
  }
}

function tagNames(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(/\{%-?\s*([A-Za-z_][\w-]*)/g)) {
      const name = match[1]!;
      if (!name.startsWith('end')) names.add(name);
    }
  return names;
}

/** A tag written back as the author wrote it. */
class PassedTag extends Tag {
  private readonly text: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.text = token.getText();
  }
  render(): string {
    return this.text;
  }
}

/** A block tag written back with its tags as written; its content is rendered (`raw`'s is not). */
function passedBlock(name: string) {
  return class PassedBlock extends Tag {
    private readonly open: string;
    private close = '';
    private readonly templates: Template[] = [];
    private readonly verbatim: string[] = [];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid);
      this.open = token.getText();
      while (remain.length > 0) {
        const next = remain.shift()!;
        if ((next as TagToken).name === `end${name}`) {
          this.close = next.getText();
          return;
        }
        if (name === 'raw') this.verbatim.push(next.getText());
        else this.templates.push(parser.parseToken(next, remain));
      }
      throw new Error(`{% ${name} %} is not closed`);
    }
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const inner =
        name === 'raw'
          ? this.verbatim.join('')
          : ((yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string);
      return `${this.open}${inner}${this.close}`;
    }
  };
}

/** The included files the I/O edge read, as the engine's file system: `_includes/` first, as Jekyll looks. */
function includeFs(context: LiquidEngineContext): FS {
  const textOf = (path: string) => {
    const file = context.includes.get(path);
    return file && 'text' in file ? file.text : undefined;
  };
  return {
    exists: async (path: string) => textOf(path) !== undefined,
    existsSync: (path: string) => textOf(path) !== undefined,
    readFile: async (path: string) => readOrThrow(textOf(path), path),
    readFileSync: (path: string) => readOrThrow(textOf(path), path),
    resolve: (_dir: string, file: string) => {
      const candidates = includeCandidates('liquid', file, context.file) ?? [];
      return candidates.find((path) => textOf(path) !== undefined) ?? candidates[0] ?? file;
    },
    contains: async () => true,
    containsSync: () => true,
    sep: '/',
    dirname: (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/'))),
  } as FS;
}

function readOrThrow(text: string | undefined, path: string): string {
  if (text === undefined) throw new Error(`the include ${path} was not found`);
  return withoutFrontmatter(text);
}

function withoutFrontmatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

function includedTexts(includes: IncludeLookup): string[] {
  return [...includes.values()].flatMap((file) => ('text' in file ? [file.text] : []));
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/, line:\d+, col:\d+$/, '');
}

function lineOf(error: unknown, lines: readonly SourceLine[]): number {
  const line = (error as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.()[0];
  return line === undefined ? (lines[0]?.source ?? 1) : (lines[line - 1]?.source ?? lines[0]?.source ?? 1);
}

function sourceAt(lines: readonly SourceLine[], text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return lines[line]?.source ?? 1;
}
