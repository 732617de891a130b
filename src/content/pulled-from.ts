import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AssetRef, PulledFrom } from './types.js';
import type { Fields } from './yaml-fields.js';

/**
 * Frontmatter `pulled_from`, written by `pylon-kb pull`: the Pylon article this document came from, and the
 * Pylon URL of each file pull downloaded for it. The next apply adopts that article in place (same id and
 * URL) and keeps the files' URLs instead of uploading them again.
 *
 * ```yaml
 * pulled_from:
 *   article: 6f0c…            # the Pylon article id
 *   text: 9b1e…               # digest of the text pulled (Pylon's text changed since: drift, not adoption)
 *   files:
 *     ./setup-3fa2c1d0.png: https://assets.usepylon.com/…
 * ```
 */
export function readPulledFrom(
  fields: Fields,
  file: string,
): { pulledFrom?: PulledFrom; diagnostics: Diagnostic[] } {
  const field = fields.get('pulled_from');
  if (!field || field.value === null || field.value === undefined) return { diagnostics: [] };
  const fail = (message: string) => ({
    diagnostics: [
      {
        severity: 'error' as const,
        code: 'frontmatter/type',
        message,
        file,
        line: field.line,
        field: 'pulled_from',
        hint: 'pulled_from is written by `pylon-kb pull`: keep `article: <Pylon article id>`, `text:` as pull wrote it and an optional `files:` mapping of local file → Pylon URL, or delete the whole key to publish this file as a new article.',
      },
    ],
  });
  const value = field.value as Record<string, unknown>;
  if (typeof value !== 'object' || Array.isArray(value)) return fail('pulled_from must be a mapping.');
  const article = value.article;
  if (typeof article !== 'string' || article.trim() === '') {
    return fail('pulled_from.article must be the id of a Pylon article.');
  }
  const files: Record<string, string> = {};
  const given = value.files ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return fail('pulled_from.files must be a mapping of local file → Pylon URL.');
  }
  for (const [ref, url] of Object.entries(given)) {
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      return fail(`pulled_from.files["${ref}"] must be the http(s) URL Pylon serves the file at.`);
    }
    files[ref] = url;
  }
  const text = value.text;
  if (text !== undefined && text !== null && typeof text !== 'string') {
    return fail('pulled_from.text must be the digest `pylon-kb pull` wrote.');
  }
  return {
    pulledFrom: { articleId: article.trim(), files, ...(typeof text === 'string' && text ? { text } : {}) },
    diagnostics: [],
  };
}

/** `guides/a.md` + `./img/x.png` → `guides/img/x.png` (posix, `..` resolved, never above the root). */
export function resolveRelative(docPath: string, ref: string): string {
  const parts = docPath.split('/').slice(0, -1);
  for (const segment of ref.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** The Pylon URLs `pulled_from.files` gives, by the digest of the local file they name. */
export function pulledAssetUrls(
  docPath: string,
  pulledFrom: PulledFrom,
  assets: readonly AssetRef[],
): Record<string, string> {
  const bySha: Record<string, string> = {};
  for (const [ref, url] of Object.entries(pulledFrom.files)) {
    const path = resolveRelative(docPath, decodeURI(ref));
    const asset = assets.find((a) => a.path === path);
    if (asset) bySha[asset.sha256] = url;
  }
  return bySha;
}
