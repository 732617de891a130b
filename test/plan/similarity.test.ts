import { describe, expect, it } from 'vitest';
import { pairBySimilarity, textSimilarity } from '../../src/plan/similarity.js';

const paragraph = (n: number, topic: string) =>
  Array.from(
    { length: n },
    (_, i) => `Step ${i} of the ${topic} guide explains setting ${topic} option ${i} carefully.`,
  ).join(' ');

describe('textSimilarity', () => {
  it('scores identical text 1 and unrelated text near 0', () => {
    const a = paragraph(10, 'billing');
    expect(textSimilarity(a, a)).toBe(1);
    expect(
      textSimilarity(a, 'A completely different article about keyboard shortcuts and themes.'),
    ).toBeLessThan(0.1);
  });

  it('scores a text with 70% kept and 30% rewritten between 0.5 and 0.9', () => {
    const kept = paragraph(7, 'billing');
    const original = `${kept} ${paragraph(3, 'invoices')}`;
    const edited = `${kept} New closing words were written here to replace the last part entirely today.`;
    const score = textSimilarity(original, edited);
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(0.9);
  });
});

describe('pairBySimilarity', () => {
  const score = (a: string, b: string) => textSimilarity(a, b);

  it('pairs best matches first, each item once, above the threshold', () => {
    const lefts = [paragraph(5, 'alpha'), paragraph(5, 'beta'), 'nothing alike at all here'];
    const rights = [paragraph(5, 'beta'), paragraph(5, 'alpha')];
    const { pairs, ambiguous } = pairBySimilarity(lefts, rights, score);
    expect(ambiguous).toEqual([]);
    expect(pairs.map((p) => [lefts.indexOf(p.left), rights.indexOf(p.right)])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('reports a tie instead of guessing', () => {
    const text = paragraph(5, 'alpha');
    const { pairs, ambiguous } = pairBySimilarity([text], [text, text], score);
    expect(pairs).toEqual([]);
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]?.candidates).toHaveLength(2);
  });
});
