import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ASSET_ATTRIBUTE, articlePlaceholder, assetPlaceholder } from '../identity/placeholders.js';
import type { LocalReference } from '../markdown/references.js';
import { type Replacement, replaceSentinels } from '../markdown/sentinels.js';
import { type AssetLookup, isAssetProblem } from './assets.js';
import {
  assetProblem,
  emptyLink,
  excludedTarget,
  invalidTarget,
  missingAnchor,
  missingTarget,
  oldPathLink,
  outsideContent,
  sitePage,
  unresolved,
  where,
} from './link-diagnostics.js';
import {
  anchorsFor,
  type Classified,
  classifyReference,
  type LinkTarget,
  onSite,
  type ReferenceOrigin,
  type TargetIndex,
} from './link-targets.js';
import { relativeLink } from './old-paths.js';
import type { AssetRef, LinkRef } from './types.js';

export interface ResolveContext {
  index: TargetIndex;
  /** What the I/O edge found for the referenced files; undefined when they were not read at all. */
  assets: AssetLookup | undefined;
  /** `link/unresolved` is an error instead of a warning. */
  strictLinks: boolean;
  /** A link to a missing heading: a warning (default) or an error. */
  brokenAnchors?: 'warn' | 'error' | undefined;
  /** A link to a missing document: an error (default) or a warning (published as written). */
  brokenLinks?: 'warn' | 'error' | undefined;
}

const severityOf = (policy: 'warn' | 'error' | undefined, fallback: 'warning' | 'error') =>
  policy === undefined ? fallback : policy === 'warn' ? ('warning' as const) : ('error' as const);

/**
 * The id a `#fragment` lands on: itself, or the published form of a site's footnote id
 * (`#fn:1` → `#fn-1`, `#fnref:1` → `#fnref-1`, as Python-Markdown, kramdown and goldmark write them).
 */
export function publishedAnchor(anchor: string, anchors: ReadonlySet<string>): string | undefined {
  if (anchors.has(anchor)) return anchor;
  const footnote = /^(fn|fnref):(.+)$/.exec(anchor);
  const alias = footnote ? `${footnote[1]}-${footnote[2]}` : undefined;
  return alias !== undefined && anchors.has(alias) ? alias : undefined;
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
  classified?: Classified,
): Replacement {
  const at = where(page.origin.path, reference);
  const anchorSeverity = severityOf(context.brokenAnchors, context.strictLinks ? 'error' : 'warning');
  const line = reference.line ?? page.firstLine;
  const keep: Replacement = { url: reference.url };
  const found =
    classified ?? selfAsFragment(classifyReference(reference, page.origin, context.index), page.origin);
  switch (found.type) {
    case 'ignore':
      if (reference.url !== '' || reference.kind !== 'link') return keep;
      out.diagnostics.push(emptyLink(at));
      return { url: '', unlink: true };
    case 'fragment': {
      if (found.anchor === '') return reference.url.startsWith('#') ? keep : { url: '#' };
      const anchor = publishedAnchor(found.anchor, own.anchors);
      if (anchor === undefined)
        out.diagnostics.push(missingAnchor(reference.url, found.anchor, own, true, at, anchorSeverity));
      if (anchor !== undefined && anchor !== found.anchor) return { url: `#${anchor}` };
      return reference.url.startsWith('#') ? keep : { url: `#${found.anchor}` };
    }
    case 'document': {
      const anchors = anchorsFor(found.target, page.origin, context.index);
      const anchor =
        found.anchor === undefined
          ? undefined
          : (publishedAnchor(found.anchor, anchors.anchors) ?? found.anchor);
      if (found.anchor !== undefined && !anchors.anchors.has(anchor ?? ''))
        out.diagnostics.push(missingAnchor(reference.url, found.anchor, anchors, false, at, anchorSeverity));
      if (found.movedFrom !== undefined) {
        const newLink = `${relativeLink(page.origin.path, found.target.path)}${found.anchor ? `#${found.anchor}` : ''}`;
        out.diagnostics.push(
          oldPathLink(reference.url, found.movedFrom, found.target, newLink, at, found.movedBy),
        );
      }
      out.links.push({
        targetKey: found.target.key,
        ...(anchor !== undefined && { anchor }),
        line,
        ...(reference.column !== undefined && { column: reference.column }),
      });
      return { url: articlePlaceholder(found.target.key, anchor) };
    }
    case 'missing-document': {
      const { wanted, outside } = found;
      const severity = severityOf(context.brokenLinks, 'error');
      out.diagnostics.push(
        missingTarget(reference.url, wanted, outside, context.index.docPaths, at, severity),
      );
      // Tolerated (the site's generator builds with it, or brokenLinks: 'warn'): the document publishes,
      // and its link, which would lead nowhere on the help center, is published as its text.
      return severity === 'error' ? keep : { url: '', unlink: true };
    }
    case 'invalid-document':
      out.diagnostics.push(invalidTarget(reference.url, found.wanted, found.line, at));
      return keep;
    case 'excluded-document':
      out.diagnostics.push(excludedTarget(reference.url, found.wanted, at));
      return keep;
    case 'unresolved': {
      const { wanted, collection } = found;
      const { docPaths, rules } = context.index;
      out.diagnostics.push(
        unresolved(reference.url, wanted, collection, docPaths, context.strictLinks, at, rules.siteUrlKey),
      );
      return { url: '', unlink: true };
    }
    case 'site-page': {
      const { url, wanted, collection } = found;
      const docs = context.index.docPaths;
      out.diagnostics.push(sitePage(reference.url, url, wanted, collection, docs, context.strictLinks, at));
      return { url };
    }
    case 'asset-outside':
      out.diagnostics.push(outsideContent(reference.url, reference.kind, at));
      return keep;
    case 'asset': {
      // A root-relative path may live in one of the site's static folders: the first one that exists.
      const inStatic = (found.alternatives ?? [])
        .map((p) => context.assets?.get(p))
        .find((r) => r && !isAssetProblem(r));
      const primary = context.assets?.get(found.path);
      const read = (primary && !isAssetProblem(primary) ? primary : (inStatic ?? primary)) ?? {
        error: 'missing' as const,
        path: found.path,
        ...(context.assets === undefined && { detail: 'was not read (no file information was given)' }),
      };
      if (isAssetProblem(read) && read.error === 'missing' && reference.kind === 'link') {
        // A file the tree does not hold (`/sitemap.xml`, a generated download) is the site's to serve.
        const wanted = { wanted: found.path, collection: false, outside: false };
        return replacementFor(
          reference,
          page,
          own,
          context,
          out,
          onSite(reference.url, page.origin, context.index.rules, wanted),
        );
      }
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
