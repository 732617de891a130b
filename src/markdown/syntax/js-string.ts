/**
 * JavaScript string literals as MDX `import` statements write them: `'./a.mdx'`, `"./it\'s.mdx"`,
 * `'./caf\u00e9.mdx'`. The value is what JavaScript reads, escapes decoded.
 */

/** A single- or double-quoted string literal on one line (a source for `RegExp`). */
export const JS_STRING = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;

const SIMPLE: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** The value of a quoted literal (quotes included); undefined when an escape is malformed. */
export function jsStringValue(literal: string): string | undefined {
  const body = literal.slice(1, -1);
  let malformed = false;
  const value = body.replace(
    /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\s\S]))/g,
    (_, braced?: string, unicode?: string, hex?: string, other?: string) => {
      const code = braced ?? unicode ?? hex;
      if (code !== undefined) {
        const point = Number.parseInt(code, 16);
        if (point > 0x10ffff) malformed = true;
        return point > 0x10ffff ? '' : String.fromCodePoint(point);
      }
      if (other === undefined || other === 'u' || other === 'x') {
        malformed = true;
        return '';
      }
      if (other === '\n' || other === '\r\n' || other === '\r') return '';
      return SIMPLE[other] ?? other;
    },
  );
  return malformed ? undefined : value;
}
