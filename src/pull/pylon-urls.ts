import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { relativeReference } from './paths.js';
import type { UrlKind } from './prepare-hast.js';

const ARTICLE_PATH = /^\/articles\/(\d+)(?:-[^/]*)?\/?$/;

/** The numeric identifier of a Pylon article URL (`…/articles/1234567890-title`), or null. */
export function articleIdentifierOf(url: string): string | null {
  try {
    return ARTICLE_PATH.exec(new URL(url, 'https://kb.invalid').pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether a URL is a file Pylon hosts (an attachment): on Pylon's asset host, or under `/_assets/` at the
 * API's own origin (the emulator serves attachments there).
 */
export function isPylonHosted(url: string, apiOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(parsed.protocol)) return false;
  if (parsed.hostname === 'assets.usepylon.com' || parsed.hostname.endsWith('.assets.usepylon.com'))
    return true;
  return parsed.origin === apiOrigin && parsed.pathname.startsWith('/_assets/');
}

/** The URLs of Pylon-hosted files an article body embeds or links to, in document order. */
export function hostedFileUrls(html: string, apiOrigin: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    const url = node.tagName === 'a' ? node.properties.href : node.properties.src;
    if (typeof url === 'string' && isPylonHosted(url, apiOrigin) && !found.includes(url)) found.push(url);
  });
  return found;
}

export interface ReferenceTargets {
  /** Tree path of the pulled article with this numeric identifier. */
  articles: ReadonlyMap<string, string>;
  /** Tree path of the downloaded file for this URL. */
  files: ReadonlyMap<string, string>;
}

/**
 * How a document's links and images are rewritten: a link to a pulled article becomes a relative link to
 * its file (the `#anchor` kept); a downloaded file becomes a relative reference. Everything else stays.
 */
export function referenceRewriter(
  docPath: string,
  targets: ReferenceTargets,
): (kind: UrlKind, url: string) => string | undefined {
  return (_kind, url) => {
    const file = targets.files.get(url);
    if (file) return encodeSpaces(relativeReference(docPath, file));
    const identifier = articleIdentifierOf(url);
    const target = identifier ? targets.articles.get(identifier) : undefined;
    if (!target) return undefined;
    const hash = url.indexOf('#');
    return `${encodeSpaces(relativeReference(docPath, target))}${hash >= 0 ? url.slice(hash) : ''}`;
  };
}

function encodeSpaces(path: string): string {
  return path.replace(/ /g, '%20');
}
