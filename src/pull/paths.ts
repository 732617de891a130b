import { isMetadataFileName } from '../content/folder-metadata.js';

/** The folder of a tree path (`a/b/c.md` → `a/b`, `c.md` → ``). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** A relative reference from one tree file to another, as Markdown links write it (`../b/c.md`, `./x.png`). */
export function relativeReference(fromFile: string, toFile: string): string {
  const from = folderOf(fromFile).split('/').filter(Boolean);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** A file or folder name from a slug or title: lower-case letters, digits and hyphens. */
export function safeName(text: string, fallback: string, maxLength = 80): string {
  const name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength);
  return name || fallback;
}

/**
 * A name no sibling has yet: `name`, `name-2`, `name-3`… Article file names also avoid the names of folder
 * metadata files (`index.md`, `_index.md`), which would be read as the folder's title instead.
 */
export function uniqueName(base: string, taken: Set<string>, extension = ''): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate) || isMetadataFileName(`${candidate}${extension}`); n++) {
    candidate = `${base}-${n}`;
  }
  taken.add(candidate);
  return candidate;
}
