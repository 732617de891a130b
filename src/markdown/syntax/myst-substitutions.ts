import { type ScanContext, warn } from './scan-context.js';
import { printValue, type SiteVariables } from './variables.js';

/**
 * MyST's substitution extension: `{{ key }}` outside code is replaced by the Markdown its key stands for,
 * from the page's frontmatter (`substitutions:` or `myst: substitutions:`) over the site's
 * `myst_substitutions` (conf.py, read by the Sphinx site definition as `site.myst_substitutions`); keys
 * inside a value are replaced too. A key defined nowhere keeps its text, with a warning (MyST reports it;
 * a site without the extension shows the braces as text). Any other Jinja2 expression (`env.docname`,
 * filters, method calls) is not evaluated: it is kept as inline code, with a warning.
 * A block value (several lines) used inside a line (a table cell) is rendered inline, as MyST renders
 * it there: a directive's body, or an `{image}` as an image.
 */
export function mystSubstitution(
  expression: string,
  line: number,
  context: ScanContext & { variables: SiteVariables; inLine?: boolean | undefined },
): string | null {
  const key = expression.trim();
  if (!/^[A-Za-z_][\w-]*$/.test(key)) {
    warn(
      context,
      line,
      'markdown/expression-not-evaluated',
      `The expression {{ ${key} }} is not evaluated: it is kept as code.`,
      'Write the value itself, or define a substitution key for it; pylon-kb never runs code from documents.',
    );
    return `\`\` {{ ${key} }} \`\``;
  }
  const value = lookupKey(key, context.variables);
  if (value === undefined) {
    warn(
      context,
      line,
      'markdown/substitution-missing',
      `The substitution {{ ${key} }} is defined neither in the frontmatter nor in conf.py's myst_substitutions: it is published as written.`,
      'Define it under `substitutions:` in the frontmatter or in myst_substitutions, or write the text itself.',
    );
    return null;
  }
  // A substitution may name others (MyST renders them recursively; a loop is cut at a few levels).
  let text = printValue(value);
  for (let depth = 0; depth < 4 && NESTED.test(text); depth++)
    text = text.replace(NESTED_ALL, (all, inner: string) => {
      const found = lookupKey(inner, context.variables);
      return found === undefined ? all : printValue(found);
    });
  return context.inLine && text.trim().includes('\n') ? inlineOf(text) : text.replace(/\n+$/, '');
}

const NESTED = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/;
const NESTED_ALL = new RegExp(NESTED.source, 'g');

/** A block value on one line: a fenced `{image}` as an image, any other fence by its body's text. */
function inlineOf(text: string): string {
  const lines = text.trim().split('\n');
  const fence = /^(`{3,}|~{3,}|:{3,})\{([\w-]+)\}[ \t]*(.*)$/.exec(lines[0]!.trim());
  if (!fence) return lines.map((l) => l.trim()).join(' ');
  const body = lines.slice(1).filter((l) => !l.trim().startsWith(fence[1]!));
  const options = body.filter((l) => /^:[\w-]+:/.test(l.trim()));
  if (fence[2] === 'image' || fence[2] === 'figure') {
    const alt = options.map((l) => /^:alt:\s*(.*)$/.exec(l.trim())?.[1]).find(Boolean) ?? '';
    return `![${alt}](${fence[3]!.trim()})`;
  }
  return body
    .filter((l) => !options.includes(l))
    .map((l) => l.trim())
    .join(' ');
}

function lookupKey(key: string, variables: SiteVariables): unknown {
  return [pageSubstitutions(variables.page), asRecord(variables.site?.myst_substitutions)]
    .map((table) => table?.[key])
    .find((found) => found !== undefined && found !== null);
}

function pageSubstitutions(page: SiteVariables['page']): Record<string, unknown> | undefined {
  const own = asRecord(page?.substitutions);
  const myst = asRecord(asRecord(page?.myst)?.substitutions);
  return own || myst ? { ...myst, ...own } : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
