import { outsideFences, type SourceLine } from './lines.js';

/** A Liquid tag (`{% hint style="info" %}`) or a Hugo shortcode (`{{< hint info >}}`) opening a line. */
export interface TagLine {
  dialect: 'liquid' | 'shortcode';
  indent: string;
  closing: boolean;
  name: string;
  args: string;
  /** What follows the tag on its line. */
  rest: string;
  /** A Hugo shortcode closed in itself (`{{< tab … />}}`): it has no closing tag to look for. */
  selfClosing?: boolean;
}

const LIQUID = /^([ \t]*)\{%-?[ \t]*(end(?=[a-z]))?([a-z][\w-]*)[ \t]*(.*?)[ \t]*-?%\}(.*)$/i;
const HUGO = /^([ \t]*)\{\{([<%])(?![ \t]*\/\*)[ \t]*(\/)?[ \t]*([\w./-]+)(.*?)[ \t]*(\/)?[>%]\}\}(.*)$/;

export function readTagLine(text: string): TagLine | null {
  const liquid = LIQUID.exec(text);
  if (liquid) {
    const [, indent = '', end, name = '', args = '', rest = ''] = liquid;
    return { dialect: 'liquid', indent, closing: end !== undefined, name: name.toLowerCase(), args, rest };
  }
  const hugo = HUGO.exec(text);
  if (hugo) {
    const [, indent = '', , slash, name = '', args = '', selfClose, rest = ''] = hugo;
    const tag: TagLine = {
      dialect: 'shortcode',
      indent,
      closing: slash !== undefined,
      name: name.toLowerCase(),
      args,
      rest,
    };
    return selfClose === undefined ? tag : { ...tag, selfClosing: true };
  }
  return null;
}

/** `{% endname %}` / `{{< /name >}}` at the end of `text`, with what comes before it. */
export function closingAtEnd(text: string, tag: TagLine): string | null {
  const pattern =
    tag.dialect === 'liquid'
      ? new RegExp(`\\{%-?[ \\t]*end${escapeRegExp(tag.name)}[ \\t]*-?%\\}[ \\t]*$`, 'i')
      : new RegExp(`\\{\\{[<%][ \\t]*\\/[ \\t]*${escapeRegExp(tag.name)}[ \\t]*[>%]\\}\\}[ \\t]*$`, 'i');
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index) : null;
}

function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The index of the line closing `open` (same dialect and name, nesting counted), or -1. */
export function findClosingTag(lines: readonly SourceLine[], start: number, open: TagLine): number {
  let depth = 0;
  for (const index of outsideFences(lines, start + 1)) {
    const tag = readTagLine(lines[index]!.text);
    if (tag && tag.dialect === open.dialect && tag.name === open.name) {
      if (tag.closing) {
        if (depth === 0) return index;
        depth -= 1;
      } else if (closingAtEnd(tag.rest, tag) === null) depth += 1;
    }
  }
  return -1;
}
