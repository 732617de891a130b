/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The `count` candidates closest to `query` (case-insensitive), each scored by its best-matching label. */
export function closest<T>(
  query: string,
  candidates: readonly T[],
  labels: (c: T) => string[],
  count = 3,
): T[] {
  const q = query.toLowerCase();
  return candidates
    .map((candidate) => ({
      candidate,
      score: Math.min(...labels(candidate).map((label) => editDistance(q, label.toLowerCase()))),
    }))
    .sort((a, b) => a.score - b.score)
    .slice(0, count)
    .map((s) => s.candidate);
}
