/**
 * conf.py's `myst_substitutions = {…}`, read as text (never executed): the entries whose key and value are
 * string literals (adjacent literals joined, as Python joins them; `'''…'''` and `"""…"""` too). An entry
 * whose value is anything else (a variable, a call) is left out.
 */
export function readMystSubstitutions(text: string): Record<string, string> | undefined {
  const start = /^myst_substitutions\s*=\s*\{/m.exec(text);
  if (!start) return undefined;
  const tokens = tokenize(text, start.index + start[0].length);
  const out: Record<string, string> = {};
  let entry: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'end' || (token.kind === 'punct' && token.value === ',' && token.depth === 0)) {
      addEntry(entry, out);
      entry = [];
      if (token.kind === 'end') break;
    } else entry.push(token);
  }
  return out;
}

interface Token {
  kind: 'string' | 'punct' | 'word' | 'end';
  value: string;
  depth: number;
}

function addEntry(entry: Token[], out: Record<string, string>): void {
  const [key, colon, ...value] = entry;
  if (key?.kind !== 'string' || colon?.value !== ':' || value.length === 0) return;
  const parts = value.filter((t) => !(t.kind === 'punct' && (t.value === '(' || t.value === ')')));
  if (parts.length === 0 || parts.some((t) => t.kind !== 'string')) return;
  out[key.value] = parts.map((t) => t.value).join('');
}

/** Python tokens from `from` (just inside the dict's `{`) up to its closing `}`, depth counted inside. */
function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let index = from;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '#') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
    } else if (/\s/.test(char)) index++;
    else if (
      char === '"' ||
      char === "'" ||
      (/[rRbBuUfF]/.test(char) && /["']/.test(text[index + 1] ?? ''))
    ) {
      const raw = /[rR]/.test(char);
      const quoteAt = /["']/.test(char) ? index : index + 1;
      const quote = text.startsWith(text[quoteAt]!.repeat(3), quoteAt)
        ? text[quoteAt]!.repeat(3)
        : text[quoteAt]!;
      let end = quoteAt + quote.length;
      let value = '';
      while (end < text.length && !text.startsWith(quote, end)) {
        if (text[end] === '\\' && !raw) {
          const next = text[end + 1] ?? '';
          value += { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"', '\n': '' }[next] ?? `\\${next}`;
          end += 2;
        } else value += text[end++];
      }
      tokens.push({ kind: 'string', value, depth });
      index = end + quote.length;
    } else if ('{[('.includes(char)) {
      tokens.push({ kind: 'punct', value: char, depth });
      depth++;
      index++;
    } else if ('}])'.includes(char)) {
      if (depth === 0) {
        tokens.push({ kind: 'end', value: char, depth });
        return tokens;
      }
      depth--;
      tokens.push({ kind: 'punct', value: char, depth });
      index++;
    } else if (char === ':' || char === ',') {
      tokens.push({ kind: 'punct', value: char, depth });
      index++;
    } else {
      const word = /^[^\s#"'{}[\](),:]+/.exec(text.slice(index, index + 200))?.[0] ?? char;
      tokens.push({ kind: 'word', value: word, depth });
      index += word.length;
    }
  }
  return tokens;
}
