import { type BlockContext, type BlockMatch, containerLines, wrapContainer } from './block-context.js';
import { titledFence } from './code-tag.js';
import { gitbookBlock } from './gitbook-api-blocks.js';
import { textArguments } from './hugo-inline.js';
import { calloutKind, defaultTitle } from './kinds.js';
import type { SourceLine } from './lines.js';
import type { ContainerSpec } from './markers.js';
import { warn } from './scan-context.js';
import { argument, parseArgs, type TagArgs } from './tag-args.js';
import { closingAtEnd, findClosingTag, readTagLine, type TagLine } from './tag-lines.js';

/**
 * Paired Liquid tags and Hugo shortcodes whose opening and closing tags stand on their own lines (or
 * both on one line): GitBook `{% hint %}`, `{% tabs %}`/`{% tab %}`, `{% code %}`, Jekyll
 * `{% highlight %}`, `{% comment %}`; Hugo `hint`/`notice`/`alert`/`callout`/`admonition`, `details`,
 * `tabs`/`tab`, `highlight`, `mermaid`. A tag that is not closed is left to the inline pass.
 */
const CALLOUT_TAGS = new Set([
  'hint',
  'notice',
  'alert',
  'callout',
  'admonition',
  'note',
  'tip',
  'info',
  'warning',
  'important',
  'caution',
  'danger',
  'attention',
]);
const DETAILS_TAGS = new Set(['details', 'expand', 'collapse', 'accordion', 'spoiler']);
const TABS_TAGS = new Set(['tabs', 'tabpane', 'codetabs']);
const CODE_TAGS = new Set(['highlight', 'mermaid']);
/** Known containers whose content is simply kept. */
const PLAIN_TAGS = new Set([
  'content-ref',
  'stepper',
  'step',
  'steps',
  'columns',
  'column',
  'cards',
  'cardpane',
  'center',
  'markdown',
  'raw',
]);
const LOGIC_TAGS = new Set(['if', 'unless', 'for', 'case', 'tablerow']);

export function pairedTag(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  const line = lines[index]!;
  const tag = readTagLine(line.text);
  if (!tag || tag.closing || tag.selfClosing) return null;
  if (!context.syntax.has(tag.dialect === 'liquid' ? 'liquid-tags' : 'hugo-shortcodes')) return null;
  if (tag.rest.trim() !== '') {
    const inner = closingAtEnd(tag.rest, tag);
    if (inner === null) return null;
    const body = [{ text: `${tag.indent}${inner.trim()}`, source: line.source }];
    return {
      lines: blockLines(tag, body, { indent: tag.indent, open: line.source, close: line.source }, context),
      next: index + 1,
    };
  }
  const close = findClosingTag(lines, index, tag);
  if (close < 0) return null;
  const where = { indent: tag.indent, open: line.source, close: lines[close]!.source };
  return { lines: blockLines(tag, lines.slice(index + 1, close), where, context), next: close + 1 };
}

type Where = { indent: string; open: number; close: number };

function blockLines(
  tag: TagLine,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const args = parseArgs(tag.args);
  const { name } = tag;
  if (name === 'comment') return [];
  if (CODE_TAGS.has(name))
    return fenced(name === 'mermaid' ? 'mermaid' : (args.positional[0] ?? ''), body, where);
  // Hugo's docs show a configuration in TOML, YAML and JSON tabs; Pylon gets it as the author wrote it.
  if (name === 'code-toggle') return fenced(configLanguage(body), body, where);
  if (tag.dialect === 'liquid' && name === 'hint')
    return callout(
      argument(args, ['style', 'type']) ?? 'info',
      argument(args, ['title']),
      body,
      where,
      context,
    );
  if (tag.dialect === 'shortcode' && CALLOUT_TAGS.has(name))
    return hugoCallout(name, args, body, where, context);
  if (DETAILS_TAGS.has(name)) {
    const title = argument(args, ['summary', 'title'], 0) ?? 'Details';
    const spec: ContainerSpec = { kind: 'details', open: args.named.open === 'true', title: true };
    return containerLines(context, spec, where, title, body);
  }
  if (TABS_TAGS.has(name)) return tabs(name, args, body, where, context);
  if (name === 'tab') {
    const label = argument(args, ['title', 'header', 'name', 'label'], 0) ?? 'Tab';
    // Docsy and Kubernetes: `codelang` makes the tab's text a code block in that language.
    const code = args.named.codelang ?? args.named.lang;
    const content = code === undefined ? body : fenced(code, body, where);
    return containerLines(context, { kind: 'tab', title: true }, where, label, content);
  }
  if (tag.dialect === 'shortcode' && name === 'card') return card(args, body, where, context);
  if (tag.dialect === 'shortcode' && name === 'imgproc') return imageWithCaption(args, body, where, context);
  if (tag.dialect === 'liquid' && name === 'code') {
    const title = argument(args, ['title']);
    const titled = title ? titledFence(body, title) : null;
    if (titled) return titled;
    return containerLines(
      context,
      { kind: 'captioned', title: true },
      where,
      argument(args, ['title']),
      body,
    );
  }
  const gitbook = tag.dialect === 'liquid' ? gitbookBlock(name, args, body, where, context) : null;
  if (gitbook) return gitbook;
  if (name === 'capture') {
    warn(
      context,
      where.open,
      'markdown/liquid-not-evaluated',
      'The Liquid {% capture %} block is not evaluated: its content is not published.',
      'Write the text where it is shown instead of capturing it.',
    );
    return [];
  }
  if (PLAIN_TAGS.has(name)) return containerLines(context, { kind: 'section' }, where, undefined, body);
  warnUnknown(tag, where.open, context);
  // What the tag shows through its arguments (a title, a label, a caption) is kept above its content.
  const shown = tag.dialect === 'shortcode' || !LOGIC_TAGS.has(name) ? textArguments(args).join(' — ') : '';
  return containerLines(context, { kind: 'section' }, where, shown === '' ? undefined : shown, body);
}

