/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate `word` was most likely meant to be (case-insensitive, `-` and `_` treated alike), or
 * undefined when none is within one edit per three characters (at least one edit allowed).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const normalise = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const target = normalise(word);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best || best.distance > Math.max(1, Math.floor(target.length / 3))) return undefined;
  return best.candidate;
}
