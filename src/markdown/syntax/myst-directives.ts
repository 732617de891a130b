import type { Code, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { includeCandidates } from './include-paths.js';
import type { SyntaxStepContext } from './index.js';
import { calloutKind, defaultTitle } from './kinds.js';
import { colonFencesToBackticks } from './myst-colon-fences.js';
import { adjustIncluded } from './myst-include-paths.js';
import { listTable } from './myst-list-table.js';

/**
 * MyST directives, read the way MyST reads them: a fenced block whose info string is `{name} argument`
 * (colon fences were rewritten to this form by myst-colon-fences.ts), with `:key: value` options (or a
 * `---` YAML block) at the top of its body. Each directive becomes what Pylon can show: admonitions as
 * callouts, tabs as the `tabs` group, `{include}` / `{literalinclude}` as the file's text or code,
 * `{code-block}` as code, `{image}` / `{figure}` as images, `{list-table}` as a table; `{toctree}` is the
 * site's order (read by the site definition) and publishes nothing. Any other directive keeps its text
 * with a warning.
 */
export const MYST_DIRECTIVE_SYNTAX = /^[ \t]*(?:`{3,}|~{3,}|:{3,})\{[A-Za-z]/m;

interface Directive {
  name: string;
  argument: string;
  options: Record<string, string>;
  body: string;
  line: number;
  node: Code;
}

const VERSIONS: Readonly<Record<string, string>> = {
  versionadded: 'New in version',
  versionchanged: 'Changed in version',
  deprecated: 'Deprecated since version',
  versionremoved: 'Removed in version',
};
const CODE = new Set(['code', 'code-block', 'sourcecode', 'code-cell']);
const AS_CODE = new Set(['math', 'mermaid', 'graphviz', 'parsed-literal', 'highlight']);
const DROPPED = new Set(['toctree', 'contents', 'tableofcontents', 'index', 'meta']);
const UNWRAPPED = new Set(['grid', 'grid-item', 'div', 'container', 'card-carousel', 'only', 'tab-set-code']);
const TITLED = new Set(['topic', 'sidebar', 'card', 'grid-item-card', 'rubric', 'margin']);

export function renderMystDirectives(tree: Root, context: SyntaxStepContext): void {
  walk(tree, context, 0);
}

function walk(parent: Parent, context: SyntaxStepContext, depth: number): void {
  for (let index = 0; index < parent.children.length; index++) {
    const node = parent.children[index]!;
    const name = node.type === 'code' ? /^\{([A-Za-z][\w:.-]*)\}$/.exec(node.lang ?? '')?.[1] : undefined;
    if (node.type === 'code' && name) {
      const replacement = depth > 16 ? [] : render(read(node, name), context, depth);
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      index += replacement.length - 1;
    } else if ('children' in node) walk(node as Parent, context, depth);
  }
}

function read(node: Code, name: string): Directive {
  const lines = node.value.split('\n');
  const options: Record<string, string> = {};
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      try {
        const yaml = parseYaml(lines.slice(1, end).join('\n')) as Record<string, unknown> | null;
        for (const [key, value] of Object.entries(yaml ?? {})) options[key] = String(value ?? '');
      } catch {
        // Not YAML: the block is body text.
      }
      start = end + 1;
    }
  } else {
    while (start < lines.length) {
      const option = /^:([\w-]+):(?:[ \t]+(.*))?$/.exec(lines[start]!.trim());
      if (!option) break;
      options[option[1]!.toLowerCase()] = (option[2] ?? '').trim();
      start++;
    }
  }
  const body = lines
    .slice(start)
    .join('\n')
    .replace(/^\s*\n/, '');
  return {
    name: name.toLowerCase(),
    argument: (node.meta ?? '').trim(),
    options,
    body,
    line: node.position?.start.line ?? 1,
    node,
  };
}

function render(d: Directive, context: SyntaxStepContext, depth: number): RootContent[] {
  const markdown = (text: string) => parse(text, d.line, context, depth);
  const version = VERSIONS[d.name];
  if (version) {
    const [number = '', ...rest] = d.argument.split(/\s+/);
    return [callout('note', `${version} ${number}`.trim(), markdown([rest.join(' '), d.body].join('\n\n')))];
  }
  const kind = d.name === 'admonition' ? admonitionKind(d.options.class) : calloutKind(d.name, false);
  if (kind) {
    const title =
      d.name === 'admonition'
        ? d.argument || undefined
        : d.name === 'seealso'
          ? 'See also'
          : defaultTitle(d.name, kind);
    const text = d.name === 'admonition' ? d.body : [d.argument, d.body].filter(Boolean).join('\n\n');
    return [callout(kind, title, markdown(text))];
  }
  if (d.name === 'dropdown')
    return [element('details', [], [summary(d.argument || 'Details'), ...markdown(d.body)])];
  if (d.name === 'tab-set') return [tabs(markdown(d.body))];
  if (d.name === 'tab-item')
    return [element('details', ['tab'], [summary(d.argument || 'Tab'), ...markdown(d.body)])];
  if (CODE.has(d.name))
    return [...caption(d.options.caption), code(d.argument || d.options.language, d.body, d)];
  if (AS_CODE.has(d.name))
    return [code(d.name === 'parsed-literal' ? null : d.name, d.body || d.argument, d)];
  if (DROPPED.has(d.name)) return [];
  if (UNWRAPPED.has(d.name)) return markdown(d.body);
  if (TITLED.has(d.name))
    return [...(d.argument ? [title(d.argument, d, context)] : []), ...markdown(withoutCardRules(d))];
  if (d.name === 'button-ref' || d.name === 'button-link') return markdown(button(d));
  if (d.name === 'image' || d.name === 'figure' || d.name === 'figure-md') return figure(d, markdown);
  if (d.name === 'include' || d.name === 'literalinclude') return include(d, context, markdown);
  if (d.name === 'list-table') {
    const table = listTable(markdown(d.body), Number(d.options['header-rows'] ?? 0));
    if (table) return [...(d.argument ? [strong(d.argument)] : []), table];
  }
  if (d.name === 'eval-rst' || d.name === 'raw') {
    warn(
      context,
      d,
      `{${d.name}} holds reStructuredText or raw markup, which is not rendered: it is published as code.`,
    );
    return [code(d.name === 'raw' ? d.argument : 'rst', d.body, d)];
  }
  warn(
    context,
    d,
    `The MyST directive {${d.name}} is not rendered as such: its text is published as Markdown.`,
  );
  return [...(d.argument ? [title(d.argument, d, context)] : []), ...markdown(d.body)];
}

/** sphinx-design cards: `^^^` ends the header and `+++` starts the footer; the parts stay, the rules go. */
function withoutCardRules(d: Directive): string {
  if (d.name !== 'card' && d.name !== 'grid-item-card') return d.body;
  return d.body.replace(/^[ \t]*(?:\^{3,}|\+{3,})[ \t]*$/gm, '');
}

/**
 * sphinx-design's buttons: a link with the body (or the target) as its text; `button-ref` names a
 * document (`:ref-type: doc`), a label (`ref`, the default) or a MyST link target (`myst`), read as the
 * matching role or link.
 */
function button(d: Directive): string {
  const text = (d.body.trim() || d.argument).replace(/\s+/g, ' ').replace(/[`<>]/g, '');
  const type = d.options['ref-type'] ?? 'ref';
  if (d.name === 'button-link' || type === 'myst') return `[${text.replace(/[[\]]/g, '')}](<${d.argument}>)`;
  return `{${type === 'doc' ? 'doc' : 'ref'}}\`${text} <${d.argument}>\``;
}

