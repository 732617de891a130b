import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import { renderMarkdown } from '../markdown/render.js';
import type { ContentTree, DesiredArticle, DesiredState, LocalDoc } from './types.js';

export interface BuildDesiredStateOptions {
  /** Drop a leading `# Title` equal to the article title (default true). */
  dropLeadingH1?: boolean | undefined;
}

/** Renders every document of the tree: what pylon-kb wants the knowledge base to hold. */
export function buildDesiredState(tree: ContentTree, options: BuildDesiredStateOptions = {}): DesiredState {
  const diagnostics = [...tree.diagnostics];
  const articles = tree.docs.map((doc) => {
    const rendered = renderMarkdown(doc.markdown, {
      title: doc.title,
      dropLeadingH1: options.dropLeadingH1 !== false,
      file: doc.path,
      lineOffset: doc.bodyStartLine - 1,
    });
    diagnostics.push(...rendered.diagnostics);
    return toArticle(doc, rendered.html);
  });
  return { collections: tree.collections, articles, diagnostics: sortDiagnostics(diagnostics) };
}

function toArticle(doc: LocalDoc, html: string): DesiredArticle {
  return {
    key: doc.key,
    path: doc.path,
    collectionKey: doc.collectionKey,
    title: doc.title,
    slug: doc.slug,
    html,
    digest: digestOf(doc.title, html),
    published: doc.published,
    unlisted: doc.unlisted,
    redirectFrom: doc.redirectFrom,
    ...(doc.author && { author: doc.author }),
    ...(doc.visibility !== undefined && { visibility: doc.visibility }),
    ...(doc.order !== undefined && { order: doc.order }),
  };
}
