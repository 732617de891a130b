/** URL helpers shared by the generator modules. Pure. */

/** A URL path as pylon-kb compares them: leading `/`, no trailing `/`, no `.html`, no `index`. */
export function normaliseUrlPath(path: string): string {
  let p = path.trim().split('#')[0]?.split('?')[0] ?? '';
  if (!p.startsWith('/')) p = `/${p}`;
  p = p.replace(/\/+/g, '/').replace(/\.html?$/i, '');
  p = p.replace(/\/index$/i, '/').replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** The path without `.md`, `.markdown` or `.mdx`. */
export function stripMarkdownExtension(path: string): string {
  return path.replace(/\.(md|markdown|mdx)$/i, '');
}

/** `guides/setup.md` → `/guides/setup`; `guides/index.md` → `/guides` (with `indexFiles`). */
export function pathUrl(path: string, isIndex: boolean, prefix = ''): string {
  const stem = stripMarkdownExtension(path);
  const folder = stem.includes('/') ? stem.slice(0, stem.lastIndexOf('/')) : '';
  const url = isIndex ? folder : stem;
  return normaliseUrlPath(`${prefix}/${url}`);
}

/** A frontmatter value as a list of non-empty strings (a string alone, or a list). */
export function stringsOf(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** The folder of a posix path (`''` at the top). */
export function folderOfPath(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

/** `prefix/path` relative to the content directory, or undefined when outside it. */
export function underContent(pathFromRoot: string, contentPrefix: string): string | undefined {
  const clean = pathFromRoot.replace(/^\.\//, '').replace(/^\/+/, '');
  if (contentPrefix === '') return clean;
  return clean.startsWith(`${contentPrefix}/`) ? clean.slice(contentPrefix.length + 1) : undefined;
}

/** Next.js route groups: a `(group)` folder organises files without being part of their URL. */
export function withoutRouteGroups(urlPath: string): string {
  return urlPath
    .split('/')
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .join('/');
}