function warnUnknown(tag: TagLine, line: number, context: BlockContext): void {
  if (tag.dialect === 'liquid' && LOGIC_TAGS.has(tag.name)) {
    warn(
      context,
      line,
      'markdown/liquid-not-evaluated',
      `The Liquid {% ${tag.name} %} block is not evaluated: its content is published as written, once.`,
      'Pylon articles are static: remove the logic or keep only the text readers should see.',
    );
  } else if (tag.dialect === 'liquid') {
    warn(
      context,
      line,
      'markdown/unknown-liquid-tag',
      `The Liquid tag {% ${tag.name} %} is not known to pylon-kb: its content is published without it.`,
      'Replace the tag with Markdown, or remove it.',
    );
  } else {
    warn(
      context,
      line,
      'markdown/unknown-shortcode',
      `The Hugo shortcode "${tag.name}" is not known to pylon-kb: its content is published without it.`,
      'Replace the shortcode with Markdown, or remove it.',
    );
  }
}

function hugoCallout(
  name: string,
  args: TagArgs,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const named = ['hint', 'notice', 'alert', 'callout', 'admonition'].includes(name);
  const type = named ? (argument(args, ['type', 'style', 'color', 'kind'], 0) ?? 'note') : name;
  const title = argument(args, ['title'], named && name === 'notice' ? 1 : undefined);
  return callout(type, title, body, where, context);
}

function callout(
  type: string,
  title: string | undefined,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const kind = calloutKind(type, true) ?? 'note';
  const spec: ContainerSpec = { kind: 'callout', callout: kind, title: true };
  return containerLines(context, spec, where, title ?? defaultTitle(type, kind), body);
}

/**
 * Hextra's `{{< tabs items="A,B" >}}` names its tabs on the group; the others on each tab. In a Docsy
 * `tabpane`, a tab holds code (in the tab's `lang`, the pane's, or its header with `langEqualsHeader`)
 * unless the pane or the tab says `text=true`; a self-closing tab is a header with no content.
 */
function tabs(
  name: string,
  args: TagArgs,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const docsy = name === 'tabpane' ? docsyTabs(args, body) : body;
  return itemTabs(args, docsy, where, context);
}

function docsyTabs(pane: TagArgs, body: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let index = 0; index < body.length; index++) {
    const line = body[index]!;
    const tag = readTagLine(line.text);
    if (tag?.dialect !== 'shortcode' || tag.name !== 'tab' || tag.closing) {
      out.push(line);
      continue;
    }
    const args = parseArgs(tag.args);
    const header = (argument(args, ['header', 'title', 'name'], 0) ?? 'Tab').replace(/"/g, '');
    const open = `${tag.indent}{{< tab header="${header}" >}}`;
    if (tag.selfClosing) {
      out.push(
        { text: open, source: line.source },
        { text: `${tag.indent}{{< /tab >}}`, source: line.source },
      );
      continue;
    }
    const text = [args.named.text, pane.named.text].some((value) => value === 'true');
    const lang =
      args.named.lang ??
      pane.named.lang ??
      (pane.named.langequalsheader === 'true' ? header.toLowerCase() : '');
    const close = findClosingTag(body, index, tag);
    if (text || close < 0) {
      out.push(line);
      continue;
    }
    const inner = body.slice(index + 1, close);
    out.push(
      { text: open, source: line.source },
      ...fenced(lang, inner, { indent: tag.indent, open: line.source, close: body[close]!.source }),
      body[close]!,
    );
    index = close;
  }
  return out;
}

