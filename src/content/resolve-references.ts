import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ASSET_ATTRIBUTE, articlePlaceholder, assetPlaceholder } from '../identity/placeholders.js';
import type { LocalReference } from '../markdown/references.js';
import { type Replacement, replaceSentinels } from '../markdown/sentinels.js';
import { type AssetLookup, isAssetProblem } from './assets.js';
import {
  assetProblem,
  missingAnchor,
  missingTarget,
  outsideContent,
  unresolved,
  where,
} from './link-diagnostics.js';
import {
  anchorsFor,
  type Classified,
  classifyReference,
  type LinkTarget,
  type ReferenceOrigin,
  type TargetIndex,
} from './link-targets.js';
import type { AssetRef, LinkRef } from './types.js';

export interface ResolveContext {
  index: TargetIndex;
  /** What the I/O edge found for the referenced files; undefined when they were not read at all. */
  assets: AssetLookup | undefined;
  /** `link/unresolved` is an error instead of a warning. */
  strictLinks: boolean;
}

/** A rendered page: its HTML with sentinels, the references they stand for, and its own ids. */
export interface RenderedPage {
  origin: ReferenceOrigin;
  html: string;
  references: readonly LocalReference[];
  anchors: readonly string[];
  /** Line used for a reference whose line is unknown. */
  firstLine: number;
  /** `textDigest(html)`, from the rendering (resolving references does not change it). */
  textDigest?: string | undefined;
}

export interface ResolvedPage {
  html: string;
  links: LinkRef[];
  assets: AssetRef[];
  diagnostics: Diagnostic[];
}

/**
 * Writes the final URL of every local link and image of a page: article placeholders for documents,
 * asset placeholders (plus `data-pylon-kb-asset`) for files, the URL as written for the rest; broken
 * links and unusable files become diagnostics at their line.
 */
export function resolvePage(page: RenderedPage, context: ResolveContext): ResolvedPage {
  const out: ResolvedPage = { html: '', links: [], assets: [], diagnostics: [] };
  const own: LinkTarget = { key: page.origin.key, path: page.origin.path, anchors: new Set(page.anchors) };
  const replacements = page.references.map((reference) => replacementFor(reference, page, own, context, out));
  out.html = replaceSentinels(page.html, (index) => replacements[index] ?? { url: '' });
  return out;
}

/** The URL for one reference; records its LinkRef / AssetRef / diagnostic in `out`. */
function replacementFor(
  reference: LocalReference,
  page: RenderedPage,
  own: LinkTarget,
  context: ResolveContext,
  out: ResolvedPage,
): Replacement {
  const at = where(page.origin.path, reference);
  const line = reference.line ?? page.firstLine;
  const keep: Replacement = { url: reference.url };
  const found = selfAsFragment(classifyReference(reference, page.origin, context.index), page.origin);
  switch (found.type) {
    case 'ignore':
      return keep;
    case 'fragment':
      if (found.anchor !== '' && !own.anchors.has(found.anchor))
        out.diagnostics.push(missingAnchor(reference.url, found.anchor, own, true, at));
      return reference.url.startsWith('#') ? keep : { url: `#${found.anchor}` };
    case 'document': {
      const anchors = anchorsFor(found.target, page.origin, context.index);
      if (found.anchor !== undefined && !anchors.anchors.has(found.anchor))
        out.diagnostics.push(missingAnchor(reference.url, found.anchor, anchors, false, at));
      out.links.push({
        targetKey: found.target.key,
        ...(found.anchor !== undefined && { anchor: found.anchor }),
        line,
        ...(reference.column !== undefined && { column: reference.column }),
      });
      return { url: articlePlaceholder(found.target.key, found.anchor) };
    }
    case 'missing-document': {
      const { wanted, outside } = found;
      out.diagnostics.push(missingTarget(reference.url, wanted, outside, context.index.docPaths, at));
      return keep;
    }
    case 'unresolved': {
      const { wanted, collection } = found;
      const docs = context.index.docPaths;
      out.diagnostics.push(unresolved(reference.url, wanted, collection, docs, context.strictLinks, at));
      return keep;
    }
    case 'asset-outside':
      out.diagnostics.push(outsideContent(reference.url, reference.kind, at));
      return keep;
    case 'asset': {
      const read = context.assets?.get(found.path) ?? {
        error: 'missing' as const,
        path: found.path,
        ...(context.assets === undefined && { detail: 'was not read (no file information was given)' }),
      };
      if (isAssetProblem(read)) {
        out.diagnostics.push(assetProblem(reference.url, reference.kind, read, at));
        return keep;
      }
      const { path, sha256, size, contentType } = read;
      out.assets.push({ path, sha256, size, contentType, line });
      return { url: assetPlaceholder(sha256), attributes: { [ASSET_ATTRIBUTE]: sha256 } };
    }
  }
}

/** A link to the page itself (`setup.md#install` in setup.md) is an in-page link: `#install`. */
function selfAsFragment(found: Classified, origin: ReferenceOrigin): Classified {
  if (found.type !== 'document' || found.target.key !== origin.key) return found;
  if (found.target.language !== undefined && found.target.language !== origin.language) return found;
  return { type: 'fragment', anchor: found.anchor ?? '' };
}
