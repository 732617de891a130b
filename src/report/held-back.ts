import type { HeldDocument } from '../plan/hold-back.js';

/**
 * The closing list of a run that held documents back: each file with its line, the problem and the fix,
 * so a person (or a CI log) sees what was not written and why.
 */
export function renderHeldBack(held: readonly HeldDocument[], written: boolean): string {
  if (held.length === 0) return '';
  const count = held.length === 1 ? '1 document was' : `${held.length} documents were`;
  const head = written
    ? `${count} held back (not written); everything else was applied:`
    : `${count} held back (not written):`;
  const lines = held.map((h) => {
    const at = h.line !== undefined ? `${h.file}:${h.line}` : h.file;
    const fix = h.hint ? `\n      fix: ${h.hint}` : '';
    return `  ${at}  [${h.code}] ${h.message}${fix}`;
  });
  return `${head}\n${lines.join('\n')}\nFix these and run apply again.\n`;
}
