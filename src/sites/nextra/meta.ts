import { readDefaultExport } from '../js-data.js';
import { readJsonData } from '../static-data.js';
import type { SiteData, SiteFile } from '../types.js';
import { underContent } from '../url.js';

export const META_FILES = ['_meta.js', '_meta.jsx', '_meta.mjs', '_meta.ts', '_meta.tsx', '_meta.json'];

/**
 * One `_meta` file: its keys in order are the folder's pages and subfolders (`key: 'Title'` or
 * `key: { title }`); separators (`type: 'separator'`), links (`href`) and `*` defaults are not pages.
 */
export function readMetaFile(file: SiteFile, contentPrefix: string, data: SiteData): void {
  const inContent = underContent(file.path, contentPrefix);
  if (inContent === undefined) return;
  const folder = inContent.slice(0, inContent.lastIndexOf('/') + 1);
  const entries = file.path.endsWith('.json')
    ? Object.entries((readJsonData(file.text) as Record<string, unknown> | undefined) ?? {})
    : readDefaultExport(file.text)?.entries;
  if (!entries) {
    data.notes.push(`${file.path}: not a literal object (code builds it), so its order is not read.`);
    return;
  }
  let position = 0;
  for (const [key, value] of entries) {
    position++;
    const record =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    if (
      key === '*' ||
      key.startsWith('---') ||
      record?.type === 'separator' ||
      typeof record?.href === 'string'
    )
      continue;
    const title =
      typeof value === 'string' && value !== ''
        ? value
        : typeof record?.title === 'string'
          ? record.title
          : undefined;
    const named = { position, ...(title && { title }) };
    data.nav.push({ target: `${folder}${key}`, ...named });
    data.nav.push({ target: `${folder}${key}/page`, ...named });
    data.nav.push({ target: `${folder}${key}/`, ...named });
  }
}
