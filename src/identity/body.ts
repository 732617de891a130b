/*
 * The body as sent: placeholders substituted and the marker's digests recomputed over the result. Plan
 * (to tell what changed) and apply (to send it) both finalise bodies here, so the digest pylon-kb records
 * is the one a later plan computes.
 */
import { digestOf } from './digest.js';
import { type Marker, readMarker, stripMarker, withMarker } from './marker.js';
import { type PlaceholderLookup, substitutePlaceholders } from './placeholders.js';
import { textDigest } from './text-digest.js';

export interface FinalBody {
  /** The body to send, with every known URL substituted and a marker whose digests cover it. */
  html: string;
  /** The marker digest: title and body as sent. */
  digest: string;
  pendingArticles: string[];
  pendingAssets: string[];
}

/** The digest a marker records: the title and the body as sent (URLs substituted, no marker). */
export function bodyDigest(title: string, content: string): string {
  return digestOf(title, content);
}

/** The digest of a title as pylon-kb wrote it, recorded in the marker (a copy retitled in Pylon differs). */
export function titleDigest(title: string): string {
  return digestOf(title).slice(0, 12);
}

/**
 * The body as it would be sent, without its marker, and its digest: enough to tell whether an article
 * changed, without the cost of the marker's text digest (an HTML parse).
 */
export function previewBody(
  html: string,
  title: string,
  lookup: PlaceholderLookup,
): { content: string; digest: string; pending: boolean } {
  const substituted = substitutePlaceholders(html, lookup);
  return {
    content: substituted.html,
    digest: bodyDigest(title, substituted.html),
    pending: substituted.pendingArticles.length > 0 || substituted.pendingAssets.length > 0,
  };
}

/** A lookup that knows nothing: every placeholder stays. */
export const EMPTY_LOOKUP: PlaceholderLookup = { articleUrl: () => null, assetUrl: () => null };

/**
 * Substitutes what `lookup` knows into a marked body and recomputes the marker's digests over the result.
 * Plan and apply both call this, so the digest pylon-kb records is the one a later plan computes for the
 * same docs and the same remote URLs; a moved link target changes it.
 */
export function finalizeBody(markedHtml: string, title: string, lookup: PlaceholderLookup): FinalBody {
  const marker = readMarker(markedHtml);
  const substituted = substitutePlaceholders(stripMarker(markedHtml), lookup);
  const digest = bodyDigest(title, substituted.html);
  const html = marker
    ? withMarker(substituted.html, {
        ...marker,
        digest,
        // Substitution only changes href/src values, so the text digest made with the rendering still holds.
        textDigest: marker.textDigest || textDigest(substituted.html),
        titleDigest: titleDigest(title),
      } satisfies Marker)
    : substituted.html;
  return {
    html,
    digest,
    pendingArticles: substituted.pendingArticles,
    pendingAssets: substituted.pendingAssets,
  };
}

/** Chains lookups: the first that knows a URL wins. */
export function combineLookups(...lookups: PlaceholderLookup[]): PlaceholderLookup {
  return {
    articleUrl: (key) => {
      for (const l of lookups) {
        const url = l.articleUrl(key);
        if (url !== null) return url;
      }
      return null;
    },
    assetUrl: (sha) => {
      for (const l of lookups) {
        const url = l.assetUrl(sha);
        if (url !== null) return url;
      }
      return null;
    },
  };
}

/** Links inside a translation open the target in the same language. */
export function inLanguage(lookup: PlaceholderLookup, language: string): PlaceholderLookup {
  return {
    articleUrl: (key) => {
      const url = lookup.articleUrl(key);
      return url === null
        ? null
        : `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
    },
    assetUrl: (sha) => lookup.assetUrl(sha),
  };
}
