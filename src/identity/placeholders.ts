/**
 * Placeholders for what only exists on the remote: an article's public URL (known once it is created and
 * published) and an uploaded file's URL (known once uploaded). Rendered HTML carries placeholders, so its
 * digest does not depend on the remote; plan and apply substitute the URLs before sending.
 *
 * - An article link: `href="pylon-kb://article/<percent-encoded key>#anchor"`.
 * - A file (image or download): `src` / `href` = `pylon-kb://asset/<sha256>`, and the element carries
 *   `data-pylon-kb-asset="<sha256>"`, which stays after substitution so the uploaded URL can be found again
 *   in the remote HTML on any machine (no local cache needed).
 */
import { decodeHtmlEntities } from '../pylon-api/index.js';

const ARTICLE_PREFIX = 'pylon-kb://article/';
const ASSET_PREFIX = 'pylon-kb://asset/';

/**
 * The key percent-encoded, `!'()*` too (encodeURIComponent leaves them): an HTML serializer may write `'` as
 * `&#x27;`, whose `#` would cut the key short where the placeholder is read back.
 */
export function articlePlaceholder(key: string, anchor?: string): string {
  const id = encodeURIComponent(key).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${ARTICLE_PREFIX}${id}${anchor ? `#${anchor}` : ''}`;
}

export function assetPlaceholder(sha256: string): string {
  return `${ASSET_PREFIX}${sha256}`;
}

export const ASSET_ATTRIBUTE = 'data-pylon-kb-asset';

const PLACEHOLDER_ATTRIBUTE = /(\s(?:href|src)=")pylon-kb:\/\/(article|asset)\/([^"#]*)(#[^"]*)?(")/g;

export interface PlaceholderLookup {
  /** The public URL of the article with this key, or null when it has none yet. */
  articleUrl(key: string): string | null;
  /** The uploaded URL of the file with this digest, or null when it is not uploaded yet. */
  assetUrl(sha256: string): string | null;
}

export interface Substitution {
  html: string;
  /** Keys of articles whose URL is not known yet. */
  pendingArticles: string[];
  /** Digests of files not uploaded yet. */
  pendingAssets: string[];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Replaces every placeholder whose URL is known; the others stay as they are and are listed. */
export function substitutePlaceholders(html: string, lookup: PlaceholderLookup): Substitution {
  const pendingArticles = new Set<string>();
  const pendingAssets = new Set<string>();
  const out = html.replace(
    PLACEHOLDER_ATTRIBUTE,
    (whole, open: string, kind: string, id: string, anchor: string | undefined, close: string) => {
      if (kind === 'article') {
        const key = decode(id);
        const url = lookup.articleUrl(key);
        if (url === null) {
          pendingArticles.add(key);
          return whole;
        }
        return `${open}${escapeAttribute(url)}${anchor ?? ''}${close}`;
      }
      const url = lookup.assetUrl(id);
      if (url === null) {
        pendingAssets.add(id);
        return whole;
      }
      return `${open}${escapeAttribute(url)}${close}`;
    },
  );
  return { html: out, pendingArticles: [...pendingArticles], pendingAssets: [...pendingAssets] };
}

/** Keys of the articles and digests of the files an HTML body refers to through placeholders. */
export function placeholdersIn(html: string): { articles: string[]; assets: string[] } {
  const articles = new Set<string>();
  const assets = new Set<string>();
  for (const match of html.matchAll(PLACEHOLDER_ATTRIBUTE)) {
    if (match[2] === 'article') articles.add(decode(match[3] ?? ''));
    else assets.add(match[3] ?? '');
  }
  return { articles: [...articles], assets: [...assets] };
}

const TAGGED_ELEMENT = /<(?:img|a)\b[^>]*>/gi;
const ATTRIBUTE_VALUE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i');

/** Uploaded file URLs found in remote HTML, by content digest (from `data-pylon-kb-asset` attributes). */
export function uploadedAssetUrls(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [element] of html.matchAll(TAGGED_ELEMENT)) {
    const sha = ATTRIBUTE_VALUE(ASSET_ATTRIBUTE).exec(element);
    const url = ATTRIBUTE_VALUE('src').exec(element) ?? ATTRIBUTE_VALUE('href').exec(element);
    const digest = sha?.[1] ?? sha?.[2];
    const value = url?.[1] ?? url?.[2];
    if (digest && value && !value.startsWith('pylon-kb://')) found.set(digest, decodeHtmlEntities(value));
  }
  return found;
}
