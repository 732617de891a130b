/**
 * Text similarity for pairing a renamed file with the remote article that lost its source.
 *
 * The measure: the Dice coefficient of the two texts' word-bigram multisets (lower-cased words, punctuation
 * ignored): 2·|A ∩ B| / (|A| + |B|). Kept passages keep their bigrams wherever they move in the file, so a
 * file with 60% of its text kept scores about 0.6, while two unrelated articles share almost no bigrams
 * (common words alone do not count, as they would in a bag of words).
 */
function bigrams(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const counts = new Map<string, number>();
  if (words.length === 1 && words[0]) counts.set(words[0], 1);
  for (let i = 1; i < words.length; i++) {
    const gram = `${words[i - 1]} ${words[i]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function textSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let sizeLeft = 0;
  let sizeRight = 0;
  let shared = 0;
  for (const n of left.values()) sizeLeft += n;
  for (const [gram, n] of right) {
    sizeRight += n;
    shared += Math.min(n, left.get(gram) ?? 0);
  }
  if (sizeLeft + sizeRight === 0) return a.trim() === b.trim() ? 1 : 0;
  return (2 * shared) / (sizeLeft + sizeRight);
}

export interface PairCandidate<L, R> {
  left: L;
  right: R;
  score: number;
}

export interface Pairing<L, R> {
  pairs: PairCandidate<L, R>[];
  /** Left items whose best partners scored too close to tell apart. */
  ambiguous: { left: L; candidates: PairCandidate<L, R>[] }[];
}

/**
 * Pairs items best match first, each item at most once. A pair must score at least `threshold`; when the
 * best partner of an item is within `margin` of its second best, the item is reported as ambiguous and
 * not paired (a wrong guess would redirect readers to the wrong article).
 */
export function pairBySimilarity<L, R>(
  lefts: readonly L[],
  rights: readonly R[],
  score: (left: L, right: R) => number,
  threshold = 0.5,
  margin = 0.05,
): Pairing<L, R> {
  const all: PairCandidate<L, R>[] = [];
  for (const left of lefts) {
    for (const right of rights) {
      const s = score(left, right);
      if (s >= threshold) all.push({ left, right, score: s });
    }
  }
  all.sort((a, b) => b.score - a.score);
  const usedLeft = new Set<L>();
  const usedRight = new Set<R>();
  const pairs: PairCandidate<L, R>[] = [];
  const ambiguous: Pairing<L, R>['ambiguous'] = [];
  for (const candidate of all) {
    if (usedLeft.has(candidate.left) || usedRight.has(candidate.right)) continue;
    const rivals = all.filter(
      (c) =>
        c !== candidate &&
        candidate.score - c.score <= margin &&
        ((c.left === candidate.left && !usedRight.has(c.right)) ||
          (c.right === candidate.right && !usedLeft.has(c.left))),
    );
    usedLeft.add(candidate.left);
    usedRight.add(candidate.right);
    if (rivals.length > 0) {
      ambiguous.push({ left: candidate.left, candidates: [candidate, ...rivals] });
      for (const r of rivals) {
        usedLeft.add(r.left);
        usedRight.add(r.right);
      }
      continue;
    }
    pairs.push(candidate);
  }
  return { pairs, ambiguous };
}
