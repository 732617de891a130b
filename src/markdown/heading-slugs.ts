import { slug as githubSlug } from 'github-slugger';

/**
 * How a site generator turns heading text into an id, so that links written for the site (`#caret-mark-tilde`)
 * land on the published heading:
 * - `github`: github-slugger (GitHub, Docusaurus, Hugo's goldmark `github` type, kramdown's GFM parser,
 *   Mintlify, GitBook). `Caret, Mark & Tilde` → `caret-mark--tilde`; repeats get `-1`, `-2`.
 * - `python-markdown`: the toc extension's `slugify` (MkDocs): NFKD to ASCII, drop what is not a word
 *   character, space or `-`, lower-case, collapse runs of spaces and `-` into one `-`. → `caret-mark-tilde`;
 *   repeats get `_1`, `_2`.
 * - `mdit-vue`: VitePress's slugify (@mdit-vue/shared): diacritics removed, runs of punctuation and spaces become one `-`,
 *   `-` trimmed, a leading digit prefixed with `_`, lower-cased. `Provide / Inject` → `provide-inject`.
 */
export const HEADING_ID_RULES = ['github', 'python-markdown', 'mdit-vue'] as const;
export type HeadingIdRule = (typeof HEADING_ID_RULES)[number];

const VITEPRESS_SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;

export function headingSlug(text: string, rule: HeadingIdRule): string {
  if (rule === 'python-markdown') {
    const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
    return ascii
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[-\s]+/g, '-');
  }
  if (rule === 'mdit-vue') {
    return text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .replace(/[\u0000-\u001f]/g, '')
      .replace(VITEPRESS_SPECIAL, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(\d)/, '_$1')
      .toLowerCase();
  }
  return githubSlug(text);
}

/**
 * Makes ids unique within one page the way the rule's generator does: the first free `base-1`, `base-2` …
 * (`base_1` … for Python-Markdown). The search for a base resumes where its last one stopped (every
 * number below it is still taken), so a page of 10,000 equal headings costs 10,000 steps, not 50 million.
 */
export class HeadingSlugger {
  private readonly taken = new Set<string>();
  /** The number the next search for a repeated base starts from. */
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly rule: HeadingIdRule) {}

  slug(text: string): string {
    const base = headingSlug(text, this.rule);
    const separator = this.rule === 'python-markdown' ? '_' : '-';
    // Python-Markdown never gives an empty id: an empty base is numbered from the first.
    const free = (id: string) => !this.taken.has(id) && !(this.rule === 'python-markdown' && id === '');
    let id = base;
    if (!free(id)) {
      let n = this.nextNumber.get(base) ?? 1;
      while (!free(`${base}${separator}${n}`)) n++;
      id = `${base}${separator}${n}`;
      this.nextNumber.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}