/** A directive's title, read as inline Markdown (roles and code in it, `{octicon}` icons included). */
function title(text: string, d: Directive, context: SyntaxStepContext): Paragraph {
  const [first] = context.parsePartial(text, d.line).children;
  const inline = first?.type === 'paragraph' ? first.children : [{ type: 'text' as const, value: text }];
  return { type: 'paragraph', children: [{ type: 'strong', children: inline }] };
}

function parse(text: string, line: number, context: SyntaxStepContext, depth: number): RootContent[] {
  if (text.trim() === '') return [];
  // A directive's body is Markdown of the page: its site syntax (MyST substitutions) is read too.
  const tree = context.parsePartial(colonFencesToBackticks(text), line, true);
  walk(tree, context, depth + 1);
  return tree.children;
}

function include(
  d: Directive,
  context: SyntaxStepContext,
  markdown: (text: string) => RootContent[],
): RootContent[] {
  const path = d.argument;
  const candidate = (includeCandidates('myst-include', path, context.file) ?? []).find((c) => {
    const file = context.includes.get(c);
    return file !== undefined && 'text' in file;
  });
  const found = candidate === undefined ? undefined : context.includes.get(candidate);
  if (candidate === undefined || !found || !('text' in found)) {
    context.findings.push({
      line: d.line,
      code: 'markdown/include-missing',
      message: `The include "${path}" was not found: it is left out.`,
      hint: 'Fix the path; it is relative to the including file (or to the source folder when it starts with /).',
    });
    return [];
  }
  let lines = found.text.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '').split('\n');
  const after = d.options['start-after'];
  const before = d.options['end-before'];
  if (after) {
    const at = lines.findIndex((l) => l.includes(after));
    if (at >= 0) lines = lines.slice(at + 1);
  }
  if (before) {
    const at = lines.findIndex((l) => l.includes(before));
    if (at >= 0) lines = lines.slice(0, at);
  }
  if (d.options.lines) lines = selectLines(lines, d.options.lines);
  else if (d.options['start-line'] || d.options['end-line'])
    lines = lines.slice(
      Number(d.options['start-line'] ?? 0),
      d.options['end-line'] ? Number(d.options['end-line']) : undefined,
    );
  const text = lines.join('\n');
  if (d.name === 'literalinclude' || 'literal' in d.options || 'code' in d.options) {
    const lang = d.options.language ?? d.options.code ?? extensionLanguage(path);
    return [...caption(d.options.caption), code(lang || null, text.replace(/\n+$/, ''), d)];
  }
  const nodes = markdown(text);
  adjustIncluded(nodes, {
    page: context.file,
    included: candidate,
    options: d.options,
    trail: context.contentTrail ?? [],
  });
  return nodes;
}