/** Docsy's card: its header, title and subtitle above its text (or code), its footer below. */
function card(args: TagArgs, body: readonly SourceLine[], where: Where, context: BlockContext): SourceLine[] {
  const line = (text: string) => [
    { text: `${where.indent}${text}`, source: where.open },
    { text: '', source: where.open },
  ];
  const { header, title, subtitle, footer } = args.named;
  const content =
    args.named.code === 'true' ? fenced(args.named.lang ?? args.named.highlight ?? '', body, where) : body;
  const inner = [
    ...(header ? line(`**${header.replace(/^\*\*|\*\*$/g, '')}**`) : []),
    ...(title ? line(`**${title.replace(/^\*\*|\*\*$/g, '')}**`) : []),
    ...(subtitle ? line(`*${subtitle.replace(/^\*|\*$/g, '')}*`) : []),
    ...content,
    ...(footer
      ? [
          { text: '', source: where.close },
          { text: `${where.indent}${footer}`, source: where.close },
        ]
      : []),
  ];
  return containerLines(context, { kind: 'section' }, where, undefined, inner);
}

/**
 * Docsy's `imgproc`: an image of the page's bundle, named by the start of its file name, processed to a
 * size (Pylon shows the original), with the shortcode's text as its caption.
 */
function imageWithCaption(
  args: TagArgs,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const name = args.positional[0] ?? '';
  const file = context.bundleImage?.(name);
  if (file === undefined) {
    warn(
      context,
      where.open,
      'markdown/shortcode-argument',
      `The imgproc shortcode names "${name}", which matches no image beside the page: only its caption is published.`,
      "Put the image in the page's bundle (the page's folder), or write a Markdown image.",
    );
    return containerLines(context, { kind: 'section' }, where, undefined, body);
  }
  const caption = body
    .map((line) => line.text.trim())
    .filter(Boolean)
    .join(' ');
  const alt = caption.replace(/[[\]\\]/g, '\\$&');
  return [
    { text: `${where.indent}![${alt}](<${file}>)${caption === '' ? '' : '\\'}`, source: where.open },
    ...(caption === '' ? [] : [{ text: `${where.indent}*${caption}*`, source: where.open }]),
  ];
}

/** Hextra's `{{< tabs items="A,B" >}}` names its tabs on the group; the others on each tab. */
function itemTabs(
  args: TagArgs,
  body: readonly SourceLine[],
  where: Where,
  context: BlockContext,
): SourceLine[] {
  const items = (args.named.items ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  let position = 0;
  const named = body.map((line) => {
    const tag = readTagLine(line.text);
    if (!tag || tag.closing || tag.name !== 'tab') return line;
    const label = items[position++];
    if (
      label === undefined ||
      argument(parseArgs(tag.args), ['title', 'header', 'name', 'label'], 0) !== undefined
    )
      return line;
    const open =
      tag.dialect === 'liquid' ? `{% tab title="${label}" %}` : `{{< tab "${label.replace(/"/g, '')}" >}}`;
    return { text: `${tag.indent}${open}${tag.rest}`, source: line.source };
  });
  return wrapContainer(context, { kind: 'tabs', codeGroup: false }, where, undefined, context.scan(named));
}

function configLanguage(body: readonly SourceLine[]): string {
  const first = body.find((line) => line.text.trim() !== '')?.text.trim() ?? '';
  if (first.startsWith('{')) return 'json';
  return body.some((line) => /^\s*\[|^\s*[\w"'.-]+\s*=/.test(line.text)) ? 'toml' : 'yaml';
}

function fenced(language: string, body: readonly SourceLine[], where: Where): SourceLine[] {
  const longest = Math.max(
    2,
    ...body.map((line) => Math.max(0, ...[...line.text.matchAll(/`+/g)].map((m) => m[0].length))),
  );
  const fence = '`'.repeat(longest + 1);
  return [
    { text: `${where.indent}${fence}${language.replace(/[`\s]/g, '')}`, source: where.open },
    ...body,
    { text: `${where.indent}${fence}`, source: where.close },
  ];
}
