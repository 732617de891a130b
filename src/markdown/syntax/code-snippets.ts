import type { SourceLine } from './lines.js';

/**
 * VitePress's code snippet import, `<<< @/snippets/setup.ts#region{2,4-5 ts:line-numbers} [title]`: the
 * file (or its `#region`) published as a fenced code block, its language from the braces or the file's
 * extension, the `[title]` (or the file name) as the block's label (a code group's tab).
 */
const CODE_SNIPPET =
  /^([ \t]*)<<<[ \t]+([^\s{[]+?)(?:#([\w-]+))?(?:\{([^}]*)\})?(?:[ \t]+\[([^\]]+)\])?[ \t]*$/;

export interface CodeSnippet {
  indent: string;
  path: string;
  region?: string;
  lang: string;
  title: string;
}

export function readCodeSnippet(text: string): CodeSnippet | null {
  const match = CODE_SNIPPET.exec(text);
  if (!match) return null;
  const [, indent = '', path = '', region, braces = '', title] = match;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const written = braces
    .split(/\s+/)
    .find((token) => token !== '' && !/^[\d,-]+$/.test(token))
    ?.replace(/:.*$/, '');
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return { indent, path, ...(region && { region }), lang: written || extension, title: title ?? name };
}

/** The snippet's lines as a fenced code block, the fence longer than any backtick run inside. */
export function fencedSnippet(
  lines: readonly SourceLine[],
  snippet: CodeSnippet,
  source: number,
): SourceLine[] {
  const body = [...lines];
  while (body.length > 0 && body[body.length - 1]!.text.trim() === '') body.pop();
  const longest = Math.max(
    2,
    ...body.map((l) => Math.max(0, ...(l.text.match(/`+/g) ?? []).map((r) => r.length))),
  );
  const fence = '`'.repeat(longest + 1);
  return [
    { text: `${fence}${snippet.lang} [${snippet.title}]`, source },
    ...body.map((line) => ({ text: line.text, source })),
    { text: fence, source },
  ];
}
