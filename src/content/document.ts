import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { firstHeading } from '../markdown/render.js';
import { VISIBILITIES } from '../pylon-api/index.js';
import { FieldReader } from './field-reader.js';
import { readFrontmatter } from './frontmatter.js';
import { stripMarkdownExtension } from './markdown-path.js';
import { readPulledFrom } from './pulled-from.js';
import { baseName, parentFolder, slugify, splitNumberPrefix, titleFromName } from './slug.js';
import { checkTitle, titleLine } from './title-rules.js';
import type { LocalDoc, SourceFile } from './types.js';

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
  /** Strip `01-` style ordering prefixes from file names (default true). */
  stripNumberPrefix?: boolean | undefined;
  /** Extra frontmatter keys to accept silently (e.g. keys another tool reads). */
  extraKeys?: readonly string[] | undefined;
}

export interface ParsedDocument {
  /** Null when the file has errors; warnings alone still give a document. */
  doc: LocalDoc | null;
  diagnostics: Diagnostic[];
  /** Absolute line of each frontmatter key, for diagnostics raised later (duplicate slugs, ids). */
  fieldLines: Record<string, number>;
}

/** Parses one Markdown file: safe frontmatter, validated fields, and the defaults for what is missing. */
export function parseDocument(file: SourceFile, options: ParseDocumentOptions = {}): ParsedDocument {
  const { frontmatter, diagnostics } = readFrontmatter(file);
  if (!frontmatter) return { doc: null, diagnostics, fieldLines: {} };

  const fm = new FieldReader(frontmatter.fields, file.path, 'frontmatter/type');
  fm.warnUnknownKeys(DOCUMENT_KEYS, 'frontmatter/unknown-key', options.extraKeys);

  const fromName = splitNumberPrefix(baseName(file.path), options.stripNumberPrefix !== false);
  const title = fm.string('title') ?? firstHeading(frontmatter.body) ?? titleFromName(fromName.name);
  const slug = fm.has('slug') ? fm.slug('slug') : slugFromFileName(fm, file.path, fromName.name);
  const published = readPublished(fm);
  const order = fm.number('order') ?? fm.number('sidebar_position') ?? fromName.order;
  const author = fm.string('author');
  const visibility = fm.oneOf('visibility', VISIBILITIES);
  const description = fm.string('description');
  const key = fm.string('id') ?? keyFromPath(file.path);
  const unlisted = fm.boolean('unlisted') ?? false;
  const redirectFrom = fm.stringList('redirect_from') ?? [];

  const pulled = readPulledFrom(frontmatter.fields, file.path);
  diagnostics.push(...fm.diagnostics, ...pulled.diagnostics);
  const badTitle = checkTitle(title, { file: file.path, ...titleLine(fm, frontmatter) });
  if (badTitle) diagnostics.push(badTitle);
  diagnostics.sort(byLine);
  const fieldLines = Object.fromEntries([...frontmatter.fields].map(([name, field]) => [name, field.line]));
  if (diagnostics.some((d) => d.severity === 'error')) return { doc: null, diagnostics, fieldLines };

  const doc: LocalDoc = {
    key,
    path: file.path,
    collectionKey: parentFolder(file.path),
    title,
    slug: slug ?? '',
    published,
    unlisted,
    redirectFrom,
    markdown: frontmatter.body,
    bodyStartLine: frontmatter.bodyStartLine,
    ...(frontmatter.fields.size > 0 && {
      frontmatter: Object.fromEntries([...frontmatter.fields].map(([name, field]) => [name, field.value])),
    }),
    ...(author !== undefined && { author: { value: author, line: fm.line('author') ?? 1 } }),
    ...(visibility !== undefined && { visibility }),
    ...(order !== undefined && { order }),
    ...(description !== undefined && { description }),
    ...(pulled.pulledFrom !== undefined && { pulledFrom: pulled.pulledFrom }),
  };
  return { doc, diagnostics, fieldLines };
}

function byLine(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

function slugFromFileName(fm: FieldReader, path: string, name: string): string | undefined {
  const slug = slugify(name);
  if (slug) return slug;
  fm.error(
    'slug',
    `Cannot make a slug from the file name "${baseName(path)}".`,
    'Add a `slug:` to the frontmatter, e.g. slug: getting-started',
  );
  return undefined;
}

/** `published` (default true) and its inverse `draft`; both given and contradicting each other is an error. */
function readPublished(fm: FieldReader): boolean {
  const published = fm.boolean('published');
  const draft = fm.boolean('draft');
  if (published !== undefined && draft !== undefined && published === draft) {
    fm.error(
      'draft',
      `published: ${published} and draft: ${draft} contradict each other.`,
      'Keep only one of them: `draft: true` is the same as `published: false`.',
    );
  }
  if (published !== undefined) return published;
  if (draft !== undefined) return !draft;
  return true;
}
