import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { firstHeading } from '../markdown/render.js';
import { VISIBILITIES } from '../pylon-api/index.js';
import { isGenerator, type PageInput, type SiteContext } from '../sites/index.js';
import { readAuthor, readOrder, readPublished, readSlug } from './document-fields.js';
import { FieldReader } from './field-reader.js';
import { readFrontmatter } from './frontmatter.js';
import { stripMarkdownExtension } from './markdown-path.js';
import { readPulledFrom } from './pulled-from.js';
import { redirectPathProblem } from './redirect-paths.js';
import { baseName, parentFolder, splitNumberPrefix, titleFromName } from './slug.js';
import { checkTitle, titleLine } from './title-rules.js';
import type { LocalDoc, SourceFile } from './types.js';
import type { Fields } from './yaml-fields.js';

export const DOCUMENT_KEYS = [
  'title',
  'slug',
  'id',
  'author',
  'published',
  'draft',
  'unlisted',
  'visibility',
  'order',
  'redirect_from',
  'description',
  'sidebar_position',
  'pulled_from',
] as const;

/** The key a document gets when its frontmatter sets no `id`: its path without the Markdown extension. */
export function keyFromPath(path: string): string {
  return stripMarkdownExtension(path);
}

export interface ParseDocumentOptions {
  /** Strip `01-` style ordering prefixes from file names (default true, or the site's rule). */
  stripNumberPrefix?: boolean | undefined;
  /** Extra frontmatter keys to accept silently (e.g. keys another tool reads). */
  extraKeys?: readonly string[] | undefined;
  /** The site generator's conventions (keys, URLs, redirect keys, lenient YAML). */
  site?: SiteContext | undefined;
}

/** Keys that order pages in the generators: the first one given wins, after pylon-kb's own `order`. */
export interface ParsedDocument {
  /** Null when the file has errors; warnings alone still give a document. */
  doc: LocalDoc | null;
  diagnostics: Diagnostic[];
  /** Absolute line of each frontmatter key, for diagnostics raised later (duplicate slugs, ids). */
  fieldLines: Record<string, number>;
  /** For a file with errors: its body, still checked for its own problems (links, images). */
  body?: { markdown: string; bodyStartLine: number };
  /** The site builds no page from the file: it is left out, like an excluded file (with a warning). */
  notRendered?: boolean;
}

