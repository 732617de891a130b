/**
 * Where MkDocs' `pymdownx.snippets` finds a `--8<-- "file"`: against each `base_path` in order (default
 * the folder of `mkdocs.yml`, the site root), never against the page's folder. Pure: paths are posix and
 * relative to the content directory, so a file beside `docs/` is `../includes/x.md`; none may leave the
 * site root (the I/O edge checks the real location again, symbolic links followed).
 */
export interface SnippetSettings {
  /** The site root relative to the content directory (`..` for `docs/`, `''` when they are the same). */
  root: string;
  /** `base_path` entries relative to the site root, in the order tried. */
  basePaths: readonly string[];
  /** `auto_prepend` / `auto_append`: snippets added to the start / end of every page. */
  autoPrepend: readonly string[];
  autoAppend: readonly string[];
  /** `check_paths`: a snippet that is not found is an error, not a warning. */
  checkPaths: boolean;
}

/** `a/../b` → `b`, keeping leading `..`: `{ ups: 1, path: '../x' }`; null for an absolute path or a URL. */
function normaliseClimbing(path: string): { ups: number; path: string } | null {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) return null;
  const out: string[] = [];
  let ups = 0;
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length > 0) out.pop();
    else ups++;
  }
  return { ups, path: [...Array<string>(ups).fill('..'), ...out].join('/') };
}

function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

/** The candidates for a snippet, or null when the written path leaves the site root from every base. */
export function snippetCandidates(written: string, settings: SnippetSettings): string[] | null {
  const path = written.trim();
  if (path === '' || path.includes('\0') || /^[a-z][a-z\d+.-]*:/i.test(path)) return null;
  const root = normaliseClimbing(settings.root);
  if (!root) return null;
  const candidates: string[] = [];
  for (const base of settings.basePaths.length > 0 ? settings.basePaths : ['.']) {
    const folder = normaliseClimbing(joined(root.path, base));
    // A base_path may name a file: a snippet of that file's name is that file.
    if (folder && folder.path.split('/').pop() === path) candidates.push(folder.path);
    const candidate = folder && normaliseClimbing(joined(folder.path, path));
    if (candidate && candidate.ups <= root.ups && candidate.path !== '') candidates.push(candidate.path);
  }
  return candidates.length > 0 ? [...new Set(candidates)] : null;
}
