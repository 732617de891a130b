import { editDistance } from '../diagnostics/did-you-mean.js';
import { stripMarkdownExtension } from './markdown-path.js';

/**
 * Did-you-mean over a tree's documents, for links that lead nowhere. A real tree can have a thousand such
 * links and a thousand documents, so the search is built once per list of document paths: their stems, a
 * character count of each (half the difference of two counts is a lower bound of the edit distance, so
 * most candidates are passed over without computing it), and the answers already given.
 */
interface NearIndex {
  stems: string[];
  counts: Uint16Array[];
  answers: Map<string, string[]>;
}

const INDEXES = new WeakMap<readonly string[], NearIndex>();
const BUCKETS = 40;

function bucketOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return 26 + code - 48;
  if (code === 47) return 36; // '/'
  if (code === 45) return 37; // '-'
  if (code === 95) return 38; // '_'
  return 39;
}

function countsOf(text: string): Uint16Array {
  const counts = new Uint16Array(BUCKETS);
  for (let i = 0; i < text.length; i++) {
    const bucket = bucketOf(text.charCodeAt(i));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  return counts;
}

/** A lower bound of the edit distance of two strings from their character counts. */
function countBound(a: Uint16Array, b: Uint16Array): number {
  let difference = 0;
  for (let i = 0; i < BUCKETS; i++) difference += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return Math.ceil(difference / 2);
}

function indexOf(docPaths: readonly string[]): NearIndex {
  let index = INDEXES.get(docPaths);
  if (!index) {
    const stems = docPaths.map(stripMarkdownExtension);
    index = { stems, counts: stems.map(countsOf), answers: new Map() };
    INDEXES.set(docPaths, index);
  }
  return index;
}

/**
 * Up to `limit` candidates nearest to `word`: those sharing its last path segment first, then those that
 * begin with it or that it begins with, then by edit distance within 40% of its length. `farApart(i, max)`
 * may pass over candidate `i` without computing its distance when it knows the distance exceeds `max`.
 */
export function closest(
  word: string,
  candidates: readonly string[],
  limit = 3,
  farApart: (index: number, max: number) => boolean = () => false,
): string[] {
  const last = (s: string) => s.slice(s.lastIndexOf('/') + 1);
  const threshold = Math.max(2, Math.floor(word.length * 0.4));
  const near: { candidate: string; distance: number }[] = [];
  candidates.forEach((candidate, i) => {
    let distance: number;
    if (last(candidate) === last(word)) distance = 0;
    else if (candidate.startsWith(word) || word.startsWith(candidate)) distance = 1;
    else if (farApart(i, threshold)) return;
    else distance = editDistance(word, candidate, threshold);
    if (distance <= threshold) near.push({ candidate, distance });
  });
  return near
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Up to three document stems (paths without extension) nearest to `word`, as `closest` finds them. */
export function nearestDocuments(word: string, docPaths: readonly string[]): string[] {
  const index = indexOf(docPaths);
  const known = index.answers.get(word);
  if (known) return known;
  const wordCounts = countsOf(word);
  const answer = closest(
    word,
    index.stems,
    3,
    (i, max) => countBound(wordCounts, index.counts[i] ?? new Uint16Array(BUCKETS)) > max,
  );
  index.answers.set(word, answer);
  return answer;
}
