import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LocalReference } from '../markdown/references.js';
import { type AssetProblem, formatBytes } from './assets.js';
import type { LinkTarget } from './link-targets.js';
import { stripMarkdownExtension } from './markdown-path.js';
import { closest, nearestDocuments } from './nearest-documents.js';

type Where = Pick<Diagnostic, 'file' | 'line' | 'column'>;

export function where(file: string, reference: Pick<LocalReference, 'line' | 'column'>): Where {
  return {
    file,
    ...(reference.line !== undefined && { line: reference.line }),
    ...(reference.column !== undefined && { column: reference.column }),
  };
}

function list(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

export function missingTarget(
  url: string,
  wanted: string,
  outside: boolean,
  docPaths: readonly string[],
  at: Where,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const near = outside
    ? []
    : nearestDocuments(stripMarkdownExtension(wanted), docPaths).map((p) => `${p}.md`);
  return {
    severity,
    code: 'link/missing-target',
    message: `${
      outside
        ? `The link "${url}" points outside the content directory`
        : `The link "${url}" points to ${wanted}, which is not a document of the docs tree`
    }${severity === 'error' ? '.' : ': its text is published without the link.'}`,
    ...at,
    hint: near.length
      ? `Did you mean ${list(near)}? Links to .md files are relative to the linking file's folder.`
      : 'Fix the path (relative to the linking file, or starting with / at the content root), or link a full https:// URL.',
  };
}

export function missingAnchor(
  url: string,
  anchor: string,
  target: LinkTarget,
  samePage: boolean,
  at: Where,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const ids = [...target.anchors];
  const near = closest(anchor, ids);
  const page = samePage ? 'this page' : target.path;
  const known = ids.length ? `Ids on ${page}: ${list(ids.slice(0, 8))}${ids.length > 8 ? ', …' : ''}.` : '';
  return {
    severity,
    code: 'link/missing-anchor',
    message: `The link "${url}" points to #${anchor}, but ${page} has no heading with that id.`,
    ...at,
    hint: near.length
      ? `Did you mean ${list(near.map((id) => `#${id}`))}?`
      : `${known} Heading ids are made from the heading text (## Set up → #set-up), or set with {#my-id}.`.trim(),
  };
}

/**
 * A link that names no document and no page the site's address is known for: published as text, with the
 * setting that would give the site's address (`siteKey`, e.g. `baseURL in hugo.toml`).
 */
export function unresolved(
  url: string,
  wanted: string,
  collection: boolean,
  docPaths: readonly string[],
  strict: boolean,
  at: Where,
  siteKey?: string,
): Diagnostic {
  const near = nearestDocuments(wanted, docPaths);
  const why = collection
    ? `points to the folder ${wanted}, a collection; pylon-kb links articles only`
    : `matches no document`;
  const where = siteKey
    ? `set ${siteKey} (or \`siteUrl\` in the pylon-kb config) to publish it as the site's own URL`
    : "set `siteUrl` in the pylon-kb config to publish it as the site's own URL";
  return {
    severity: strict ? 'error' : 'warning',
    code: 'link/unresolved',
    message: `The link "${url}" ${why}, and the site's address is not known: its text is published without the link.`,
    ...at,
    hint: near.length
      ? `Did you mean ${list(near.map((p) => `${p}.md`))}? Link the .md file to be sure; or ${where}.`
      : `If it points to a page of the site outside the docs tree, ${where}; else use its full https:// URL.`,
  };
}

/** A link whose destination is empty: it leads nowhere, so its text is published without the link. */
export function emptyLink(at: Where): Diagnostic {
  return {
    severity: 'warning',
    code: 'link/empty',
    message: 'A link here has an empty destination: its text is published without the link.',
    ...at,
    hint: 'Give the link a destination (a shortcode or variable that gave it may have been left out).',
  };
}

/** A link to a page of the site that is not a document of the tree: published as the site's absolute URL. */
export function sitePage(
  url: string,
  absolute: string,
  wanted: string,
  collection: boolean,
  docPaths: readonly string[],
  strict: boolean,
  at: Where,
): Diagnostic {
  const near = collection ? [] : nearestDocuments(wanted, docPaths);
  const what = collection ? `the folder ${wanted}, which has no page of its own in the tree` : 'no document';
  return {
    severity: strict ? 'error' : 'warning',
    code: 'link/site-page',
    message: `The link "${url}" names ${what}: it is published as the site's own URL ${absolute}.`,
    ...at,
    hint: near.length
      ? `If it means a document, did you mean ${list(near.map((p) => `${p}.md`))}? Link the .md file to be sure.`
      : 'If the page moved, link its new path; a page of the tree is best linked by its .md file.',
  };
}

export function assetProblem(url: string, kind: string, problem: AssetProblem, at: Where): Diagnostic {
  const what = `The ${kind === 'image' ? 'image' : 'linked file'} "${url}"`;
  if (problem.error === 'too-large') {
    const size = problem.size !== undefined ? ` is ${formatBytes(problem.size)},` : ' is';
    const limit = problem.limit !== undefined ? formatBytes(problem.limit) : 'the';
    return {
      severity: 'error',
      code: 'asset/too-large',
      message: `${what} (${problem.path})${size} over the ${limit} limit for uploads.`,
      ...at,
      hint: 'Make the file smaller, host it elsewhere and link its https:// URL, or raise maxAssetBytes.',
    };
  }
  if (problem.error === 'outside') return outsideContent(url, kind, at);
  const detail = problem.detail ?? 'does not exist';
  // Site generators publish a page whose image is missing (the image shows broken): a warning, the
  // reference kept as written.
  return {
    severity: 'warning',
    code: 'asset/missing',
    message: `${what} points to ${problem.path}, which ${detail}; it is published as written.`,
    ...at,
    hint: 'Paths are relative to the linking file (or start with / at the content root). Check the name and its case.',
  };
}

/** A file outside the content directory is never read (a page must not publish any file of the machine). */
export function outsideContent(url: string, kind: string, at: Where): Diagnostic {
  return {
    severity: 'warning',
    code: 'asset/outside-content',
    message: `The ${kind === 'image' ? 'image' : 'linked file'} "${url}" is outside the content directory; pylon-kb does not read it, so it is published as written.`,
    ...at,
    hint: 'Move the file into the docs tree (for example beside the page) and link it with a relative path.',
  };
}

/** A link to a file that is not published because of errors of its own: the target is invalid, not absent. */
export function invalidTarget(url: string, wanted: string, line: number, at: Where): Diagnostic {
  return {
    severity: 'error',
    code: 'link/invalid-target',
    message: `The link "${url}" points to ${wanted}, which is not published because it has errors of its own (see ${wanted}:${line}).`,
    ...at,
    hint: `Fix the errors reported for ${wanted}; this link then resolves.`,
  };
}

/** A link to a Markdown file that `exclude` (or the site generator's rules) leaves out. */
export function excludedTarget(url: string, wanted: string, at: Where): Diagnostic {
  return {
    severity: 'error',
    code: 'link/excluded-target',
    message: `The link "${url}" points to ${wanted}, which is left out of the docs tree (by \`exclude\` or the site's rules for partials).`,
    ...at,
    hint: 'Link a published page instead, or stop excluding the file.',
  };
}

/**
 * A link to where a document used to be, resolved to the document that declares the old path among its
 * redirects: published as the article's URL, with a warning so the link is updated.
 */
export function oldPathLink(
  url: string,
  oldPath: string,
  target: LinkTarget,
  newLink: string,
  at: Where,
  by: 'redirect' | 'move' = 'redirect',
): Diagnostic {
  const known =
    by === 'move'
      ? `where ${target.path} was before pylon-kb moved it`
      : `which ${target.path} redirects from`;
  return {
    severity: 'warning',
    code: 'link/old-path',
    message: `The link "${url}" points to the old path ${oldPath}, ${known}: it is resolved to that article.`,
    ...at,
    hint: `Update the link to "${newLink}".`,
  };
}
