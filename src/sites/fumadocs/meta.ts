import { readJsonData } from '../static-data.js';
import type { SiteData, SiteFile } from '../types.js';
import { underContent } from '../url.js';

/**
 * One folder's `meta.json`: `title` names the folder; `pages` orders its pages and subfolders. Entries that
 * are not pages are skipped: `---Separator---`, `[Text](url)` links, `!name` (hidden), `...` (the rest, in
 * their own order) and `...folder` (a folder's items pulled up, kept in their folder here).
 */
export function readMetaJson(file: SiteFile, contentPrefix: string, data: SiteData): void {
  const inContent = underContent(file.path, contentPrefix);
  if (inContent === undefined) return;
  const folder = inContent.slice(0, inContent.lastIndexOf('/'));
  const meta = readJsonData(file.text) as { title?: unknown; pages?: unknown } | undefined;
  if (!meta || typeof meta !== 'object') {
    data.notes.push(`${file.path} is not valid JSON; its order and title are not used.`);
    return;
  }
  if (typeof meta.title === 'string' && folder !== '')
    data.nav.push({ target: `${folder}/`, title: meta.title, position: 0 });
  if (!Array.isArray(meta.pages)) return;
  const prefix = folder === '' ? '' : `${folder}/`;
  let position = 0;
  for (const entry of meta.pages) {
    if (typeof entry !== 'string') continue;
    if (
      /^---.*---$/.test(entry) ||
      /^\[.*\]\(.*\)$/.test(entry) ||
      entry.startsWith('!') ||
      entry.startsWith('external:')
    )
      continue;
    if (entry.includes('...')) continue;
    position++;
    data.nav.push({ target: `${prefix}${entry}`, position });
    data.nav.push({ target: `${prefix}${entry}/`, position });
  }
}
