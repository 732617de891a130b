import { parseArgs, type TagArgs } from './tag-args.js';

/**
 * The tokenizer of Hugo shortcode calls in a page: `{{< name args >}}`, `{{% name args %}}`, their
 * closing tags `{{< /name >}}` and the self-closing form `{{< name />}}`. Quoted arguments may hold
 * `>}}`. The escaped form, a Go comment inside the delimiters, shows the call as written: it is not a call.
 */
export interface ShortcodeTag {
  start: number;
  end: number;
  /** `<` (HTML output) or `%` (Markdown output). */
  delimiter: '<' | '%';
  closing: boolean;
  selfClosing: boolean;
  name: string;
  args: TagArgs;
  /** The arguments as written, for messages. */
  argsText: string;
}

const OPEN = /\{\{([<%])/g;
const NAME = /^[ \t\n]*(\/)?[ \t\n]*([\w./-]+)/;

export function shortcodeTags(text: string): ShortcodeTag[] {
  const tags: ShortcodeTag[] = [];
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    const delimiter = match[1] as '<' | '%';
    const bodyStart = match.index + 3;
    if (/^[ \t]*\/\*/.test(text.slice(bodyStart, bodyStart + 20))) continue;
    const end = closeOf(text, bodyStart, delimiter);
    if (end < 0) continue;
    const inside = text.slice(bodyStart, end);
    const name = NAME.exec(inside);
    if (!name) continue;
    let argsText = inside.slice(name[0].length);
    const selfClosing = /\/\s*$/.test(argsText);
    if (selfClosing) argsText = argsText.replace(/\/\s*$/, '');
    tags.push({
      start: match.index,
      end: end + 3,
      delimiter,
      closing: name[1] !== undefined,
      selfClosing,
      name: name[2]!,
      args: parseArgs(argsText),
      argsText: argsText.trim(),
    });
    OPEN.lastIndex = end + 3;
  }
  return tags;
}

/** Where `>}}` / `%}}` closes the tag whose body starts at `from`, quotes skipped; -1 when it never does. */
function closeOf(text: string, from: number, delimiter: '<' | '%'): number {
  const closing = `${delimiter === '<' ? '>' : '%'}}}`;
  let quote: string | null = null;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === '\\' && quote === '"') at++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === '`') quote = char;
    else if (text.startsWith(closing, at)) return at;
    else if (text.startsWith('{{<', at) || text.startsWith('{{%', at)) return -1;
  }
  return -1;
}
