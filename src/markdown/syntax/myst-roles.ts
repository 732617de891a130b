import type { Heading, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * MyST roles and targets, from the parsed tree: a role is the text `{name}` right before an inline code
 * span (`` {ref}`Setup <setup-label>` ``), a target is a paragraph `(label)=` before the block it names.
 * `{doc}` and `{download}` become links to the file; `{ref}` a link to the label (`#label`, which link
 * resolution finds on whichever page has it); `{term}`, `{abbr}`, `{sub}`, `{sup}`, `{eq}`, `{numref}`
 * their text; `{kbd}`, `{math}`, `{py:obj}` and every other role (Python objects, Sphinx domains) inline
 * code — never a file. Icons (`{octicon}`, `{fa}`) are dropped. A target gives its label to the heading
 * after it as that heading's id.
 */
export const MYST_ROLE_SYNTAX = /\{[A-Za-z][\w:+.-]*\}`|^\([^()\s]+\)=[ \t]*$/m;

const ROLE_AT_END = /\{([A-Za-z][\w:+.-]*)\}$/;
const TARGET = /^\(([^()\s]+)\)=$/;
const TEXT_ROLES = new Set([
  'term',
  'abbr',
  'sub',
  'sup',
  'eq',
  'numref',
  'sub-ref',
  'guilabel',
  'menuselection',
  'dfn',
  'command',
  'program',
  'file',
  'samp',
]);
const DROPPED_ROLES = new Set([
  'octicon',
  'fa',
  'icon',
  'material-regular',
  'material-outlined',
  'fas',
  'fab',
  'far',
]);

export function renderMystRoles(tree: Root, file: string): void {
  const labels = takeTargets(tree);
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let index = 1; index < parent.children.length; index++) {
      const code = parent.children[index]!;
      const before = parent.children[index - 1]!;
      if (code.type !== 'inlineCode' || before.type !== 'text') continue;
      const role = ROLE_AT_END.exec(before.value);
      if (!role) continue;
      before.value = before.value.slice(0, role.index);
      const replacement = roleNode(role[1]!.toLowerCase(), code.value, { labels, file });
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      if (before.value === '') {
        parent.children.splice(index - 1, 1);
        index--;
      }
    }
  });
}

interface RoleContext {
  labels: ReadonlyMap<string, string>;
  file: string;
}

function roleNode(name: string, content: string, context: RoleContext): PhrasingContent[] {
  const explicit = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(content);
  const title = explicit?.[1]?.trim() || undefined;
  const target = (explicit?.[2] ?? content).trim();
  if (DROPPED_ROLES.has(name)) return [];
  if (name === 'doc' || name === 'download') {
    const url = name === 'doc' ? docUrl(target, context.file) : target;
    return [{ type: 'link', url, children: [{ type: 'text', value: title ?? target.replace(/^\//, '') }] }];
  }
  if (name === 'ref' || name === 'any') {
    const heading = context.labels.get(target.toLowerCase());
    if (heading !== undefined)
      return [{ type: 'link', url: `#${target}`, children: [{ type: 'text', value: title ?? heading }] }];
    // A label of another page: link resolution finds the page that has the id (or reports it missing).
    return [{ type: 'link', url: `#${target}`, children: [{ type: 'text', value: title ?? target }] }];
  }
  if (TEXT_ROLES.has(name)) return [{ type: 'text', value: title ?? target }];
  // `{py:class}`, `{external:py:attr}`, `{kbd}`, `{math}`, `{envvar}` …: code, never a file.
  return [{ type: 'inlineCode', value: title ?? shortName(target) }];
}

/** `~pkg.mod.Thing` shows `Thing`; `!x` and a leading `.` are Sphinx's own markers. */
function shortName(target: string): string {
  const clean = target.replace(/^!/, '');
  if (!clean.startsWith('~')) return clean.replace(/^\./, '');
  const parts = clean.slice(1).split('.');
  return parts[parts.length - 1] ?? clean;
}

/** A `{doc}` path (no extension; `/` from the source folder) as a link to the Markdown file. */
function docUrl(target: string, file: string): string {
  const [path = '', anchor] = target.split('#');
  const withExtension = /\.(md|markdown|ipynb|rst)$/i.test(path) ? path : `${path}.md`;
  const depth = file.split('/').length - 1;
  const relative = withExtension.startsWith('/')
    ? `${'../'.repeat(depth)}${withExtension.slice(1)}`
    : withExtension;
  return anchor ? `${relative}#${anchor}` : relative;
}

/** Removes `(label)=` paragraphs; the heading after one takes the label as its id. Returns label → heading text. */
function takeTargets(tree: Root): Map<string, string> {
  const labels = new Map<string, string>();
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let index = 0; index < parent.children.length; index++) {
      const label = targetOf(parent.children[index]!);
      if (!label) continue;
      parent.children.splice(index, 1);
      const next = parent.children[index];
      if (next?.type === 'heading') {
        name(next, label);
        labels.set(label.toLowerCase(), mdastText(next));
      }
      index--;
    }
  });
  return labels;
}

function targetOf(node: RootContent): string | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const [text] = node.children;
  return text?.type === 'text' ? TARGET.exec(text.value.trim())?.[1] : undefined;
}

function name(heading: Heading, label: string): void {
  const properties = heading.data?.hProperties ?? {};
  if ('dataPylonKbId' in properties) return;
  heading.data = { ...heading.data, hProperties: { ...properties, dataPylonKbId: label } };
}
