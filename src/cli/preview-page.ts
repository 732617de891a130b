import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { RunningEmulator } from '../emulator/index.js';
import { readMarker } from '../identity/marker.js';
import { loadContent } from '../run/index.js';
import { UsageError } from './parse.js';
import type { SitePages } from './serve.js';

/** Which page `pylon-kb preview <file>` opens on: the article (or translation) published from that file. */

/** The file as a path inside the content directory (posix), or a usage error saying what is wrong. */
export function documentPath(config: ResolvedConfig, cwd: string, file: string): string {
  const absolute = resolve(cwd, file);
  const inside = relative(config.contentDir, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new UsageError(
      `preview ${file}: the file is not inside the docs tree (${relative(cwd, config.contentDir) || '.'}). ` +
        'Name a Markdown file of the docs tree, or leave the file out to open the home page.',
    );
  }
  if (!existsSync(absolute)) throw new UsageError(`preview ${file}: no such file.`);
  return inside.split(sep).join('/');
}

/** The document key and language of a source file, from the docs tree as it is now (null: not a document). */
async function documentOf(
  config: ResolvedConfig,
  path: string,
): Promise<{ key: string; language: string | null } | null> {
  const { desired } = await loadContent(config);
  for (const article of desired.articles) {
    if (article.path === path) return { key: article.key, language: null };
    const t = article.translations?.find((tr) => tr.path === path);
    if (t) return { key: article.key, language: t.language };
  }
  return null;
}

/** The preview URL of the file's article, or the home page when it has none (yet). */
export async function pageOfFile(
  config: ResolvedConfig,
  emulator: RunningEmulator,
  pages: SitePages,
  path: string,
): Promise<{ url: string; found: boolean }> {
  const doc = await documentOf(config, path);
  if (!doc) return { url: pages.home, found: false };
  const article = emulator.snapshot().articles.find((a) => {
    const marker = readMarker(a.draft_html);
    return marker?.key === doc.key && !marker.retired;
  });
  if (!article) return { url: pages.home, found: false };
  const url = pages.page(article);
  return { url: doc.language ? `${url}?lang=${encodeURIComponent(doc.language)}` : url, found: true };
}
