import { readCodeSnippet } from './code-snippets.js';
import type { IncludeKind } from './include-paths.js';
import { JS_STRING, jsStringValue } from './js-string.js';
import { argument, parseArgs } from './tag-args.js';

/** Include directives of every generator, read from one line each (the files they name are read by the I/O edge). */
export interface Directive {
  kind: IncludeKind;
  indent: string;
  path: string;
  /** 1-based inclusive line range, a named region / section, and Liquid `include.x` parameters. */
  lines?: [number, number];
  region?: string;
  params?: Record<string, string>;
  /** VitePress `<<<`: the file is published as a code block (code-snippets.ts). */
  code?: ReturnType<typeof readCodeSnippet>;
  /** Lines to put around the included text (a Hugo `{{< tab include="…" />}}` stays a tab). */
  around?: [string, string];
  /** mdBook: the included file's `ANCHOR:` / `ANCHOR_END:` marker lines are left out. */
  anchorMarkers?: boolean;
}

const VITEPRESS = /^([ \t]*)<!--\s*@include:\s*(.+?)\s*-->\s*$/;
const SNIPPET = /^([ \t]*)-+8<-+[ \t]+(["'])(.+?)\2[ \t]*$/;
const HUGO = /^([ \t]*)\{\{[<%][ \t]*(readfile|include|snippet)\b(.*?)[ \t]*[>%]\}\}[ \t]*$/;
const HUGO_TAB = /^([ \t]*)\{\{([<%])[ \t]*tab\b(.*?)[ \t]*\/[>%]\}\}[ \t]*$/;
const LIQUID = /^([ \t]*)\{%-?[ \t]*(include|include_relative)[ \t]+(.*?)[ \t]*-?%\}[ \t]*$/;
/** mdBook's links preprocessor: `{{#include file.rs:anchor}}`, `{{#rustdoc_include file.rs:2:10}}`, `{{#playground file.rs}}`. */
const MDBOOK =
  /^([ \t]*)\{\{#(include|rustdoc_include|playground)[ \t]+([^\s}]+)((?:[ \t]+[\w-]+)*)[ \t]*\}\}[ \t]*$/;
/** `import Name from './partial.mdx'`: the name and the path as a JavaScript string literal (`mdxImport`). */
export const MDX_IMPORT = new RegExp(String.raw`^import\s+([A-Za-z_$][\w$]*)\s+from\s+(${JS_STRING});?\s*$`);

/** The component name and the decoded path of an MDX import of a Markdown partial, else undefined. */
export function mdxImport(match: RegExpExecArray | null): { name: string; path: string } | undefined {
  const path = match?.[2] === undefined ? undefined : jsStringValue(match[2]);
  if (!match?.[1] || path === undefined || !/\.mdx?$/i.test(path)) return undefined;
  return { name: match[1], path };
}

/** Cheap test: does the Markdown hold an include directive of any generator? */
export const INCLUDE_SYNTAX =
  /@include:|^[ \t]*<<<[ \t]|-8<-|\{\{[<%][ \t]*(?:(?:readfile|include|snippet)\b|tab\b.*\binclude=)|\{%-?[ \t]*include|^import\s|\{\{#(?:include|rustdoc_include|playground)\b/m;

export function readDirective(text: string): Directive | null {
  const code = readCodeSnippet(text);
  if (code) {
    return {
      kind: 'markdown-include',
      indent: code.indent,
      path: code.path,
      ...(code.region && { region: code.region }),
      code,
    };
  }
  const vitepress = VITEPRESS.exec(text);
  if (vitepress) {
    const [, indent = '', spec = ''] = vitepress;
    const match = /^([^{#]+?)(?:#([\w-]+))?(?:\{(\d*),(\d*)\})?$/.exec(spec);
    if (!match) return null;
    const range: [number, number] | undefined =
      match[3] !== undefined
        ? [Number(match[3] || 1), match[4] ? Number(match[4]) : Number.POSITIVE_INFINITY]
        : undefined;
    return {
      kind: 'markdown-include',
      indent,
      path: match[1]!,
      ...(match[2] && { region: match[2] }),
      ...(range && { lines: range }),
    };
  }
  const snippet = SNIPPET.exec(text);
  if (snippet) {
    const [, indent = '', , spec = ''] = snippet;
    const parts = /^(.+?)(?::(\d*):(\d*)|:([\w-]+))?$/.exec(spec)!;
    const range: [number, number] | undefined =
      parts[2] !== undefined
        ? [Number(parts[2] || 1), parts[3] ? Number(parts[3]) : Number.POSITIVE_INFINITY]
        : undefined;
    return {
      kind: 'snippet',
      indent,
      path: parts[1]!,
      ...(parts[4] && { region: parts[4] }),
      ...(range && { lines: range }),
    };
  }
  const hugo = HUGO.exec(text);
  if (hugo) {
    const path = argument(parseArgs(hugo[3] ?? ''), ['file', 'path'], 0);
    return path ? { kind: 'shortcode', indent: hugo[1] ?? '', path } : null;
  }
  const tab = HUGO_TAB.exec(text);
  if (tab) return hugoTabInclude(tab[1] ?? '', tab[2] ?? '<', tab[3] ?? '');
  const book = MDBOOK.exec(text);
  if (book) return mdbookDirective(book[1] ?? '', book[2] ?? 'include', book[3] ?? '', book[4] ?? '');
  const liquid = LIQUID.exec(text);
  if (liquid) {
    const args = parseArgs(liquid[3] ?? '');
    const [path, ...rest] = args.positional;
    if (!path || path.includes('{{')) return null;
    void rest;
    const kind = liquid[2] === 'include_relative' ? 'liquid-relative' : 'liquid';
    return { kind, indent: liquid[1] ?? '', path, params: args.named };
  }
  return null;
}

/** `{{< tab name="Bash" include="part.md" />}}` (Kubernetes' docs): the file, as the tab's content. */
function hugoTabInclude(indent: string, delimiter: string, rawArgs: string): Directive | null {
  const args = parseArgs(rawArgs);
  const path = argument(args, ['include']);
  if (!path) return null;
  const close = delimiter === '%' ? '%' : '>';
  const label = (argument(args, ['name', 'title', 'header', 'label'], 0) ?? 'Tab').replace(/"/g, '');
  return {
    kind: 'shortcode',
    indent,
    path,
    around: [`{{${delimiter} tab name="${label}" ${close}}}`, `{{${delimiter} /tab ${close}}}`],
  };
}

/**
 * `file`, `file:anchor`, `file:2` (that line), `file:2:` (from it), `file::10` (up to it), `file:2:10`.
 * `rustdoc_include` shows the same lines (the rest of the file is hidden in mdBook's page); `playground`
 * publishes the file as a Rust code block.
 */
function mdbookDirective(indent: string, name: string, spec: string, words: string): Directive {
  const [path = '', first, second] = spec.split(':');
  const directive: Directive = { kind: 'mdbook-include', indent, path, anchorMarkers: true };
  if (first !== undefined && first !== '' && !/^\d+$/.test(first)) directive.region = first;
  else if (first !== undefined) {
    const from = first === '' ? 1 : Number(first);
    const to =
      second === undefined
        ? first === ''
          ? Number.POSITIVE_INFINITY
          : from
        : second === ''
          ? Number.POSITIVE_INFINITY
          : Number(second);
    directive.lines = [from, to];
  }
  if (name === 'playground') {
    const options = words.trim().split(/\s+/).filter(Boolean);
    directive.around = [`\`\`\`\`rust${options.length > 0 ? `,${options.join(',')}` : ''}`, '````'];
  }
  return directive;
}
