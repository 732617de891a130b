import { isValidSlug } from '../content/slug.js';
import type { TreeLayout } from './layout.js';
import type { PullWarning } from './warning.js';

/**
 * Slugs pylon-kb cannot publish back as they are: one outside its slug rule (a-z, 0-9, single hyphens)
 * makes the pulled file an error until it is changed, and changing an article's slug is a move (new URL,
 * redirect). Two articles with one slug in one collection are reported too.
 */
export function slugWarnings(layout: TreeLayout): PullWarning[] {
  const warnings: PullWarning[] = [];
  const seen = new Map<string, string>();
  for (const doc of layout.documents) {
    const { article } = doc.remote;
    const about = { article: { id: article.id, title: article.title }, path: doc.path };
    if (!isValidSlug(article.slug)) {
      warnings.push({
        code: 'pull/slug',
        message: `The slug "${article.slug}" does not follow pylon-kb's slug rule (a-z, 0-9, single hyphens): the file will not publish until its slug is changed, and a new slug moves the article (new URL, with a redirect from the old one).`,
        ...about,
      });
    }
    const place = `${article.collection_id ?? ''}/${article.slug}`;
    const first = seen.get(place);
    if (first) {
      warnings.push({
        code: 'pull/duplicate-slug',
        message: `Another article in this collection has the slug "${article.slug}" (${first}); pylon-kb needs one slug per collection.`,
        ...about,
      });
    } else seen.set(place, doc.path);
  }
  for (const folder of layout.folders) {
    if (isValidSlug(folder.collection.slug)) continue;
    warnings.push({
      code: 'pull/slug',
      message: `The collection "${folder.collection.title}" has the slug "${folder.collection.slug}", outside pylon-kb's slug rule: its _index.md will not publish until the slug is changed.`,
      path: `${folder.path}/_index.md`,
    });
  }
  return warnings;
}
