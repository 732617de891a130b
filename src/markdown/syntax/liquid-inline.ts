import { mystSubstitution } from './myst-substitutions.js';
import { type ScanContext, warn } from './scan-context.js';
import { argument, parseArgs } from './tag-args.js';
import { lookup, printValue, type SiteVariables } from './variables.js';

/** Liquid left in the text after the block pass: output tags `{{ … }}` and tags `{% … %}`. */
export const LIQUID_INLINE =
  /\{%-?[ \t]*comment[ \t]*-?%\}[\s\S]*?\{%-?[ \t]*endcomment[ \t]*-?%\}|\{%-?[ \t]*(@[\w-]+\/[\w-]+|[a-z][\w-]*)((?:[^%]|%(?!\}))*?)-?%\}|\{\{(?![<%])-?((?:[^}]|\}(?!\}))*?)-?\}\}/gi;

const LOGIC = new Set([
  'assign',
  'capture',
  'endcapture',
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'for',
  'endfor',
  'case',
  'when',
  'endcase',
  'increment',
  'decrement',
  'cycle',
  'break',
  'continue',
  'tablerow',
  'endtablerow',
]);

export interface LiquidContext extends ScanContext {
  variables: SiteVariables;
  /** The output shares its line with other text (a MyST substitution is then rendered inline). */
  inLine?: boolean | undefined;
}

export function replaceLiquid(match: RegExpExecArray, line: number, context: LiquidContext): string | null {
  if (match[0].startsWith('{%') && match[1] === undefined) return '';
  if (match[1] !== undefined) return tag(match[1].toLowerCase(), (match[2] ?? '').trim(), line, context);
  return output((match[3] ?? '').trim(), line, context);
}

function tag(name: string, args: string, line: number, context: LiquidContext): string {
  if (name === 'link') return `/${args.replace(/^['"]|['"]$/g, '').replace(/^\//, '')}`;
  if (name === 'post_url') return `/_posts/${args.replace(/^['"]|['"]$/g, '')}.md`;
  if (name === 'embed') {
    const url = argument(parseArgs(args), ['url'], 0) ?? '';
    return url === '' ? '' : `<${url}>`;
  }
  if (name.startsWith('@')) return integrationBlock(name, args, line, context);
  if (LOGIC.has(name)) {
    warn(
      context,
      line,
      'markdown/liquid-not-evaluated',
      `The Liquid tag {% ${name} %} is not evaluated: it is removed and the text around it is published as written.`,
      'Pylon articles are static: remove the logic or keep only the text readers should see.',
    );
    return '';
  }
  const known = [
    'hint',
    'endhint',
    'tabs',
    'endtabs',
    'tab',
    'endtab',
    'include',
    'include_relative',
  ].includes(name);
  warn(
    context,
    line,
    known ? 'markdown/liquid-misplaced' : 'markdown/unknown-liquid-tag',
    known
      ? `The Liquid tag {% ${name} %} is not on a line of its own (or not closed): it is removed.`
      : `The Liquid tag {% ${name} %} is not known to pylon-kb: it is removed.`,
    known
      ? 'Put the opening and closing tags on lines of their own.'
      : 'Replace the tag with Markdown, or remove it.',
  );
  return '';
}

/**
 * A GitBook integration block (`{% @github-files/github-code-block url="…" %}`, `{% @figma/embed url="…" %}`):
 * the integration renders it on GitBook's side, so its URL is published as a link, with a warning.
 */
function integrationBlock(name: string, args: string, line: number, context: LiquidContext): string {
  const url = argument(parseArgs(args), ['url'], 0) ?? '';
  const linked = /^https?:\/\//i.test(url);
  warn(
    context,
    line,
    'markdown/integration-block',
    `The GitBook integration block {% ${name} %} is not rendered (its integration draws it on GitBook): ${linked ? 'its URL is published as a link' : 'it is removed'}.`,
    'Replace it with Markdown (a link or a code block) to publish its content.',
  );
  return linked ? `<${url}>` : '';
}

function output(expression: string, line: number, context: LiquidContext): string | null {
  if (context.syntax.has('myst-substitutions') && !context.syntax.has('liquid-output'))
    return mystSubstitution(expression, line, context);
  const [head = '', ...filters] = splitFilters(expression);
  // Only sites that run their pages through Liquid (or Vue) read `{{ … }}`; elsewhere it is text.
  const vue = context.syntax.has('vue-interpolation');
  const vueFrontmatter = vue && /^\$frontmatter(\.[\w-]+)+$/.test(head);
  if (!context.syntax.has('liquid-output') && !vueFrontmatter) {
    if (!vue) return null;
    warn(
      context,
      line,
      'markdown/expression-not-evaluated',
      `The expression {{ ${expression} }} is not evaluated: it is removed.`,
      'Write the value itself; pylon-kb never runs code from documents.',
    );
    return '';
  }
  // Site URLs are resolved against the docs tree: the prefix the site is served under is left out, as
  // `relative_url` leaves it out (`{{ site.baseurl }}{% link a.md %}` is a link to a.md).
  let value: unknown =
    head === 'site.baseurl'
      ? ''
      : /^(['"]).*\1$/.test(head)
        ? head.slice(1, -1)
        : lookup(context.variables, head);
  if (value === undefined && filters.every((filter) => !filter.startsWith('default'))) {
    warn(
      context,
      line,
      'markdown/liquid-variable-missing',
      `{{ ${head} }} has no value: it is removed.`,
      head.startsWith('site.')
        ? 'Define it in _config.yml, or write the value itself.'
        : 'Define it in the frontmatter, or write the value itself.',
    );
    return '';
  }
  for (const filter of filters) value = applyFilter(filter, value, line, context);
  return printValue(value);
}

function splitFilters(expression: string): string[] {
  return (expression.match(/(?:"[^"]*"|'[^']*'|[^|])+/g) ?? []).map((part) => part.trim());
}

function applyFilter(filter: string, value: unknown, line: number, context: LiquidContext): unknown {
  const [, name = '', rawArg = ''] = /^([\w-]+)\s*(?::\s*(.*))?$/.exec(filter) ?? [];
  const arg = rawArg.trim().replace(/^(['"])(.*)\1$/, '$2');
  const text = printValue(value);
  switch (name) {
    case 'default':
      return value === undefined || value === null || value === '' || value === false ? arg : value;
    // Site URLs are resolved by pylon-kb against the docs tree, so the site's own prefix is not added.
    case 'relative_url':
    case 'absolute_url':
    case 'markdownify':
      return text;
    case 'upcase':
      return text.toUpperCase();
    case 'downcase':
      return text.toLowerCase();
    case 'capitalize':
      return text.charAt(0).toUpperCase() + text.slice(1);
    case 'strip':
      return text.trim();
    case 'escape':
    case 'xml_escape':
      return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    case 'slugify':
      return text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '');
    case 'size':
      return Array.isArray(value) ? value.length : text.length;
    case 'join':
      return Array.isArray(value) ? value.map(printValue).join(arg) : text;
    case 'first':
      return Array.isArray(value) ? value[0] : text.charAt(0);
    case 'last':
      return Array.isArray(value) ? value[value.length - 1] : text.charAt(text.length - 1);
    case 'jsonify':
      return JSON.stringify(value);
    default:
      warn(
        context,
        line,
        'markdown/liquid-filter',
        `The Liquid filter "${name}" is not known to pylon-kb: the value is published unfiltered.`,
        'Write the value you want readers to see.',
      );
      return value;
  }
}
