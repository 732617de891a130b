import { type Environment, execute, ReturnSignal, type TemplateFunction } from './go-template/evaluate.js';
import { coreFunctions } from './go-template/functions.js';
import { type ParsedTemplate, parseTemplate } from './go-template/parse.js';
import { field, HugoObject, SafeHtml, toText, Unsupported } from './go-template/values.js';
import type { TagArgs } from './tag-args.js';

/**
 * What a Hugo shortcode template sees: the shortcode (`.Get`, `.Inner`, `.Name`, `.Params`, `.Page`,
 * `.Site`, `.Position`), its page (`.Params`, `.Title`, `.Param`, `.RenderString`), the site (`.Params`,
 * `.Title`, `.BaseURL`), and Hugo's functions that read the site: `partial` of a repository partial,
 * `relref` / `ref`, `relURL` / `absURL`, `readFile`, `markdownify`, `site`. Pure: the templates and files
 * are handed in by the I/O edge.
 */

/** The site's own templates, read by the I/O edge (content/read-templates.ts). */
export interface SiteTemplates {
  /** Shortcode templates by name: `note` for `layouts/shortcodes/note.html` (or `layouts/_shortcodes/`). */
  shortcodes: ReadonlyMap<string, string>;
  /** Partial templates by path inside `layouts/partials/` (or `layouts/_partials/`): `blocks/alert.html`. */
  partials: ReadonlyMap<string, string>;
  /** Files `readFile` may read, by path from the site root. */
  files?: ReadonlyMap<string, string> | undefined;
}

export interface ShortcodeCall {
  name: string;
  args: TagArgs;
  inner: string | undefined;
  file: string;
  line: number;
  /** The page's frontmatter and the site's configuration (its `params` among them). */
  page: Readonly<Record<string, unknown>>;
  site: Readonly<Record<string, unknown>>;
  templates: SiteTemplates;
  /** Markdown to HTML (`markdownify`, `.Page.RenderString`); a single paragraph loses its `<p>` when `inline`. */
  markdownToHtml(markdown: string, inline: boolean): string;
}

const MAX_PARTIAL_DEPTH = 12;
const PARSED = new Map<string, ParsedTemplate>();

/** Parses once per template text (a site's templates are parsed once, not once per call). */
export function parsedTemplate(text: string): ParsedTemplate {
  let parsed = PARSED.get(text);
  if (!parsed) {
    parsed = parseTemplate(text);
    if (PARSED.size > 500) PARSED.clear();
    PARSED.set(text, parsed);
  }
  return parsed;
}

/** Renders a shortcode from its template; Unsupported / TemplateError when the template needs more. */
export function renderShortcode(template: string, call: ShortcodeCall): string {
  const siteObject = siteOf(call);
  const pageObject = pageOf(call, siteObject);
  const named = Object.keys(call.args.named).length > 0;
  const shortcode = new HugoObject('the shortcode', {
    Get: (key: unknown) =>
      typeof key === 'number' ? call.args.positional[key] : call.args.named[toText(key).toLowerCase()],
    Inner: new SafeHtml(call.inner ?? ''),
    InnerDeindent: new SafeHtml(deindent(call.inner ?? '')),
    Name: call.name,
    Params: named ? call.args.named : call.args.positional,
    IsNamedParams: named,
    Page: pageObject,
    Site: siteObject,
    Position: `${call.file}:${call.line}`,
    Ordinal: 0,
    Parent: null,
  });
  const environment: Environment = { functions: functionsFor(call, siteObject, 0) };
  return execute(parsedTemplate(template), shortcode, environment);
}

function siteOf(call: ShortcodeCall): HugoObject {
  const params = (call.site.params as Record<string, unknown> | undefined) ?? {};
  return new HugoObject('the site', {
    Params: params,
    Title: call.site.title ?? '',
    BaseURL: call.site.baseURL ?? call.site.baseurl ?? '',
    LanguageCode: call.site.languageCode ?? '',
    Data: call.site.data ?? {},
    Param: (key: unknown) => field(params, toText(key)),
  });
}

function pageOf(call: ShortcodeCall, site: HugoObject): HugoObject {
  const params = call.page;
  return new HugoObject('the page', {
    Params: params,
    Title: params.title ?? '',
    LinkTitle: params.linkTitle ?? params.title ?? '',
    Description: params.description ?? '',
    Draft: params.draft === true,
    Site: site,
    IsPage: true,
    Kind: 'page',
    Param: (key: unknown) => field(params, toText(key)) ?? field(site.fields.Params, toText(key)),
    RenderString: (...args: unknown[]) => {
      const options = args.length > 1 ? (args[0] as Record<string, unknown> | null) : null;
      const block = options !== null && typeof options === 'object' && field(options, 'display') === 'block';
      return new SafeHtml(call.markdownToHtml(toText(args[args.length - 1]), !block));
    },
  });
}

function functionsFor(call: ShortcodeCall, site: HugoObject, depth: number): Map<string, TemplateFunction> {
  const fns = coreFunctions();
  const link = (args: unknown[]) => {
    const target = args[args.length - 1];
    const path = typeof target === 'object' && target !== null ? field(target, 'path') : target;
    return toText(path).replace(/ /g, '%20');
  };
  for (const name of ['relref', 'ref', 'urls.RelRef', 'urls.Ref']) fns.set(name, link);
  // Site URLs are resolved against the docs tree: the prefix the site is served under is left out.
  for (const name of ['relURL', 'absURL', 'relLangURL', 'absLangURL', 'urls.RelURL', 'urls.AbsURL'])
    fns.set(name, ([path]) => toText(path));
  fns.set('markdownify', ([text]) => new SafeHtml(call.markdownToHtml(toText(text), true)));
  fns.set('transform.Markdownify', fns.get('markdownify')!);
  fns.set('site', () => site);
  // `hugo.Data` is the site's `data/` folder; the build's own facts (version, environment) are not known.
  fns.set('hugo', () => new HugoObject('hugo', { Data: site.fields.Data }));
  fns.set('urls.JoinPath', (parts) =>
    parts
      .flat()
      .map((part, i) => (i === 0 ? toText(part).replace(/\/+$/, '') : toText(part).replace(/^\/+|\/+$/g, '')))
      .join('/'),
  );
  for (const name of ['readFile', 'os.ReadFile']) {
    fns.set(name, ([path]) => {
      const wanted = toText(path).replace(/^\.?\//, '');
      const text = call.templates.files?.get(wanted);
      if (text === undefined) throw new Unsupported(`readFile "${wanted}" (not found in the repository)`);
      return text;
    });
  }
  for (const name of ['partial', 'partialCached', 'partials.Include', 'partials.IncludeCached']) {
    fns.set(name, ([partialName, context]) => {
      if (depth >= MAX_PARTIAL_DEPTH) throw new Unsupported('partials nested too deeply');
      const template = partialTemplate(call.templates, toText(partialName));
      if (template === undefined) throw new Unsupported(`the partial "${toText(partialName)}"`);
      const environment = { functions: functionsFor(call, site, depth + 1) };
      try {
        return new SafeHtml(execute(parsedTemplate(template), context, environment));
      } catch (signal) {
        if (signal instanceof ReturnSignal) return signal.value;
        throw signal;
      }
    });
  }
  return fns;
}

function partialTemplate(templates: SiteTemplates, name: string): string | undefined {
  const path = name.replace(/^\/+/, '').replace(/^partials\//, '');
  return templates.partials.get(path) ?? templates.partials.get(`${path}.html`);
}

function deindent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const least = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(least, /^[ \t]*/.exec(l)![0].length))).join('\n');
}
