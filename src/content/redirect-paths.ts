/**
 * What a route redirect's `from_path` may be: a path on the help center (`/articles/123-old-title`,
 * `/docs/old-page/`; a relative one such as Hugo's `old-page` gets its leading `/`). Returns why a value
 * is not one, or null.
 */
export function redirectPathProblem(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    return 'is a full URL; route redirects take a path on the help center, e.g. "/articles/1234567890-old-title"';
  }
  if (/[\s\p{Cc}]/u.test(path)) return 'contains spaces or control characters';
  if (path.split(/[/?#]/).some((segment) => segment === '..' || segment === '.')) {
    return 'contains "." or ".." segments, which a browser resolves away before asking for the path';
  }
  return null;
}