/** Parses one Markdown file: safe frontmatter, validated fields, and the defaults for what is missing. */
export function parseDocument(
  file: SourceFile,
  options: ParseDocumentOptions & { isIndex?: boolean; folderTitle?: string } = {},
): ParsedDocument {
  const site = options.site?.definition;
  const read = readFrontmatter(file, { lenient: isGenerator(site) });
  const { frontmatter, diagnostics } = read;
  if (!frontmatter) return { doc: null, diagnostics, fieldLines: {}, ...(read.body && { body: read.body }) };

  const fm = new FieldReader(frontmatter.fields, file.path, 'frontmatter/type');
  fm.warnUnknownKeys(
    [...DOCUMENT_KEYS, ...(site?.frontmatterKeys ?? [])],
    'frontmatter/unknown-key',
    options.extraKeys,
  );

  const strip = options.stripNumberPrefix ?? site?.stripNumberPrefix ?? true;
  const fromName = splitNumberPrefix(baseName(file.path), strip);
  const isIndex = options.isIndex === true;
  const input = pageInput(file.path, frontmatter.fields, isIndex);
  const page = site && options.site ? site.page(input, options.site.data) : undefined;
  const body = withLayoutText(frontmatter, site?.frontmatterMarkdown?.(input.fields));
  if (page?.notRendered) return notRendered(file.path, page.notRendered, fm.line(page.notRendered.key));
  const title =
    fm.string('title') ?? firstHeading(body.markdown) ?? options.folderTitle ?? titleFromName(fromName.name);
  const slug = readSlug(
    fm,
    file.path,
    isIndex ? folderName(file.path, strip) : fromName.name,
    page?.slug,
    site,
  );
  const published = readPublished(fm);
  const order = readOrder(fm, site) ?? page?.order ?? fromName.order;
  const authorField = readAuthor(fm, file.path);
  const author = authorField.value;
  if (authorField.warning) diagnostics.push(authorField.warning);
  const visibility = fm.oneOf('visibility', VISIBILITIES);
  const description = fm.string('description');
  // Docusaurus's `id` names the doc inside its folder (and its URL), not a pylon-kb identity.
  const ownId = site?.frontmatterKeys.includes('id') ? undefined : fm.string('id');
  const key = ownId ?? keyFromPath(file.path);
  const unlisted = fm.boolean('unlisted') ?? false;
  const declared = [...(fm.stringList('redirect_from') ?? []), ...(page?.redirects ?? [])];
  for (const path of declared) {
    const problem = redirectPathProblem(path);
    if (!problem) continue;
    diagnostics.push({
      severity: 'error',
      code: 'frontmatter/redirect-path',
      message: `The redirect path "${path}" ${problem}.`,
      file: file.path,
      line: fm.line('redirect_from') ?? fm.line('aliases') ?? 1,
      field: fm.has('redirect_from') ? 'redirect_from' : 'aliases',
      hint: 'List the old paths of this page on the help center, e.g. redirect_from: ["/articles/1234567890-old-title"].',
    });
  }
  const redirectFrom = unique(declared.map(asUrlPath));

  const pulled = readPulledFrom(frontmatter.fields, file.path);
  diagnostics.push(...fm.diagnostics, ...pulled.diagnostics);
  const badTitle = checkTitle(title, { file: file.path, ...titleLine(fm, frontmatter) });
  if (badTitle) diagnostics.push(badTitle);
  diagnostics.sort(byLine);
  const fieldLines = Object.fromEntries([...frontmatter.fields].map(([name, field]) => [name, field.line]));
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { doc: null, diagnostics, fieldLines, body };
  }

  const doc: LocalDoc = {
    key,
    path: file.path,
    collectionKey: parentFolder(file.path),
    title,
    slug: slug ?? '',
    published,
    unlisted,
    redirectFrom,
    markdown: body.markdown,
    bodyStartLine: body.bodyStartLine,
    ...(frontmatter.fields.size > 0 && {
      frontmatter: Object.fromEntries([...frontmatter.fields].map(([name, field]) => [name, field.value])),
    }),
    ...(page && { siteUrls: page.urls }),
    ...(isIndex && { isIndex }),
    ...(author !== undefined && { author: { value: author, line: fm.line('author') ?? 1 } }),
    ...(visibility !== undefined && { visibility }),
    ...(order !== undefined && { order }),
    ...(description !== undefined && { description }),
    ...(pulled.pulledFrom !== undefined && { pulledFrom: pulled.pulledFrom }),
  };
  return { doc, diagnostics, fieldLines };
}

function notRendered(
  path: string,
  why: { key: string; reason: string },
  line: number | undefined,
): ParsedDocument {
  const diagnostic: Diagnostic = {
    severity: 'warning',
    code: 'site/not-rendered',
    message: `The site builds no page from this file (${why.reason}): it is not published.`,
    file: path,
    line: line ?? 1,
    field: why.key,
    hint: 'Pages that include it still show its text. Remove the setting to publish it as an article.',
  };
  return { doc: null, diagnostics: [diagnostic], fieldLines: {}, notRendered: true };
}

function byLine(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * The body with the Markdown the site's layout makes of the frontmatter before it. Its lines stand for the
 * frontmatter's last lines (the body's own lines keep their numbers), from line 1 at the earliest.
 */
function withLayoutText(
  frontmatter: { body: string; bodyStartLine: number },
  layoutText: string | undefined,
): { markdown: string; bodyStartLine: number } {
  if (layoutText === undefined)
    return { markdown: frontmatter.body, bodyStartLine: frontmatter.bodyStartLine };
  const added = `${layoutText.replace(/\n*$/, '')}\n\n`;
  return {
    markdown: `${added}${frontmatter.body}`,
    bodyStartLine: Math.max(1, frontmatter.bodyStartLine - (added.split('\n').length - 1)),
  };
}

function pageInput(path: string, fields: Fields, isIndex: boolean): PageInput {
  return {
    path,
    isIndex,
    fields: Object.fromEntries([...fields].map(([name, field]) => [name, field.value])),
  };
}

function folderName(path: string, strip: boolean): string {
  const folder = parentFolder(path) ?? '';
  return splitNumberPrefix(folder.slice(folder.lastIndexOf('/') + 1), strip).name || 'home';
}

/** Redirect paths as Pylon route redirects take them: with a leading `/`. */
function asUrlPath(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
