/**
 * URLs a pulled file must not hold: schemes that run code or carry a document of their own when a reader
 * (GitHub, a site generator, a browser) follows them. Read the way browsers read them, with the WHATWG URL
 * parser: `␠JaVa&#x09;Script:…` (entities already decoded by the HTML parser) is `javascript:` too.
 */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

/** The unsafe scheme (`javascript:`, `data:`, `vbscript:`) a URL has as a browser reads it, or undefined. */
export function unsafeScheme(url: string): string | undefined {
  let protocol: string;
  try {
    // Absolute URLs only: a relative one resolves against the page's own http(s) address.
    protocol = new URL(url).protocol;
  } catch {
    return undefined;
  }
  return UNSAFE_SCHEMES.has(protocol) ? protocol : undefined;
}

/**
 * A `<base href>` to resolve relative URLs against, or undefined when it cannot be parsed as an absolute
 * URL (a browser ignores such a base too) or has an unsafe scheme.
 */
export function usableBase(href: string): URL | undefined {
  try {
    const base = new URL(href);
    return unsafeScheme(base.href) ? undefined : base;
  } catch {
    return undefined;
  }
}

/** `url` resolved against `base`, or `url` unchanged when the two do not make a URL. */
export function resolveAgainst(url: string, base: URL | undefined): string {
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
