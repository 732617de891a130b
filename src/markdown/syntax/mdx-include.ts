import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { includeCandidates } from './include-paths.js';
import type { IncludeLookup } from './includes.js';
import { attribute, type JsxElement } from './jsx.js';
import type { SyntaxFinding } from './scan-context.js';

/**
 * Fumadocs MDX's `<include>file</include>`: the named file (relative to the page) in the page's place, a
 * Markdown/MDX file as content of the page, any other file as a code block (language from `lang` or the
 * extension, `meta` as the fence's meta). A `#section` suffix is not read: the whole file is included.
 * A file that cannot be read keeps its path as text (as code), with a warning.
 */
export const FUMADOCS_INCLUDE = /<include\b[^>]*>([^<]+)<\/include>/g;

/** The candidate paths the `<include>` elements of a page name, for the I/O edge to read. */
export function fumadocsIncludeRequests(markdown: string, including: string): string[] {
  if (!markdown.includes('<include')) return [];
  return [...markdown.matchAll(FUMADOCS_INCLUDE)].flatMap(
    (match) => includeCandidates('mdx', withoutSection(match[1] ?? ''), including) ?? [],
  );
}

function withoutSection(path: string): string {
  return path.trim().replace(/#[^/]*$/, '');
}

export interface IncludeElementContext {
  file: string;
  includes: IncludeLookup;
  findings: SyntaxFinding[];
  /** Parses and maps an included Markdown file as the page's own content. */
  parseIncluded(text: string, line: number): Root;
}

export function includeElement(
  element: JsxElement,
  line: number,
  context: IncludeElementContext,
): RootContent[] {
  const written = mdastToString(element).trim();
  const path = withoutSection(written);
  const candidates = includeCandidates('mdx', path, context.file);
  const found = candidates?.map((c) => context.includes.get(c)).find((f) => f && 'text' in f);
  if (!found || !('text' in found)) {
    context.findings.push({
      line,
      code: candidates === null ? 'markdown/include-outside' : 'markdown/include-missing',
      ...(candidates === null && { severity: 'error' as const }),
      message: `The included file "${written}" ${candidates === null ? 'leaves the docs tree' : 'was not found'}: only its path is published.`,
      hint: 'Fix the path; it is relative to the including page (with `cwd`, to the site root).',
    });
    return written === '' ? [] : [{ type: 'paragraph', children: [{ type: 'inlineCode', value: written }] }];
  }
  if (path !== written) {
    context.findings.push({
      line,
      code: 'markdown/include-region',
      message: `Only whole files are included: "${written}" is published with all of ${path}.`,
      hint: 'Move the section into a file of its own and include that.',
    });
  }
  if (/\.mdx?$/i.test(path)) {
    const text = found.text.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
    return context.parseIncluded(text, line).children;
  }
  const lang = attribute(element, 'lang');
  const meta = attribute(element, 'meta');
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1];
  return [
    {
      type: 'code',
      lang: typeof lang === 'string' ? lang : (extension ?? null),
      meta: typeof meta === 'string' ? meta : null,
      value: found.text.replace(/\r?\n$/, ''),
    },
  ];
}
