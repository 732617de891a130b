/**
 * Arguments of a Hugo shortcode or a Liquid tag: positional (`"install"`, `info`) and named
 * (`title="Warning"`, `style=info`). Quotes (`"…"`, `'…'`, Hugo's raw `` `…` ``) are removed.
 */
export interface TagArgs {
  positional: string[];
  named: Record<string, string>;
}

const ARG = /(?:([\w-]+)[ \t]*=[ \t]*)?("(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|[^\s"'`]+)/g;

export function parseArgs(text: string): TagArgs {
  const args: TagArgs = { positional: [], named: {} };
  for (const match of text.matchAll(ARG)) {
    const value = unquote(match[2] ?? '');
    if (match[1] !== undefined) args.named[match[1].toLowerCase()] = value;
    else args.positional.push(value);
  }
  return args;
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'" || first === '`') && value.endsWith(first) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return first === '"' ? inner.replace(/\\(["\\])/g, '$1') : inner;
  }
  return value;
}

/** The first named value among `names`, else the positional argument at `position`. */
export function argument(args: TagArgs, names: readonly string[], position?: number): string | undefined {
  for (const name of names) if (args.named[name] !== undefined) return args.named[name];
  return position === undefined ? undefined : args.positional[position];
}
