import { digestOf } from '../identity/digest.js';
import {
  type IncludeLookup,
  includeRequests,
  presetKey,
  type SiteTemplates,
  type SnippetSettings,
  type SyntaxOptions,
  type SyntaxPreset,
} from '../markdown/syntax/index.js';
import type { LocalDoc } from './types.js';

/** What rendering site syntax needs beyond the document itself; the I/O edge reads it (read-includes.ts). */
export interface SyntaxInputs {
  /** The constructs the site's pages may use (its definition's preset); default the renderer's. */
  syntax?: SyntaxPreset | undefined;
  /** `site` variables from the site's configuration file. */
  siteVariables?: Readonly<Record<string, unknown>> | undefined;
  /** Included files by path relative to the content directory. */
  includes?: IncludeLookup | undefined;
  /** MkDocs' pymdownx.snippets settings, with the site root relative to the content directory. */
  snippets?: SnippetSettings | undefined;
  /** The site's own shortcode and partial templates (Hugo's `layouts/`). */
  templates?: SiteTemplates | undefined;
  /** The files beside the pages that name their bundle's images (`imgproc`), by page path. */
  pageFiles?: ReadonlyMap<string, readonly string[]> | undefined;
  /** The content directory's folder and the one above it, by name (SyntaxOptions.contentTrail). */
  contentTrail?: readonly string[] | undefined;
}

type SyntaxDoc = Pick<LocalDoc, 'path' | 'markdown' | 'title'> & {
  frontmatter?: Readonly<Record<string, unknown>>;
};

/** `.mdx`, and `.md` where the site parses it with the MDX grammar (`md-as-mdx`, Docusaurus), are MDX. */
export function formatOf(path: string, syntax: SyntaxPreset | undefined): 'md' | 'mdx' {
  if (/\.mdx$/i.test(path)) return 'mdx';
  return syntax?.has('md-as-mdx') === true && /\.md$/i.test(path) ? 'mdx' : 'md';
}

export function syntaxOptionsFor(doc: SyntaxDoc, inputs: SyntaxInputs = {}): SyntaxOptions {
  return {
    format: formatOf(doc.path, inputs.syntax),
    syntax: inputs.syntax,
    variables: { site: inputs.siteVariables, page: { title: doc.title, ...doc.frontmatter } },
    includes: inputs.includes,
    snippets: inputs.snippets,
    templates: inputs.templates,
    pageFiles: inputs.pageFiles?.get(doc.path),
    contentTrail: inputs.contentTrail,
  };
}

/** The part of a rendering's cache key the syntax inputs make: they change, the rendering changes. */
export function syntaxCacheKey(doc: SyntaxDoc, inputs: SyntaxInputs = {}): string {
  const parts = [inputs.syntax ? presetKey(inputs.syntax) : '-', formatOf(doc.path, inputs.syntax)];
  if (doc.markdown.includes('{{'))
    parts.push(
      digestOf(JSON.stringify(inputs.siteVariables ?? null), JSON.stringify(doc.frontmatter ?? null)),
    );
  if (inputs.snippets) parts.push(digestOf(JSON.stringify(inputs.snippets)));
  if (inputs.templates && /\{\{[<%]/.test(doc.markdown)) parts.push(templatesDigest(inputs.templates));
  const pageFiles = inputs.pageFiles?.get(doc.path);
  if (pageFiles) parts.push(digestOf(JSON.stringify(pageFiles)));
  const requests = inputs.includes ? includeRequests(doc.markdown, doc.path, inputs.snippets) : [];
  if (requests.length > 0 && inputs.includes)
    parts.push(includesDigest(inputs.includes), (inputs.contentTrail ?? []).join('/'));
  return parts.join(':');
}

const INCLUDES_DIGESTS = new WeakMap<IncludeLookup, string>();

/** One digest of every included file, computed once per lookup (any change re-renders the includers). */
function includesDigest(includes: IncludeLookup): string {
  let digest = INCLUDES_DIGESTS.get(includes);
  if (digest === undefined) {
    digest = digestOf(JSON.stringify([...includes].sort(([a], [b]) => (a < b ? -1 : 1))));
    INCLUDES_DIGESTS.set(includes, digest);
  }
  return digest;
}

const TEMPLATES_DIGESTS = new WeakMap<SiteTemplates, string>();

/** One digest of the site's templates (any change re-renders the pages that call a shortcode). */
function templatesDigest(templates: SiteTemplates): string {
  let digest = TEMPLATES_DIGESTS.get(templates);
  if (digest === undefined) {
    digest = digestOf(
      JSON.stringify([[...templates.shortcodes], [...templates.partials], [...(templates.files ?? [])]]),
    );
    TEMPLATES_DIGESTS.set(templates, digest);
  }
  return digest;
}
