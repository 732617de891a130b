import type { DesiredState } from '../content/types.js';
import { ASSET_ATTRIBUTE, type PlaceholderLookup, placeholdersIn } from '../identity/placeholders.js';
import { definitionOf, type Operation, type PlanReferences } from './types.js';

/**
 * The documents and files the bodies of a plan refer to (by placeholder, or by a URL already substituted),
 * with the titles, source paths and URLs a report needs to show a reader's view instead of raw placeholders.
 */

function bodiesOf(op: Operation): string[] {
  return definitionOf(op).shownBodies(op);
}

const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ASSET = new RegExp(`\\s${ASSET_ATTRIBUTE}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'gi');

const withoutAnchor = (href: string) => href.replace(/[?#].*$/, '');

export function planReferences(
  desired: DesiredState,
  lookup: PlaceholderLookup,
  operations: readonly Operation[],
): PlanReferences {
  const keys = new Set<string>();
  const hrefs = new Set<string>();
  const digests = new Set<string>();
  for (const html of operations.flatMap(bodiesOf)) {
    const found = placeholdersIn(html);
    for (const key of found.articles) keys.add(key);
    for (const sha of found.assets) digests.add(sha);
    for (const m of html.matchAll(HREF)) hrefs.add(withoutAnchor(m[1] ?? m[2] ?? ''));
    for (const m of html.matchAll(ASSET)) digests.add(m[1] ?? m[2] ?? '');
  }
  const previous = new Map<string, string>();
  for (const op of operations)
    if (op.kind === 'move-article' && op.from.url) previous.set(op.key, op.from.url);
  const linked = (url: string | null | undefined) =>
    url !== null && url !== undefined && hrefs.has(withoutAnchor(url));
  const refs: PlanReferences = { articles: {}, assets: {} };
  for (const doc of desired.articles) {
    const url = lookup.articleUrl(doc.key);
    const previousUrl = previous.get(doc.key);
    if (!keys.has(doc.key) && !linked(url) && !linked(previousUrl)) continue;
    refs.articles[doc.key] = {
      title: doc.title,
      path: doc.path,
      ...(url ? { url } : {}),
      ...(previousUrl ? { previousUrl } : {}),
    };
  }
  for (const doc of desired.articles) {
    for (const asset of [...(doc.assets ?? []), ...(doc.translations ?? []).flatMap((t) => t.assets)]) {
      if (!digests.has(asset.sha256) || refs.assets[asset.sha256]) continue;
      const url = lookup.assetUrl(asset.sha256);
      refs.assets[asset.sha256] = {
        path: asset.path,
        contentType: asset.contentType,
        ...(url ? { url } : {}),
      };
    }
  }
  return refs;
}
