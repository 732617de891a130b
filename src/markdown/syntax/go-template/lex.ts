/**
 * The tokenizer of Go's text/template language, as Hugo shortcodes and partials use it: the template
 * splits into text and actions (`{{ … }}`, with `{{-` / `-}}` trimming the white space beside them and
 * `{{/* … *\/}}` comments), and each action into tokens. Pure; errors are thrown as TemplateError.
 */

export class TemplateError extends Error {}

export type Token =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'nil' }
  /** `$` or `$name`. */
  | { type: 'variable'; name: string }
  /** `.Name` (a field of what precedes it, or of the dot); `.` alone is `dot`. */
  | { type: 'field'; name: string }
  | { type: 'dot' }
  /** A function or keyword; a dotted name (`strings.TrimLeft`, `site.Params.x`) is one token. */
  | { type: 'identifier'; name: string }
  | { type: 'punct'; value: '(' | ')' | '|' | ':=' | '=' | ',' };

export type Positioned<T> = T & { line: number; spaceBefore: boolean };
export type ActionToken = Positioned<Token>;

export type Item = { kind: 'text'; text: string } | { kind: 'action'; tokens: ActionToken[]; line: number };

const OPEN = '{{';
const CLOSE = '}}';

/** Splits a template into text and actions; white space is trimmed where the action asks for it. */
export function lex(template: string): Item[] {
  const items: Item[] = [];
  let at = 0;
  let trimNext = false;
  while (at < template.length) {
    const open = template.indexOf(OPEN, at);
    let text = template.slice(at, open < 0 ? template.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text !== '') items.push({ kind: 'text', text });
      break;
    }
    const trimBefore = /^-\s/.test(template.slice(open + 2, open + 4));
    if (trimBefore) text = text.replace(/\s+$/, '');
    if (text !== '') items.push({ kind: 'text', text });
    const line = lineAt(template, open);
    let inner = open + 2 + (trimBefore ? 2 : 0);
    const rest = template.slice(inner).replace(/^\s*/, '');
    inner = template.length - rest.length;
    if (rest.startsWith('/*')) {
      const end = template.indexOf('*/', inner + 2);
      if (end < 0) throw new TemplateError(`line ${line}: a comment is not closed`);
      const after = /^\s*(-)?\}\}/.exec(template.slice(end + 2));
      if (!after) throw new TemplateError(`line ${line}: a comment must end its action`);
      trimNext = after[1] !== undefined;
      at = end + 2 + after[0].length;
      continue;
    }
    const { tokens, end, trimAfter } = lexAction(template, inner, line);
    items.push({ kind: 'action', tokens, line });
    trimNext = trimAfter;
    at = end;
  }
  return items;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const IDENTIFIER = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/;
const NUMBER = /^-?(?:0[xX][\da-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/;

function lexAction(
  text: string,
  start: number,
  line: number,
): { tokens: ActionToken[]; end: number; trimAfter: boolean } {
  const tokens: ActionToken[] = [];
  let at = start;
  let space = false;
  const push = (token: Token) => {
    tokens.push({ ...token, line: line + lineAt(text.slice(start, at), at - start) - 1, spaceBefore: space });
    space = false;
  };
  for (;;) {
    if (at >= text.length) throw new TemplateError(`line ${line}: an action is not closed`);
    const char = text[at]!;
    if (/\s/.test(char)) {
      const trim = /^\s+-\}\}/.exec(text.slice(at, at + 200));
      if (trim) return { tokens, end: at + trim[0].length, trimAfter: true };
      space = true;
      at++;
      continue;
    }
    if (text.startsWith(CLOSE, at)) return { tokens, end: at + 2, trimAfter: false };
    const rest = text.slice(at);
    if (char === '"') {
      const match = /^"(?:[^"\\\n]|\\.)*"/.exec(rest);
      if (!match) throw new TemplateError(`line ${line}: a string is not closed`);
      push({ type: 'string', value: unescapeGo(match[0].slice(1, -1)) });
      at += match[0].length;
    } else if (char === '`') {
      const end = text.indexOf('`', at + 1);
      if (end < 0) throw new TemplateError(`line ${line}: a raw string is not closed`);
      push({ type: 'string', value: text.slice(at + 1, end) });
      at = end + 1;
    } else if (char === "'") {
      const match = /^'(\\.|[^'\\])'/.exec(rest);
      if (!match) throw new TemplateError(`line ${line}: a character constant is not closed`);
      push({ type: 'number', value: unescapeGo(match[1]!).codePointAt(0) ?? 0 });
      at += match[0].length;
    } else if (char === '$') {
      const match = /^\$\w*/.exec(rest)!;
      push({ type: 'variable', name: match[0] });
      at += match[0].length;
    } else if (char === '.') {
      const match = /^\.[A-Za-z_]\w*/.exec(rest);
      if (match) push({ type: 'field', name: match[0].slice(1) });
      else push({ type: 'dot' });
      at += match ? match[0].length : 1;
    } else if (rest.startsWith(':=')) {
      push({ type: 'punct', value: ':=' });
      at += 2;
    } else if ('()|=,'.includes(char)) {
      push({ type: 'punct', value: char as '(' | ')' | '|' | '=' | ',' });
      at++;
    } else if (NUMBER.test(rest) && (char !== '-' || /^-\d/.test(rest))) {
      const match = NUMBER.exec(rest)!;
      push({ type: 'number', value: Number(match[0]) });
      at += match[0].length;
    } else if (IDENTIFIER.test(rest)) {
      const name = IDENTIFIER.exec(rest)![0];
      if (name === 'true' || name === 'false') push({ type: 'bool', value: name === 'true' });
      else if (name === 'nil') push({ type: 'nil' });
      else push({ type: 'identifier', name });
      at += name.length;
    } else {
      throw new TemplateError(`line ${line}: unexpected "${char}" in an action`);
    }
  }
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  '\\': '\\',
  "'": "'",
  '0': '\0',
};

function unescapeGo(text: string): string {
  return text.replace(/\\(u[\da-fA-F]{4}|x[\da-fA-F]{2}|.)/g, (_, code: string) =>
    code.length > 1 ? String.fromCodePoint(Number.parseInt(code.slice(1), 16)) : (ESCAPES[code] ?? code),
  );
}
