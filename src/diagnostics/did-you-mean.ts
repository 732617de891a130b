/**
 * Edit distance where a swap of two neighbouring characters counts as one edit (optimal string alignment).
 * With `max`, the work stops as soon as the distance is known to exceed it, and `max + 1` is returned:
 * callers that only keep near candidates (did-you-mean over every document of a tree) pay for those alone.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  // Three rows suffice: the transposition looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] ?? 0, max + 1);
}

/**
 * The candidate `word` was most likely meant to be (case-insensitive, `-` and `_` treated alike), or
 * undefined when none is close: within one edit per three characters (at least one), or the only
 * candidate that starts with a word of three or more characters (`internal` → `internal_only`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const normalise = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const target = normalise(word);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(target.length / 3))) return best.candidate;
  const prefixed = target.length >= 3 ? candidates.filter((c) => normalise(c).startsWith(target)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
