import type { SiteSnippets } from '../types.js';

/**
 * `pymdownx.snippets` options from `markdown_extensions` (a list of names or one-key maps): `base_path`
 * (a list, or one string for older configs; default `.`, the folder of mkdocs.yml), `auto_prepend`,
 * `auto_append` and `check_paths`. Null when the extension is not enabled.
 */
export function snippetsOptions(extensions: unknown): SiteSnippets | null {
  const list = Array.isArray(extensions) ? extensions : [];
  let found = false;
  let options: Record<string, unknown> = {};
  for (const entry of list) {
    if (entry === 'pymdownx.snippets') found = true;
    const value = (entry as Record<string, unknown> | null)?.['pymdownx.snippets'];
    if (typeof entry === 'object' && entry !== null && 'pymdownx.snippets' in entry) {
      found = true;
      if (value !== null && typeof value === 'object') options = value as Record<string, unknown>;
    }
  }
  if (!found) return null;
  const strings = (value: unknown): string[] =>
    (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
  const basePaths = strings(options.base_path);
  return {
    basePaths: basePaths.length > 0 ? basePaths : ['.'],
    autoPrepend: strings(options.auto_prepend),
    autoAppend: strings(options.auto_append),
    checkPaths: options.check_paths === true,
  };
}
