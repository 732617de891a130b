/**
 * The pylon-kb marker: a small empty element appended to every article pylon-kb creates, carrying
 * the document key, the digest of what was rendered, a digest of the visible text (for drift detection),
 * the route redirects created for the article (Pylon cannot list redirects), and whether the article was
 * retired by unlisting, and the document keys it had before a move (so links to an old path keep resolving).
 *
 * Encoding: `<div data-pylon-kb="v1;k=<key>;d=<digest>;t=<text digest>;r=<path>,<path>;f=<key>,<key>;x=1;p=<article id>;l=<language>;s=<source digest>;i=<own article id>;n=<title digest>"></div>`, every value
 * percent-encoded, so the attribute survives an editor re-serialising HTML (attribute order, entities, quotes).
 * This is the only module that knows the encoding.
 */
export interface Marker {
  key: string;
  digest: string;
  textDigest: string;
  redirects: string[];
  /** Keys the document had before pylon-kb moved it (`old/setup` for `guides/setup`), newest first. */
  formerKeys?: string[];
  /** Retired by unlisting (a move or an orphan): kept in Pylon, no longer managed. */
  retired?: boolean;
  /** Ids of the articles this one replaces (a move in progress): a run that finds them finishes the move. */
  replaces?: string[];
  /** On a translation's body: its language, and the digest of the source document when it was written. */
  language?: string;
  sourceDigest?: string;
  /**
   * The id of the article pylon-kb wrote this body into (known from the first update after the create):
   * a copy made in Pylon's editor carries the original's id, so it is told apart from pylon-kb's own.
   */
  articleId?: string;
  /** Digest of the title pylon-kb wrote with this body: a copy retitled in Pylon no longer matches it. */
  titleDigest?: string;
}

import { decodeHtmlEntities } from '../pylon-api/index.js';

const ATTRIBUTE = 'data-pylon-kb';
const VERSION = 'v1';
const MARKER_ELEMENT = /<div\b[^>]*\bdata-pylon-kb\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>\s*<\/div>/gi;

function encode(marker: Marker): string {
  const parts = [
    VERSION,
    `k=${encodeURIComponent(marker.key)}`,
    `d=${encodeURIComponent(marker.digest)}`,
    `t=${encodeURIComponent(marker.textDigest)}`,
  ];
  if (marker.redirects.length > 0) parts.push(`r=${marker.redirects.map(encodeURIComponent).join(',')}`);
  if (marker.formerKeys && marker.formerKeys.length > 0)
    parts.push(`f=${marker.formerKeys.map(encodeURIComponent).join(',')}`);
  if (marker.retired) parts.push('x=1');
  if (marker.replaces && marker.replaces.length > 0)
    parts.push(`p=${marker.replaces.map(encodeURIComponent).join(',')}`);
  if (marker.language) parts.push(`l=${encodeURIComponent(marker.language)}`);
  if (marker.sourceDigest) parts.push(`s=${encodeURIComponent(marker.sourceDigest)}`);
  if (marker.articleId) parts.push(`i=${encodeURIComponent(marker.articleId)}`);
  if (marker.titleDigest) parts.push(`n=${encodeURIComponent(marker.titleDigest)}`);
  return parts.join(';');
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function decode(raw: string): Marker | null {
  const [version, ...fields] = decodeHtmlEntities(raw).split(';');
  if (version !== VERSION) return null;
  const values = new Map<string, string>();
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq > 0) values.set(field.slice(0, eq), field.slice(eq + 1));
  }
  const key = safeDecode(values.get('k') ?? '');
  const digest = safeDecode(values.get('d') ?? '');
  const textDigest = safeDecode(values.get('t') ?? '') ?? '';
  if (!key || !digest) return null;
  const list = (field: string) =>
    (values.get(field) ?? '')
      .split(',')
      .filter((p) => p.length > 0)
      .map(safeDecode)
      .filter((p): p is string => p !== null);
  const replaces = list('p');
  const formerKeys = list('f');
  return {
    key,
    digest,
    textDigest,
    redirects: list('r'),
    ...(formerKeys.length > 0 ? { formerKeys } : {}),
    ...(values.get('x') === '1' ? { retired: true } : {}),
    ...(replaces.length > 0 ? { replaces } : {}),
    ...(values.get('l') ? { language: safeDecode(values.get('l') ?? '') ?? '' } : {}),
    ...(values.get('s') ? { sourceDigest: safeDecode(values.get('s') ?? '') ?? '' } : {}),
    ...(values.get('i') ? { articleId: safeDecode(values.get('i') ?? '') ?? '' } : {}),
    ...(values.get('n') ? { titleDigest: safeDecode(values.get('n') ?? '') ?? '' } : {}),
  };
}

/** Appends the marker to rendered HTML. */
export function withMarker(html: string, marker: Marker): string {
  return `${html}\n<div ${ATTRIBUTE}="${encode(marker)}"></div>`;
}

/** The marker of an article body, or null for a hand-written article. The last marker wins. */
export function readMarker(html: string | null | undefined): Marker | null {
  if (!html) return null;
  let found: Marker | null = null;
  for (const match of html.matchAll(MARKER_ELEMENT)) {
    const decoded = decode(match[1] ?? match[2] ?? match[3] ?? '');
    if (decoded) found = decoded;
  }
  return found;
}

/** The body without its marker element. */
export function stripMarker(html: string | null | undefined): string {
  if (!html) return '';
  return html.replace(MARKER_ELEMENT, '').trimEnd();
}