/** `1,3,5-10`: 1-based lines of the file. */
function selectLines(lines: string[], spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-').map((n) => n.trim());
    const first = Number(from || 1);
    const last = to === undefined ? first : to === '' ? lines.length : Number(to);
    out.push(...lines.slice(first - 1, last));
  }
  return out;
}

function extensionLanguage(path: string): string {
  const extension = /\.([\w]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return (
    { py: 'python', js: 'javascript', ts: 'typescript', yml: 'yaml', md: 'markdown', sh: 'bash' }[
      extension
    ] ?? extension
  );
}

function figure(d: Directive, markdown: (text: string) => RootContent[]): RootContent[] {
  if (d.name === 'figure-md') return markdown(d.body);
  const image: PhrasingContent = { type: 'image', url: d.argument, alt: d.options.alt ?? '', title: null };
  const target = d.options.target;
  const shown: PhrasingContent = target ? { type: 'link', url: target, children: [image] } : image;
  const node: Paragraph = { type: 'paragraph', children: [shown], position: d.node.position };
  return [node, ...(d.name === 'figure' ? markdown(d.body) : [])];
}

function admonitionKind(classes: string | undefined): ReturnType<typeof calloutKind> {
  for (const name of (classes ?? '').split(/\s+/)) {
    const kind = calloutKind(name.replace(/^admonition-/, ''), false);
    if (kind) return kind;
  }
  return 'note';
}

function callout(kind: string, title: string | undefined, children: RootContent[]): RootContent {
  const titled = title
    ? [{ ...strong(title), data: { hName: 'p', hProperties: { className: ['callout-title'] } } }]
    : [];
  return element('blockquote', ['callout', `callout-${kind}`], [...titled, ...children]);
}

function tabs(children: RootContent[]): RootContent {
  const first = children.find((c) => c.data?.hName === 'details');
  if (first) first.data = { ...first.data, hProperties: { ...first.data?.hProperties, open: true } };
  return element('div', ['tabs'], children);
}

function element(tagName: string, classes: string[], children: RootContent[]): RootContent {
  return {
    type: 'blockquote',
    children: children as never,
    data: { hName: tagName, hProperties: classes.length > 0 ? { className: classes } : {} },
  };
}

function summary(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }], data: { hName: 'summary' } };
}

function strong(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] };
}

function caption(text: string | undefined): Paragraph[] {
  return text
    ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] }]
    : [];
}

function code(lang: string | null | undefined, value: string, d: Directive): Code {
  return { type: 'code', lang: lang?.split(/\s+/)[0] || null, meta: null, value, position: d.node.position };
}

function warn(context: SyntaxStepContext, d: Directive, message: string): void {
  context.findings.push({
    line: d.line,
    code: 'markdown/unknown-directive',
    message,
    hint: 'Pylon shows Markdown, callouts, tabs, code, images and tables; rewrite the directive as one of these to choose how it looks.',
  });
}
