import { editDistance } from '../diagnostics/did-you-mean.js';

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
