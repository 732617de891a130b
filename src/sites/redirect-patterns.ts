/**
 * Redirects with parameters, as Mintlify (and Next.js-style configs) write them: `/docs/:slug*` →
 * `/docs/v2/:slug*`, where `:name` is one path segment and `:name*` any rest of the path. Pure.
 */
export interface RedirectPattern {
  from: string;
  to: string;
}

function matcher(from: string): RegExp {
  const source = from
    .split(/(:[A-Za-z_]\w*\*?)/)
    .map((part) =>
      part.startsWith(':')
        ? part.endsWith('*')
          ? '(.*)'
          : '([^/]+)'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** The path `path` redirects to under the first pattern that matches it, or undefined. */
export function redirectByPattern(path: string, patterns: readonly RedirectPattern[]): string | undefined {
  for (const { from, to } of patterns) {
    const names = [...from.matchAll(/:([A-Za-z_]\w*)\*?/g)].map((m) => m[1] ?? '');
    const match = matcher(from).exec(path);
    if (!match) continue;
    const values = new Map(names.map((name, i) => [name, match[i + 1] ?? '']));
    return to.replace(/:([A-Za-z_]\w*)\*?/g, (_, name: string) => values.get(name) ?? '');
  }
  return undefined;
}
