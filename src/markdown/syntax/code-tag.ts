import type { SourceLine } from './lines.js';

/**
 * GitBook's `{% code title="index.js" %}` around a fenced block: the title moves onto the fence as
 * `title="index.js"`, so it is published like every other code title (code-titles.ts). Null when the
 * body does not start with a fence (or the title holds both kinds of quote): the caller captions it.
 */
const FENCE_OPENING = /^([ \t]*(?:`{3,}|~{3,}))(.*)$/;

export function titledFence(body: readonly SourceLine[], title: string): SourceLine[] | null {
  const first = body.findIndex((line) => line.text.trim() !== '');
  const match = first < 0 ? null : FENCE_OPENING.exec(body[first]!.text);
  if (!match || (title.includes('"') && title.includes("'"))) return null;
  const quote = title.includes('"') ? "'" : '"';
  const [, fence = '', info = ''] = match;
  const text = `${fence}${info.trim() === '' ? '' : `${info.trimEnd()} `}title=${quote}${title}${quote}`;
  return body.map((line, index) => (index === first ? { ...line, text } : line));
}
