/** The frontmatter fields with rules of their own: the slug, the order, `published` and `draft`. */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isGenerator, OWN_ORDER_KEYS, type SiteDefinition } from '../sites/index.js';
import type { FieldReader } from './field-reader.js';
import { baseName, slugify } from './slug.js';

/** The slug: frontmatter `slug`, or the site's (a Docusaurus `slug: /deploy` → `deploy`), or the file name. */
export function readSlug(
  fm: FieldReader,
  path: string,
  name: string,
  siteSlug: string | undefined,
  site: SiteDefinition | undefined,
): string | undefined {
  if (isGenerator(site)) {
    const given = siteSlug ?? (fm.has('slug') ? fm.raw('slug') : undefined);
    const slug = typeof given === 'string' ? slugify(given) : '';
    if (slug) return slug;
    return slugFromFileName(fm, path, name);
  }
  return fm.has('slug') ? fm.slug('slug') : slugFromFileName(fm, path, name);
}

export function readOrder(fm: FieldReader, site: SiteDefinition | undefined): number | undefined {
  const keys = site?.orderKeys ?? OWN_ORDER_KEYS;
  for (const key of keys) {
    const value = fm.has(key) ? fm.number(key) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
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
export function readPublished(fm: FieldReader): boolean {
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

/**
 * Frontmatter `author` as pylon-kb reads it: text naming a Pylon user. Sites write their own kinds of
 * author (an object with a name and a link, a list of authors): the generator accepts them, so pylon-kb
 * does too. It warns and uses the default author (an error only when there is none: `author/missing`).
 */
export function readAuthor(fm: FieldReader, path: string): { value?: string; warning?: Diagnostic } {
  if (!fm.has('author')) return {};
  const raw = fm.raw('author');
  if (typeof raw === 'string' && raw.trim() !== '') return { value: raw.trim() };
  if (raw === null || raw === undefined) return {};
  const kind = Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a mapping' : `a ${typeof raw}`;
  const line = fm.line('author');
  return {
    warning: {
      severity: 'warning',
      code: 'frontmatter/author-ignored',
      message: `author is ${kind}, not the text of one Pylon user: it is not used, the default author is.`,
      file: path,
      ...(line !== undefined && { line }),
      field: 'author',
      hint: 'Set defaultAuthor (or --author), map the site’s author in config authors, or write author: someone@example.com.',
    },
  };
}
