/**
 * The data Liquid and Hugo read: `site` (Jekyll's `_config.yml`, Hugo's site params) and `page` (the
 * document's frontmatter). Handed in by the caller; the renderer reads no files.
 */
export interface SiteVariables {
  site?: Readonly<Record<string, unknown>> | undefined;
  page?: Readonly<Record<string, unknown>> | undefined;
}

/** `site.repository`, `page.author.name`, `$frontmatter.title` → the value, or undefined. */
export function lookup(
  variables: SiteVariables,
  path: string,
  extra: Readonly<Record<string, unknown>> = {},
): unknown {
  const [head, ...rest] = path.replace(/^\$frontmatter\b/, 'page').split('.');
  const roots: Record<string, unknown> = { site: variables.site, page: variables.page, ...extra };
  let value: unknown = head === undefined ? undefined : roots[head];
  for (const key of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** How Liquid prints a value: arrays joined, objects as JSON, nothing for null. */
export function printValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(printValue).join('');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
