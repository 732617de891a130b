import type { SiteVariables } from '../markdown/syntax/index.js';
import { SITES } from '../sites/index.js';
import { readJsonData, readYamlData } from '../sites/static-data.js';
import type { SiteFile } from '../sites/types.js';

/**
 * Site configuration files whose values Liquid's `{{ site.x }}` and Hugo's `param` read: every
 * generator's `variableFiles`, in registry order.
 */
export const VARIABLE_FILES: readonly string[] = [...new Set(SITES.flatMap((site) => site.variableFiles))];

/**
 * `site` data from the configuration of the first generator whose variable files are there (Jekyll's
 * `_config.yml`; Hugo's root file and configuration directory merged, `params.toml` as `params`), read the
 * way that generator reads them. Read as data, never executed.
 */
export function siteVariablesFrom(files: readonly SiteFile[]): SiteVariables['site'] {
  for (const site of SITES) {
    const own = site.variableFiles.flatMap((name) => files.filter((f) => f.path === name));
    if (own.length === 0) continue;
    const value = site.readVariables ? site.readVariables(own) : firstData(own);
    if (value) return value;
  }
  return undefined;
}

/** The first file that holds a mapping (JSON or YAML). */
function firstData(files: readonly SiteFile[]): Record<string, unknown> | undefined {
  for (const file of files) {
    const value = file.path.endsWith('.json') ? readJsonData(file.text) : readYamlData(file.text)?.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  }
  return undefined;
}

/** What Liquid's `site.pages` is made from: a document of the tree. */
export interface SitePageSource {
  path: string;
  markdown: string;
  title?: string;
  frontmatter?: Readonly<Record<string, unknown>> | undefined;
  siteUrls?: readonly string[] | undefined;
}

/**
 * Jekyll's `site.pages`: each document's frontmatter with its `title`, `path`, `name` and `url` (the URL
 * the site serves it at, else its path, which pylon-kb resolves to the article).
 */
export function sitePagesOf(docs: readonly SitePageSource[]): Record<string, unknown>[] {
  return docs.map((doc) => ({
    ...doc.frontmatter,
    title: doc.title ?? doc.frontmatter?.title,
    path: doc.path,
    name: doc.path.split('/').pop(),
    url: doc.siteUrls?.[0] ?? `/${doc.path}`,
  }));
}
