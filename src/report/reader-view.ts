import type { DocumentReference, PlanReferences } from '../plan/types.js';
import { decodeHtmlEntities, escapeHtml } from '../pylon-api/html-text.js';

/**
 * Bodies as a reader will see them, for diffs and before/after panes: a link to another document shows
 * that document's title and source path (never a `pylon-kb://` placeholder, nor a bare URL when the
 * target is known), and an embedded file shows its source path (text) or the image itself (HTML).
 */

const ARTICLE_PLACEHOLDER = 'pylon-kb://article/';
const TAG = /<(a|img)\b[^>]*>/gi;
const attribute = (name: string) => new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`, 'i');

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

interface Target {
  key: string;
  ref: DocumentReference | undefined;
  anchor: string;
}

function urlIndex(refs: PlanReferences | undefined): Map<string, string> {
  const byUrl = new Map<string, string>();
  for (const [key, ref] of Object.entries(refs?.articles ?? {})) {
    if (ref.url) byUrl.set(ref.url.replace(/[?#].*$/, ''), key);
    if (ref.previousUrl) byUrl.set(ref.previousUrl.replace(/[?#].*$/, ''), key);
  }
  return byUrl;
}

function linkTarget(
  href: string,
  refs: PlanReferences | undefined,
  byUrl: Map<string, string>,
): Target | null {
  const hash = href.indexOf('#');
  const anchor = hash >= 0 ? href.slice(hash) : '';
  const bare = hash >= 0 ? href.slice(0, hash) : href;
  if (bare.startsWith(ARTICLE_PLACEHOLDER)) {
    const key = decode(bare.slice(ARTICLE_PLACEHOLDER.length));
    return { key, ref: refs?.articles[key], anchor };
  }
  const key = byUrl.get(bare.replace(/\?.*$/, ''));
  return key === undefined ? null : { key, ref: refs?.articles[key], anchor };
}

function readAttribute(tag: string, name: string): string | undefined {
  const m = attribute(name).exec(tag);
  return m ? decodeHtmlEntities(m[2] ?? m[3] ?? '') : undefined;
}

function setAttribute(tag: string, name: string, value: string | null): string {
  const pattern = attribute(name);
  if (value === null) return tag.replace(pattern, '');
  const quoted = `"${escapeHtml(value)}"`;
  return pattern.test(tag)
    ? tag.replace(pattern, `$1${quoted}`)
    : tag.replace(/\s*\/?>$/, ` ${name}=${quoted}>`);
}

/** `Title (path#anchor)`: how a link to another document reads in a diff. */
export function describeTarget(target: Target): string {
  const where = `${target.ref?.path ?? target.key}${target.anchor}`;
  return target.ref ? `“${target.ref.title}” ${where}` : where;
}

/** For text diffs: links become `“Title” path`, images their source path. */
export function readerTextHtml(html: string, refs: PlanReferences | undefined): string {
  const byUrl = urlIndex(refs);
  return html.replace(TAG, (tag, name: string) => {
    if (name.toLowerCase() === 'a') {
      const target = linkTarget(readAttribute(tag, 'href') ?? '', refs, byUrl);
      return target ? setAttribute(tag, 'href', describeTarget(target)) : tag;
    }
    const sha = readAttribute(tag, 'data-pylon-kb-asset');
    const asset = sha ? refs?.assets[sha] : undefined;
    return asset ? setAttribute(tag, 'src', asset.path) : tag;
  });
}

/**
 * For HTML panes: a link to a document points at its public URL when known (else at nothing) and says
 * where it goes in its title; an embedded file shows the local file inlined (`images`: data URLs by digest)
 * or its uploaded URL.
 */
export function readerPaneHtml(
  html: string,
  refs: PlanReferences | undefined,
  images: Readonly<Record<string, string>> = {},
): string {
  const byUrl = urlIndex(refs);
  return html.replace(TAG, (tag, name: string) => {
    if (name.toLowerCase() === 'a') {
      const target = linkTarget(readAttribute(tag, 'href') ?? '', refs, byUrl);
      if (!target) return tag;
      const url = target.ref?.url ? `${target.ref.url}${target.anchor}` : null;
      return setAttribute(setAttribute(tag, 'href', url), 'title', describeTarget(target));
    }
    const sha = readAttribute(tag, 'data-pylon-kb-asset');
    if (!sha) return tag;
    // Already uploaded: the file as readers get it. Not yet: the local file, inlined by the caller.
    const current = readAttribute(tag, 'src') ?? '';
    if (/^https?:\/\//i.test(current)) return tag;
    const asset = refs?.assets[sha];
    const src = images[sha] ?? asset?.url ?? asset?.path ?? current;
    return setAttribute(tag, 'src', src);
  });
}

/** Origins of the uploaded files the panes may show (the report's CSP allows exactly these). */
export function uploadedImageOrigins(refs: PlanReferences | undefined): string[] {
  const origins = new Set<string>();
  for (const asset of Object.values(refs?.assets ?? {})) {
    if (!asset.url) continue;
    try {
      const url = new URL(asset.url);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // not a URL: never loaded
    }
  }
  return [...origins].sort();
}
