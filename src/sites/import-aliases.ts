import { readJsonData } from './static-data.js';
import type { ImportAlias, SiteFile } from './types.js';

/**
 * Import aliases of a JavaScript site (`@assets/*` → `src/assets/*`), from `compilerOptions.paths` (with
 * `baseUrl`) of its `tsconfig.json` or `jsconfig.json`, read as data. Astro and Next.js resolve imports
 * through them, so `import hero from '@assets/hero.png'` in a page names `src/assets/hero.png`.
 * tsconfig files may hold comments and trailing commas; both are left out before the JSON is read.
 */
export const TSCONFIG_FILES = ['tsconfig.json', 'jsconfig.json'];

export function readImportAliases(files: readonly SiteFile[]): ImportAlias[] {
  const file = files.find((f) => TSCONFIG_FILES.includes(f.path));
  if (!file) return [];
  const config = readJsonData(withoutComments(file.text)) as
    | { compilerOptions?: { baseUrl?: unknown; paths?: unknown } }
    | undefined;
  const options = config?.compilerOptions;
  const paths = options?.paths;
  if (typeof paths !== 'object' || paths === null) return [];
  const base = typeof options?.baseUrl === 'string' ? options.baseUrl : '.';
  const aliases: ImportAlias[] = [];
  for (const [pattern, targets] of Object.entries(paths as Record<string, unknown>)) {
    const [target] = Array.isArray(targets) ? targets : [];
    if (typeof target !== 'string') continue;
    // `@x/*` → `src/x/*` maps a prefix; an exact name (`@config`) names one module, never a page's file.
    if (!pattern.endsWith('*') || !target.endsWith('*')) continue;
    const to = joinPosix(base, target.slice(0, -1));
    if (to === null) continue;
    aliases.push({ prefix: pattern.slice(0, -1), target: to });
  }
  // The longest prefix first: `@/components/` before `@/`.
  return aliases.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** `base` + `path` as a posix path relative to the site root (no leading `./`); null when it climbs out. */
function joinPosix(base: string, path: string): string | null {
  const out: string[] = [];
  for (const segment of `${base}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.length === 0 ? '' : `${out.join('/')}/`;
}

/** JSON with line and block comments and trailing commas as plain JSON; strings are left alone. */
function withoutComments(text: string): string {
  return text
    .replace(
      /("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
      (match, string: string | undefined) => string ?? '',
    )
    .replace(
      /("(?:[^"\\\n]|\\.)*")|,(\s*[}\]])/g,
      (match, string: string | undefined, close: string) => string ?? close,
    );
}
