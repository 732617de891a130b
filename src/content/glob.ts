/**
 * A small glob matcher for include/exclude patterns over posix relative paths, so matching does not
 * depend on Node's `path.matchesGlob` (experimental in Node 20 and warns when used).
 *
 * Supported: `**` (any number of path segments, including none, when it is a whole segment), `*` (any
 * characters except `/`), `?` (one character except `/`) and `{a,b}` (alternatives, not nested).
 * Everything else matches itself. A pattern matches the whole path.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*' && (i === 0 || pattern[i - 1] === '/')) {
      const atEnd = i + 2 === pattern.length;
      if (pattern[i + 2] === '/') {
        source += '(?:[^/]*/)*';
        i += 3;
        continue;
      }
      if (atEnd) {
        source += '.*';
        i += 2;
        continue;
      }
    }
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const close = pattern.indexOf('}', i);
      if (close > i) {
        const options = pattern.slice(i + 1, close).split(',');
        source += `(?:${options.map((option) => globToRegExp(option).source.slice(1, -1)).join('|')})`;
        i = close + 1;
        continue;
      }
      source += '\\{';
    } else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i += 1;
  }
  return new RegExp(`^${source}$`);
}

/** A predicate that is true when a path matches any of the patterns. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const expressions = patterns.map(globToRegExp);
  return (path) => expressions.some((expression) => expression.test(path));
}
