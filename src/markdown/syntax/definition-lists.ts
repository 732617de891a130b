import type { BlockContext, BlockMatch } from './block-context.js';
import { dedent, indentOf, isBlank, type SourceLine } from './lines.js';

/**
 * Definition lists (Python-Markdown `def_list`, kramdown, Hugo's Goldmark, PHP Markdown Extra):
 * term lines directly followed by `:   definition` lines. Pylon keeps no `<dl>`, so each term becomes a
 * bold paragraph and its definitions a bulleted list under it.
 */
const DEFINITION = /^([ \t]{0,3}):[ \t]+(\S.*)$/;
/** Lines that cannot be a term: another block starts there. */
const NOT_A_TERM = /^([ \t]{4,}|[ \t]*([#>|]|[-*+][ \t]|\d+[.)][ \t]|<!--|\{\/\*|```|~~~|:::))/;

export function definitionList(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  if (!context.syntax.has('definition-lists') || !DEFINITION.test(lines[index]!.text)) return null;
  const terms = takeTerms(context.emitted);
  if (terms.length === 0) return null;
  const out: SourceLine[] = terms.map((term, i) => ({
    text: `**${term.text.trim()}**${i < terms.length - 1 ? '\\' : ''}`,
    source: term.source,
  }));
  let next = index;
  while (next < lines.length) {
    const match = DEFINITION.exec(lines[next]!.text);
    if (!match) break;
    // Goldmark and kramdown continue a definition at its text's column (`: text` → 2); Python-Markdown at 4.
    const column = lines[next]!.text.length - match[2]!.length;
    const continuation = context.syntax.has('definitions-at-four-columns') ? 4 : Math.min(4, column);
    const { body, end } = definitionBody(lines, next, match[2]!, continuation);
    const scanned = context.scan(body);
    scanned.forEach((line, i) => {
      const prefix = i === 0 ? '- ' : '  ';
      out.push({ text: isBlank(line.text) ? '' : `${prefix}${line.text}`, source: line.source });
    });
    next = end;
    let after = next;
    while (after < lines.length && isBlank(lines[after]!.text)) after += 1;
    if (after < lines.length && DEFINITION.test(lines[after]!.text)) {
      out.push(...lines.slice(next, after));
      next = after;
    }
  }
  // The list items are `- ` lines: a line indented 1–3 spaces after them (a footnote definition written
  // under the list) would become part of the last item, where Python-Markdown reads it at the top level.
  let after = next;
  while (after < lines.length && isBlank(lines[after]!.text)) after += 1;
  const following = lines[after]?.text;
  if (following !== undefined && /^[ \t]{1,3}\S/.test(following) && context.format === 'md') {
    const source = lines[next - 1]?.source ?? lines[index]!.source;
    out.push({ text: '', source }, { text: '<!-- -->', source });
  }
  return { lines: out, next };
}

/** Removes and returns the term lines at the end of what was emitted (a paragraph's lines), or none. */
function takeTerms(emitted: SourceLine[]): SourceLine[] {
  // A loose list has a blank line between the term and its definition.
  let end = emitted.length;
  if (end > 0 && isBlank(emitted[end - 1]!.text)) end -= 1;
  let start = end;
  while (start > 0 && !isBlank(emitted[start - 1]!.text) && !NOT_A_TERM.test(emitted[start - 1]!.text))
    start -= 1;
  if (start === end) return [];
  // The paragraph must begin here: a line above it that belongs to another block means this is not a term.
  const above = emitted[start - 1]?.text;
  if (above !== undefined && !isBlank(above) && !/^[ \t]{0,3}#{1,6}([ \t]|$)/.test(above)) return [];
  return emitted.splice(start).slice(0, end - start);
}

/** The definition's first line, its lazy continuation lines, and the indented blocks after it, dedented. */
function definitionBody(
  lines: readonly SourceLine[],
  start: number,
  first: string,
  continuation: number,
): { body: SourceLine[]; end: number } {
  const body: SourceLine[] = [{ text: first, source: lines[start]!.source }];
  let index = start + 1;
  let end = index;
  let afterBlank = false;
  while (index < lines.length) {
    const text = lines[index]!.text;
    if (isBlank(text)) {
      afterBlank = true;
      index += 1;
      continue;
    }
    const indented = indentOf(text) >= continuation;
    if (!indented && (afterBlank || DEFINITION.test(text))) break;
    for (let blank = end; blank < index; blank += 1) body.push({ text: '', source: lines[blank]!.source });
    body.push({ text: indented ? dedent(text, continuation) : text, source: lines[index]!.source });
    afterBlank = false;
    index += 1;
    end = index;
  }
  return { body, end };
}
