import type { LocalCollection, LocalDoc } from './types.js';

/**
 * Pylon article URLs carry no collection, and a server may refuse two articles with one slug: when several
 * documents of a site share a slug (`admin/setup.md`, `dev/setup.md`, every `README.md`), each one in a
 * folder takes its folder's slugs as a prefix (`admin-setup`, `dev-setup`); a top-level one keeps the bare
 * slug. A prefixed slug another document already uses gets `-2`, `-3` … in path order. The rule depends
 * only on the paths and slugs of the tree, so the same tree gives the same slugs on every run.
 */
export function deriveUniqueSlugs(docs: LocalDoc[], collections: readonly LocalCollection[]): void {
  const slugOfFolder = new Map(collections.map((c) => [c.key, c.slug]));
  const byPath = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = new Map<string, number>();
  for (const doc of byPath) count.set(doc.slug, (count.get(doc.slug) ?? 0) + 1);

  const taken = new Set(byPath.filter((d) => count.get(d.slug) === 1).map((d) => d.slug));
  for (const doc of byPath) {
    if ((count.get(doc.slug) ?? 0) < 2) continue;
    const plain = doc.slug;
    const prefix = folderSlugs(doc.collectionKey, slugOfFolder);
    let slug = prefix && !plain.startsWith(`${prefix}-`) ? `${prefix}-${plain}` : plain;
    for (let n = 2; taken.has(slug); n++) slug = `${prefix ? `${prefix}-` : ''}${plain}-${n}`;
    taken.add(slug);
    if (slug !== plain) {
      doc.slug = slug;
      doc.slugNote = `"${plain}" is shared by ${count.get(plain)} documents; this one is "${slug}" (folder prefix).`;
    }
  }
}

function folderSlugs(key: string | null, slugOfFolder: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (let folder = key; folder !== null; folder = parentOf(folder)) {
    parts.unshift(slugOfFolder.get(folder) ?? folder.slice(folder.lastIndexOf('/') + 1));
  }
  return parts.join('-');
}

function parentOf(folder: string): string | null {
  const at = folder.lastIndexOf('/');
  return at < 0 ? null : folder.slice(0, at);
}
