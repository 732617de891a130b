import type { TemplateFunction } from './evaluate.js';
import {
  equal,
  escapeHtml,
  format,
  HugoObject,
  SafeHtml,
  TemplateFailed,
  toText,
  truthy,
  Unsupported,
} from './values.js';

/**
 * The functions of Go's templates and Hugo's that need nothing from the site: comparison, collections,
 * strings, numbers, formatting, HTML safety. Each takes the evaluated arguments (a piped value last).
 * Hugo's namespaced names (`strings.TrimSpace`) and their short aliases (`trim`) are both here.
 */
export function coreFunctions(): Map<string, TemplateFunction> {
  const fns = new Map<string, TemplateFunction>();
  const define = (names: string | string[], fn: TemplateFunction) => {
    for (const name of Array.isArray(names) ? names : [names]) fns.set(name, fn);
  };
  define('not', ([a]) => !truthy(a));
  define(['eq', 'compare.Eq'], ([a, ...rest]) => rest.some((b) => equal(a, b)));
  define(['ne', 'compare.Ne'], ([a, b]) => !equal(a, b));
  define(['lt', 'compare.Lt'], ([a, b]) => compare(a, b) < 0);
  define(['le', 'compare.Le'], ([a, b]) => compare(a, b) <= 0);
  define(['gt', 'compare.Gt'], ([a, b]) => compare(a, b) > 0);
  define(['ge', 'compare.Ge'], ([a, b]) => compare(a, b) >= 0);
  define(['default', 'compare.Default'], ([fallback, given]) => (isSet(given) ? given : fallback));
  define(['cond', 'compare.Conditional'], ([test, a, b]) => (truthy(test) ? a : b));
  define('len', ([a]) => lengthOf(a));
  define(['index', 'collections.Index'], ([collection, ...keys]) => {
    let value = collection;
    for (const key of keys.flat()) value = item(value, key);
    return value;
  });
  define(['isset', 'collections.IsSet'], ([collection, key]) => item(collection, key) !== undefined);
  define(['dict', 'collections.Dictionary'], (args) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2) out[toText(args[i])] = args[i + 1];
    return out;
  });
  define(['slice', 'collections.Slice'], (args) => args);
  define(['append', 'collections.Append'], (args) => {
    const list = args[args.length - 1];
    return [...(Array.isArray(list) ? list : [list]), ...args.slice(0, -1).flat()];
  });
  define(['in', 'collections.In'], ([collection, value]) =>
    Array.isArray(collection)
      ? collection.some((x) => equal(x, value))
      : toText(collection).includes(toText(value)));
  define(['first', 'collections.First'], ([n, list]) => listOf(list).slice(0, Number(n)));
  define(['last', 'collections.Last'], ([n, list]) => listOf(list).slice(-Number(n)));
  define(['after', 'collections.After'], ([n, list]) => listOf(list).slice(Number(n)));
  define(['delimit', 'collections.Delimit'], ([list, sep, lastSep]) => {
    const items = listOf(list).map(toText);
    if (lastSep === undefined || items.length < 2) return items.join(toText(sep));
    return `${items.slice(0, -1).join(toText(sep))}${toText(lastSep)}${items[items.length - 1]}`;
  });
  define(['uniq', 'collections.Uniq'], ([list]) => [...new Set(listOf(list))]);
  define(['seq', 'collections.Seq'], (args) => {
    const [from, to] = args.length === 1 ? [1, Number(args[0])] : [Number(args[0]), Number(args[1])];
    return Array.from({ length: Math.max(0, Math.min(10_000, to - from + 1)) }, (_, i) => from + i);
  });
  define(['add', 'math.Add'], (args) =>
    args.reduce((a, b) => (typeof a === 'string' ? a + toText(b) : Number(a) + Number(b))));
  define(['sub', 'math.Sub'], ([a, b]) => Number(a) - Number(b));
  define(['mul', 'math.Mul'], ([a, b]) => Number(a) * Number(b));
  define(['div', 'math.Div'], ([a, b]) =>
    Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(Number(a) / Number(b)) : Number(a) / Number(b));
  define(['mod', 'math.Mod'], ([a, b]) => Number(a) % Number(b));
  define(['int', 'cast.ToInt'], ([a]) => Number.parseInt(toText(a), 10) || 0);
  define(['float', 'cast.ToFloat'], ([a]) => Number.parseFloat(toText(a)) || 0);
  define(['string', 'cast.ToString'], ([a]) => toText(a));
  define(['print', 'fmt.Print'], (args) => args.map(toText).join(''));
  define(['println', 'fmt.Println'], (args) => `${args.map(toText).join(' ')}\n`);
  define(['printf', 'fmt.Printf'], ([pattern, ...args]) => printf(toText(pattern), args));
  define(['lower', 'strings.ToLower'], ([s]) => toText(s).toLowerCase());
  define(['upper', 'strings.ToUpper'], ([s]) => toText(s).toUpperCase());
  define(['title', 'strings.Title'], ([s]) =>
    toText(s).replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()));
  define('strings.FirstUpper', ([s]) => toText(s).charAt(0).toUpperCase() + toText(s).slice(1));
  define(['trim', 'strings.Trim'], ([s, cutset]) => trimSet(toText(s), toText(cutset), true, true));
  define('strings.TrimSpace', ([s]) => toText(s).trim());
  define('strings.TrimLeft', ([cutset, s]) => trimSet(toText(s), toText(cutset), true, false));
  define('strings.TrimRight', ([cutset, s]) => trimSet(toText(s), toText(cutset), false, true));
  define('strings.TrimPrefix', ([prefix, s]) =>
    toText(s).startsWith(toText(prefix)) ? toText(s).slice(toText(prefix).length) : toText(s),
  );
  define('strings.TrimSuffix', ([suffix, s]) =>
    toText(s).endsWith(toText(suffix)) && toText(suffix) !== ''
      ? toText(s).slice(0, -toText(suffix).length)
      : toText(s),
  );
  define(['strings.HasPrefix', 'hasPrefix'], ([s, prefix]) => toText(s).startsWith(toText(prefix)));
  define(['strings.HasSuffix', 'hasSuffix'], ([s, suffix]) => toText(s).endsWith(toText(suffix)));
  define('strings.Contains', ([s, sub]) => toText(s).includes(toText(sub)));
  define('strings.Repeat', ([n, s]) => toText(s).repeat(Math.min(1000, Number(n))));
  define(['replace', 'strings.Replace'], ([s, from, to]) => toText(s).split(toText(from)).join(toText(to)));
  define(['replaceRE', 'strings.ReplaceRE'], ([pattern, to, s]) =>
    toText(s).replace(goRegExp(toText(pattern), 'g'), toText(to).replace(/\$\{?(\d+)\}?/g, '$$$1')));
  define(['findRE', 'strings.FindRE'], ([pattern, s]) =>
    toText(s).match(goRegExp(toText(pattern), 'g')) ?? []);
  define(['split', 'strings.Split'], ([s, sep]) => toText(s).split(toText(sep)));
  define(['chomp', 'strings.Chomp'], ([s]) => toText(s).replace(/\r?\n$/, ''));
  define(['substr', 'strings.Substr'], ([s, start, length]) => {
    const text = [...toText(s)];
    const from = Number(start) < 0 ? text.length + Number(start) : Number(start);
    return text.slice(from, length === undefined ? undefined : from + Number(length)).join('');
  });
  define(['truncate', 'strings.Truncate'], (args) => {
    const [n, ...rest] = args;
    const text = toText(rest[rest.length - 1]);
    const ellipsis = rest.length > 1 ? toText(rest[0]) : ' …';
    return text.length <= Number(n) ? text : text.slice(0, Number(n)).replace(/\s+\S*$/, '') + ellipsis;
  });
  define(['urlize', 'urls.URLize'], ([s]) =>
    toText(s)
      .toLowerCase()
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}_.~/-]/gu, ''));
  define(['anchorize', 'urls.Anchorize'], ([s]) =>
    toText(s)
      .toLowerCase()
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}_-]/gu, ''));
  define(['humanize', 'inflect.Humanize'], ([s]) => {
    const text = toText(s).replace(/[-_]+/g, ' ').trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  define(['plainify', 'transform.Plainify'], ([s]) => toText(s).replace(/<[^>]*>/g, ''));
  define(['htmlEscape', 'transform.HTMLEscape'], ([s]) => escapeHtml(toText(s)));
  define(['htmlUnescape', 'transform.HTMLUnescape'], ([s]) =>
    toText(s)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#3[49];|&quot;/g, (m) => (m === '&#39;' ? "'" : '"'))
      .replace(/&amp;/g, '&'));
  for (const name of [
    'safeHTML',
    'safeHTMLAttr',
    'safeCSS',
    'safeJS',
    'safeURL',
    'safe.HTML',
    'safe.HTMLAttr',
    'safe.CSS',
    'safe.JS',
    'safe.URL',
  ])
    define(name, ([s]) => new SafeHtml(toText(s)));
  define(['jsonify', 'encoding.Jsonify'], (args) => JSON.stringify(args[args.length - 1] ?? null));
  define(['emojify', 'transform.Emojify'], ([s]) => toText(s));
  define(['path.Base'], ([s]) => toText(s).replace(/\/+$/, '').split('/').pop() ?? '');
  define(['path.Join'], (args) =>
    args
      .map(toText)
      .join('/')
      .replace(/\/{2,}/g, '/'));
  define(['warnf', 'fmt.Warnf', 'warnidf', 'fmt.Warnidf'], () => '');
  // `errorf` fails the site's build: reaching it means the call is not one the template accepts here.
  define(['errorf', 'fmt.Errorf', 'erroridf', 'fmt.Erroridf'], ([pattern, ...args]) => {
    throw new TemplateFailed(printf(toText(pattern), args));
  });
  return fns;
}

function isSet(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [toText(a), toText(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function lengthOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string' || value instanceof SafeHtml) return [...toText(value)].length;
  if (typeof value === 'object' && !(value instanceof HugoObject)) return Object.keys(value).length;
  throw new Unsupported(`len of a ${typeof value}`);
}

function item(collection: unknown, key: unknown): unknown {
  if (collection === null || collection === undefined) return undefined;
  if (Array.isArray(collection)) return collection[Number(key)];
  if (
    typeof collection === 'object' &&
    !(collection instanceof HugoObject) &&
    !(collection instanceof SafeHtml)
  ) {
    const map = collection as Record<string, unknown>;
    const name = toText(key);
    if (Object.hasOwn(map, name)) return map[name];
    const found = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
    return found === undefined ? undefined : map[found];
  }
  throw new Unsupported(`index of a ${typeof collection}`);
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (value === null || value === undefined) return [];
  throw new Unsupported(`a list from a ${typeof value}`);
}

function trimSet(text: string, cutset: string, left: boolean, right: boolean): string {
  const chars = new Set([...cutset]);
  const list = [...text];
  let start = 0;
  let end = list.length;
  while (left && start < end && chars.has(list[start]!)) start++;
  while (right && end > start && chars.has(list[end - 1]!)) end--;
  return list.slice(start, end).join('');
}

function goRegExp(pattern: string, flags: string): RegExp {
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  try {
    return inline
      ? new RegExp(pattern.slice(inline[0].length), flags + inline[1]!.replace('s', 's'))
      : new RegExp(pattern, flags);
  } catch {
    throw new Unsupported(`the regular expression ${pattern}`);
  }
}

/** Go's fmt verbs that templates use: %s %v %d %q %t %f (with a precision) %x %%. */
export function printf(pattern: string, args: readonly unknown[]): string {
  let next = 0;
  return pattern.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([svdqtfxTw%])/g,
    (_, _flags, width: string | undefined, precision: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const value = args[next++];
      let text: string;
      switch (verb) {
        case 'q':
          text = JSON.stringify(toText(value));
          break;
        case 'd':
          text = String(Math.trunc(Number(value)));
          break;
        case 'f':
          text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
          text = typeof value === 'number' ? value.toString(16) : Buffer.from(toText(value)).toString('hex');
          break;
        case 'T':
          text = typeof value;
          break;
        default:
          text = value instanceof SafeHtml ? value.html : format(value);
      }
      return width === undefined ? text : text.padStart(Number(width));
    },
  );
}
