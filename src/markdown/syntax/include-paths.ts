/**
 * Where each generator looks for an included file, as paths relative to the content directory (posix).
 * Pure: the I/O edge reads the candidates (content/read-includes.ts); the first that exists is used.
 */
import { type SnippetSettings, snippetCandidates } from './snippet-paths.js';

/**
 * `markdown-include`: `<!--@include: …-->` and `<<< file` (VitePress); `snippet`: `--8<--` (pymdownx.snippets);
 * `shortcode`: `{{< readfile >}}` and friends (Hugo); `liquid` / `liquid-relative`: `{% include %}` (Jekyll);
 * `mdx`: an imported `.md`/`.mdx` partial.
 */
export type IncludeKind =
  | 'markdown-include'
  | 'snippet'
  | 'shortcode'
  | 'liquid'
  | 'liquid-relative'
  | 'mdx'
  | 'mdbook-include'
  | 'myst-include';

/** `a/b/../c` → `a/c`; null when the path climbs out of the content directory. */
export function normalisePath(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

function join(folder: string, path: string): string | null {
  return normalisePath(folder === '' ? path : `${folder}/${path}`);
}

/**
 * The candidate paths, or null when the written path leaves the content directory (for MkDocs snippets
 * with the site's settings: the site root).
 */
export function includeCandidates(
  kind: IncludeKind,
  written: string,
  including: string,
  snippets?: SnippetSettings,
): string[] | null {
  if (kind === 'snippet' && snippets) return snippetCandidates(written, snippets);
  const here = folderOf(including);
  const path = written.trim();
  if (path === '' || path.includes('\0') || /^[a-z][a-z\d+.-]*:/i.test(path)) return null;
  let candidates: (string | null)[];
  switch (kind) {
    case 'markdown-include':
      candidates = path.startsWith('@/') ? [normalisePath(path.slice(2))] : [join(here, path)];
      break;
    case 'snippet':
      // MkDocs resolves snippets against `base_path` (the site root, above `docs/`) or the page's folder.
      candidates = [normalisePath(path), normalisePath(withoutFirstFolder(path)), join(here, path)];
      break;
    case 'shortcode':
      candidates = path.startsWith('/')
        ? [normalisePath(path), normalisePath(withoutFirstFolder(path.slice(1)))]
        : [join(here, path), normalisePath(path), normalisePath(withoutFirstFolder(path))];
      break;
    case 'liquid':
      candidates = [normalisePath(`_includes/${path}`), join(here, path), normalisePath(path)];
      break;
    case 'liquid-relative':
      candidates = [join(here, path)];
      break;
    case 'mdbook-include':
      // mdBook's links preprocessor reads paths relative to the page, often from a folder beside the book
      // (`../listings/`, `../../examples/`): up to two folders above the content directory.
      candidates = [joinClimbing(here, path, 2)];
      break;
    case 'myst-include':
      // MyST: relative to the page, or to the source folder when it starts with `/`; Sphinx projects
      // include their README and CHANGELOG from the folder above (`../README.md`).
      candidates = [path.startsWith('/') ? normalisePath(path.slice(1)) : joinClimbing(here, path, 2)];
      break;
    case 'mdx':
      candidates = path.startsWith('/')
        ? [normalisePath(path)]
        : path.startsWith('@site/')
          ? [normalisePath(path.slice(6)), normalisePath(withoutFirstFolder(path.slice(6)))]
          : [join(here, path)];
      break;
  }
  if (candidates[0] === null) return null;
  return [...new Set(candidates.filter((c): c is string => c !== null && c !== ''))];
}

/** `folder/path` normalised, allowed to climb at most `levels` folders above the content directory (`../x`). */
function joinClimbing(folder: string, path: string, levels: number): string | null {
  const out: string[] = [];
  let above = 0;
  for (const segment of (folder === '' ? path : `${folder}/${path}`).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0) out.pop();
    else if (++above > levels) return null;
  }
  return out.length === 0 ? null : `${'../'.repeat(above)}${out.join('/')}`;
}

function withoutFirstFolder(path: string): string {
  const slash = path.replace(/^\/+/, '').indexOf('/');
  return slash < 0 ? path : path.replace(/^\/+/, '').slice(slash + 1);
}
