import { isData, readReturned } from './js-data.js';
import type { SiteData, SiteFile } from './types.js';

/**
 * Next.js's `redirects()` in `next.config.*` (Nextra and Fumadocs sites), when it returns a literal list:
 * each `{ source, destination }` without route parameters (`:slug`, `(.*)`) becomes a redirect.
 */
export function readNextRedirects(file: SiteFile, data: SiteData): void {
  const returned = readReturned(file.text, 'redirects');
  if (!returned) {
    if (/\bredirects\s*[(:]/.test(file.text))
      data.notes.push(`${file.path}: redirects() computes its list, so its redirects are not read.`);
    return;
  }
  if (!Array.isArray(returned.value)) return;
  for (const entry of returned.value as { source?: unknown; destination?: unknown }[]) {
    const { source, destination } = entry ?? {};
    if (typeof source !== 'string' || typeof destination !== 'string' || !isData(source)) continue;
    if (/[:(*]/.test(source) || /^[a-z]+:/i.test(destination)) continue;
    data.redirects.push({ from: source, to: destination, file: file.path, line: returned.line });
  }
  data.notes.push(`${file.path}: the literal list redirects() returns was read as data, never run.`);
}
