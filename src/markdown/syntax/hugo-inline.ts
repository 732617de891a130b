import { type ScanContext, warn } from './scan-context.js';
import { argument, parseArgs, type TagArgs } from './tag-args.js';
import { lookup, printValue, type SiteVariables } from './variables.js';

/** A Hugo shortcode left in the text after the block pass: `{{< name args >}}` or `{{% name args %}}`. */
export const HUGO_INLINE = /\{\{([<%])[ \t]*(\/)?[ \t]*([\w./-]+)((?:[^}]|\}(?!\}))*?)[ \t]*\/?[>%]\}\}/g;

export interface HugoContext extends ScanContext {
  variables: SiteVariables;
}

/**
 * `ref`/`relref` become the target's path (a local link the content core resolves to the article),
 * `figure`-like shortcodes an image (uploaded as a local file) with its caption, `youtube`/`vimeo` an
 * https iframe, `gist`/`tweet` a link, `param` the site parameter. Any other shortcode is removed, with a
 * warning that names it; a closing tag is removed with it.
 */
export function replaceShortcode(match: RegExpExecArray, line: number, context: HugoContext): string {
  const [, , closing, rawName = '', rawArgs = ''] = match;
  if (closing !== undefined) return '';
  const name = rawName.toLowerCase();
  const args = parseArgs(rawArgs);
  switch (name) {
    case 'ref':
    case 'relref':
      return refTarget(args, line, context);
    case 'figure':
    case 'img':
    case 'image':
      return figure(args, line, context);
    case 'youtube':
      return embed(
        argument(args, ['id'], 0),
        'https://www.youtube-nocookie.com/embed/',
        argument(args, ['title']) ?? 'YouTube video',
        line,
        context,
      );
    case 'vimeo':
      return embed(
        argument(args, ['id'], 0),
        'https://player.vimeo.com/video/',
        argument(args, ['title']) ?? 'Vimeo video',
        line,
        context,
      );
    case 'gist': {
      const [user, id] = [argument(args, ['user'], 0), argument(args, ['id'], 1)];
      if (user && id)
        return `[Gist ${user}/${id}](https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)})`;
      warn(
        context,
        line,
        'markdown/shortcode-argument',
        'The gist shortcode needs a user and an id: it is removed.',
        'Write {{< gist user 1234567 >}}.',
      );
      return '';
    }
    case 'tweet':
    case 'x': {
      const [user, id] = [argument(args, ['user']), argument(args, ['id'], 0)];
      if (id)
        return `[Post ${id}](https://x.com/${encodeURIComponent(user ?? 'i')}/status/${encodeURIComponent(id)})`;
      warn(
        context,
        line,
        'markdown/shortcode-argument',
        `The ${name} shortcode has no id: it is removed.`,
        'Give the post id, e.g. {{< x user="name" id="123" >}}.',
      );
      return '';
    }
    case 'param':
      return param(argument(args, ['name'], 0) ?? '', line, context);
    default:
      return unknown(rawName, args, line, context);
  }
}

function refTarget(args: TagArgs, line: number, context: HugoContext): string {
  const target = argument(args, ['path'], 0);
  if (!target) {
    warn(
      context,
      line,
      'markdown/shortcode-argument',
      'The ref shortcode names no page: it is removed.',
      'Write {{< relref "path/to/page.md" >}}.',
    );
    return '';
  }
  return target.replace(/ /g, '%20');
}

function figure(args: TagArgs, line: number, context: HugoContext): string {
  const src = argument(args, ['src'], 0);
  if (!src) {
    warn(
      context,
      line,
      'markdown/shortcode-argument',
      'The figure shortcode has no src: it is removed.',
      'Add src="path/to/image.png".',
    );
    return '';
  }
  const caption = argument(args, ['caption']);
  const title = argument(args, ['title']);
  const alt = (argument(args, ['alt']) ?? caption ?? title ?? '').replace(/[[\]\\]/g, '\\$&');
  const titlePart = title ? ` "${title.replace(/"/g, '\\"')}"` : '';
  let image = `![${alt}](<${src}>${titlePart})`;
  const link = argument(args, ['link']);
  if (link) image = `[${image}](<${link}>)`;
  const shown = caption ?? (title && argument(args, ['alt']) ? title : undefined);
  return shown ? `${image}\\\n*${shown.trim()}*` : image;
}

function embed(
  id: string | undefined,
  base: string,
  title: string,
  line: number,
  context: HugoContext,
): string {
  if (!id || !/^[\w-]+$/.test(id)) {
    warn(
      context,
      line,
      'markdown/shortcode-argument',
      'The video shortcode has no valid id: it is removed.',
      'Give the video id, e.g. {{< youtube w7Ft2ymGmfc >}}.',
    );
    return '';
  }
  return `<iframe src="${base}${id}" title="${title.replace(/[<>"&]/g, '')}" allowfullscreen></iframe>`;
}

function param(name: string, line: number, context: HugoContext): string {
  const value =
    lookup(context.variables, `site.params.${name}`) ??
    lookup(context.variables, `site.${name}`) ??
    lookup(context.variables, `page.${name}`);
  if (value === undefined) {
    warn(
      context,
      line,
      'markdown/shortcode-param-missing',
      `The site parameter "${name}" has no value: the param shortcode is removed.`,
      'Define it under params in the Hugo config (YAML or JSON), or write the value itself.',
    );
    return '';
  }
  return printValue(value);
}

/** Arguments whose words readers see: a shortcode pylon-kb cannot render keeps them. */
export const TEXT_ARGUMENTS = [
  'text',
  'title',
  'label',
  'header',
  'heading',
  'subtitle',
  'caption',
  'description',
  'summary',
  'alt',
  'date',
];

/** The text arguments of a shortcode, in the order above. */
export function textArguments(args: TagArgs): string[] {
  return TEXT_ARGUMENTS.flatMap((name) => {
    const value = args.named[name]?.trim();
    return value ? [value] : [];
  });
}

/**
 * A shortcode pylon-kb does not know is removed, with a warning; the words it shows through its
 * arguments (`{{< glossary_tooltip text="Secret" term_id="secret" >}}`, a `title`, a `caption`) are kept.
 */
function unknown(name: string, args: TagArgs, line: number, context: HugoContext): string {
  const text = textArguments(args).join(' — ');
  warn(
    context,
    line,
    'markdown/unknown-shortcode',
    text === ''
      ? `The Hugo shortcode "${name}" is not known to pylon-kb: it is removed.`
      : `The Hugo shortcode "${name}" is not known to pylon-kb: only its text "${text}" is published.`,
    'Replace the shortcode with Markdown, or remove it.',
  );
  return text;
}
