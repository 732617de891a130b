import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { OWN_ORDER_KEYS } from '../sites/index.js';
import { FieldReader } from './field-reader.js';
import { readFrontmatter } from './frontmatter.js';
import { checkSourceText } from './source-limits.js';
import { checkTitle } from './title-rules.js';
import type { SourceFile } from './types.js';
import { type Fields, readYamlFields } from './yaml-fields.js';

/** What a folder's metadata file says about its collection. */
export interface FolderMetadata {
  title?: string;
  description?: string;
  slug?: string;
  order?: number;
  source: { path: string; line?: number };
}

/** Metadata files, most specific first: when a folder has several, the first one wins. */
export const METADATA_FILE_NAMES = [
  '_index.md',
  '_index.markdown',
  'index.md',
  'index.markdown',
  '_category_.json',
  '_category_.yml',
  '_category_.yaml',
] as const;

export function isMetadataFileName(name: string): boolean {
  return (METADATA_FILE_NAMES as readonly string[]).includes(name.toLowerCase());
}

const INDEX_KEYS = ['title', 'description', 'slug', 'order', 'sidebar_position'];
const CATEGORY_KEYS = ['label', 'position', 'description', 'slug', 'link'];
/** Docusaurus keys that describe the sidebar, not the collection: accepted and ignored. */
const CATEGORY_SIDEBAR_KEYS = ['collapsed', 'collapsible', 'className', 'customProps', 'key'];

export interface FolderMetadataOptions {
  /**
   * The index page is also published as an article (a site's landing page): its own parse reports its
   * keys and YAML, so here they are read quietly, and the body is not "ignored".
   */
  alsoDocument?: boolean;
  /** Frontmatter keys the site generator defines (known, not "unknown key" warnings). */
  siteKeys?: readonly string[] | undefined;
  /** The site's order keys (default pylon-kb's own). */
  orderKeys?: readonly string[] | undefined;
}

export function readFolderMetadata(
  file: SourceFile,
  options: FolderMetadataOptions = {},
): {
  metadata: FolderMetadata | null;
  diagnostics: Diagnostic[];
} {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1).toLowerCase();
  return name.startsWith('_category_.')
    ? readCategoryFile(file, name.endsWith('.json'))
    : readIndexFile(file, options.alsoDocument === true, options.siteKeys, options.orderKeys);
}

/**
 * Hugo `_index.md` / `index.md` (and a site's index pages): the frontmatter describes the folder. Without
 * a site, a non-empty body is ignored with a warning; with one, the page is an article of its own.
 */
function readIndexFile(
  file: SourceFile,
  alsoDocument: boolean,
  siteKeys: readonly string[] | undefined,
  orderKeys: readonly string[] | undefined,
) {
  const read = readFrontmatter(file, { lenient: alsoDocument || siteKeys !== undefined });
  const { frontmatter } = read;
  const diagnostics = alsoDocument ? [] : read.diagnostics;
  if (!frontmatter) return { metadata: null, diagnostics };
  const fm = new FieldReader(frontmatter.fields, file.path, 'frontmatter/type');
  if (!alsoDocument) fm.warnUnknownKeys([...INDEX_KEYS, ...(siteKeys ?? [])], 'frontmatter/unknown-key');
  const plainSlug = alsoDocument ? undefined : fm.slug('slug');
  const metadata = collect(file, fm, {
    title: fm.string('title'),
    description: fm.string('description'),
    slug: plainSlug,
    order: orderOf(fm, orderKeys ?? OWN_ORDER_KEYS),
  });
  if (!alsoDocument) diagnostics.push(...fm.diagnostics);
  if (alsoDocument) return { metadata, diagnostics };
  if (frontmatter.body.trim() !== '') {
    diagnostics.push({
      severity: 'warning',
      code: 'collection/index-body',
      message: 'The body of a folder index file is not published: only its frontmatter is used.',
      file: file.path,
      line: frontmatter.bodyStartLine,
      hint: 'Move the text into its own Markdown file in this folder to publish it as an article.',
    });
  }
  return { metadata: hasErrors(diagnostics) ? null : metadata, diagnostics };
}

function orderOf(fm: FieldReader, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = fm.has(key) ? fm.number(key) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Docusaurus `_category_.json` / `.yml`: `label` → title, `position` → order, `link.description`. */
function readCategoryFile(file: SourceFile, isJson: boolean) {
  const unreadable = checkSourceText(file);
  if (unreadable) return { metadata: null, diagnostics: [unreadable] };
  const diagnostics: Diagnostic[] = isJson ? checkJson(file) : [];
  if (hasErrors(diagnostics)) return { metadata: null, diagnostics };
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  // JSON is read through the YAML parser too (valid JSON is valid YAML 1.2): that gives each key's line.
  const read = readYamlFields({
    text: file.text.replace(/^\uFEFF/, ''),
    file: file.path,
    firstLine: 1,
    code: 'collection/metadata',
    what: name,
  });
  diagnostics.push(...read.diagnostics);
  if (!read.fields) return { metadata: null, diagnostics };

  const meta = new FieldReader(read.fields, file.path, 'collection/metadata');
  meta.warnUnknownKeys(CATEGORY_KEYS, 'collection/unknown-key', CATEGORY_SIDEBAR_KEYS);
  const metadata = collect(file, meta, {
    title: meta.string('label'),
    description: meta.string('description') ?? linkDescription(read.fields, meta),
    slug: meta.slug('slug'),
    order: meta.number('position'),
  });
  diagnostics.push(...meta.diagnostics);
  return { metadata: hasErrors(diagnostics) ? null : metadata, diagnostics };
}

function linkDescription(fields: Fields, meta: FieldReader): string | undefined {
  const link = fields.get('link');
  if (!link || link.value === null || typeof link.value !== 'object' || Array.isArray(link.value))
    return undefined;
  const description = (link.value as Record<string, unknown>).description;
  if (description === undefined) return undefined;
  if (typeof description === 'string' && description.trim() !== '') return description.trim();
  meta.error(
    'link',
    'link.description must be a non-empty string.',
    'Write link: { description: "About this section" }',
  );
  return undefined;
}

function collect(
  file: SourceFile,
  reader: FieldReader,
  values: {
    title?: string | undefined;
    description?: string | undefined;
    slug?: string | undefined;
    order?: number | undefined;
  },
): FolderMetadata {
  const field = reader.line('title') !== undefined ? 'title' : 'label';
  const line = reader.line(field) ?? 1;
  if (values.title !== undefined) {
    const bad = checkTitle(values.title, { file: file.path, line, field, what: 'collection title' });
    if (bad) reader.report(bad);
  }
  return {
    source: { path: file.path, line },
    ...(values.title !== undefined && { title: values.title }),
    ...(values.description !== undefined && { description: values.description }),
    ...(values.slug !== undefined && { slug: values.slug }),
    ...(values.order !== undefined && { order: values.order }),
  };
}

/** JSON.parse for strictness (YAML would accept trailing commas and comments); errors get a line. */
function checkJson(file: SourceFile): Diagnostic[] {
  const text = file.text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    const message = String((error as Error).message);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    return [
      {
        severity: 'error',
        code: 'collection/metadata',
        message: `Invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}.`,
        file: file.path,
        line,
        hint: 'Fix the JSON syntax (double-quoted keys and strings, no trailing commas), or use _category_.yml.',
      },
    ];
  }
}
