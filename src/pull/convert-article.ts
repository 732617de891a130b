import { visibleText } from '../identity/text-digest.js';
import type { Article } from '../pylon-api/index.js';
import { type ConversionWarning, htmlToMarkdown } from './html-to-markdown.js';
import { relativeReference } from './paths.js';
import { type ReferenceTargets, referenceRewriter } from './pylon-urls.js';

export interface ConvertedArticle {
  markdown: string;
  /** Downloaded files the body refers to: reference as written → the Pylon URL it came from. */
  files: Record<string, string>;
  warnings: ConversionWarning[];
}

/**
 * The body to pull: what readers see for a published article (its published version), the draft for an
 * unpublished one. A published article whose draft says something else gets a warning: those unpublished
 * edits are not in the file.
 */
export function bodyToPull(article: Article): { html: string; warnings: ConversionWarning[] } {
  const draft = article.current_draft_content_html ?? '';
  if (!article.is_published) return { html: draft, warnings: [] };
  const published = article.current_published_content_html ?? draft;
  const warnings =
    visibleText(published) === visibleText(draft)
      ? []
      : [
          {
            code: 'pull/unpublished-edits',
            message:
              'The article has unpublished edits in Pylon; the file holds the published version. Publish or discard the draft in Pylon and pull again to take the edits.',
          },
        ];
  return { html: published, warnings };
}

/** One article body (or translation) as Markdown at `path`, its links and files pointing into the tree. */
export function convertArticle(
  html: string,
  path: string,
  title: string,
  targets: ReferenceTargets,
): ConvertedArticle {
  const converted = htmlToMarkdown(html, { title, rewriteUrl: referenceRewriter(path, targets) });
  const files: Record<string, string> = {};
  for (const [url, file] of targets.files) {
    const ref = relativeReference(path, file);
    if (converted.markdown.includes(ref.replace(/ /g, '%20'))) files[ref] = url;
  }
  return { markdown: converted.markdown, files, warnings: converted.warnings };
}
