import { readImportAliases } from '../import-aliases.js';
import { isData, readProperty } from '../js-data.js';
import { readJsLiteral } from '../static-data.js';
import { emptySiteData, type NavEntry, type SiteData, type SiteFile } from '../types.js';
import { folderOfPath } from '../url.js';

/**
 * `astro.config.*`, read as text and never run: Starlight's `sidebar` (order and group labels) and Astro's
 * `redirects`, where they are literals; `locales` (the language folders) are noted in `settings.locales`.
 */
export function readAstroConfig(files: readonly SiteFile[]): SiteData {
  const data = emptySiteData();
  const aliases = readImportAliases(files);
  if (aliases.length > 0) {
    data.importAliases = aliases;
    data.notes.push(`tsconfig.json: import aliases ${aliases.map((a) => a.prefix).join(', ')} were read.`);
  } else {
    // Without a tsconfig, the aliases Astro's guide shows (`@assets/*` → `src/assets/*`): `@x/` is `src/x/`.
    data.importAliases = [{ prefix: '@', target: 'src/' }];
  }
  const file = files.find((f) => /^astro\.config\./.test(f.path));
  if (!file) return data;
  const read = (key: string) => readProperty(file.text, key) ?? readJsLiteral(file.text, key);
  // Astro's `site` (and `base`): the address links to pages outside the docs tree are published at.
  const site = read('site')?.value;
  if (typeof site === 'string' && /^https?:\/\/[^/]/i.test(site)) {
    const base = read('base')?.value;
    const path = typeof base === 'string' ? base.replace(/^\/+|\/+$/g, '') : '';
    data.siteUrl = `${site.replace(/\/+$/, '')}/${path === '' ? '' : `${path}/`}`;
  }
  const sidebar = read('sidebar');
  if (sidebar && Array.isArray(sidebar.value)) {
    walk(sidebar.value, data.nav);
    data.notes.push(`${file.path}: the Starlight sidebar's order and group labels were read as data.`);
  } else if (/\bsidebar\s*:/.test(file.text)) {
    data.notes.push(
      `${file.path}: the sidebar is not plain data (code builds it), so its order is not read.`,
    );
  }
  const redirects = read('redirects');
  if (redirects && isRecord(redirects.value)) {
    for (const [from, to] of Object.entries(redirects.value)) {
      const target = typeof to === 'string' ? to : isRecord(to) ? to.destination : undefined;
      if (typeof target === 'string' && !from.includes('[') && isData(target))
        data.redirects.push({ from, to: target, file: file.path, line: redirects.line });
    }
    data.notes.push(`${file.path}: Astro's \`redirects\` were read as data (dynamic routes are not).`);
  }
  const locales = read('locales');
  if (locales && isRecord(locales.value)) {
    const folders = Object.keys(locales.value).filter((key) => key !== 'root');
    if (folders.length > 0) data.settings.locales = folders.join(',');
    const defaultLocale = read('defaultLocale')?.value;
    if (typeof defaultLocale === 'string') data.settings.defaultLocale = defaultLocale;
  }
  data.notes.push(`${file.path} was read as text, never run: only literal values are used.`);
  return data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sidebar items: `'slug'`, `{ slug }`, `{ link }`, `{ label, items }`, `{ label, autogenerate: { directory } }`. */
function walk(items: readonly unknown[], nav: NavEntry[]): string[] {
  const targets: string[] = [];
  let position = 0;
  for (const item of items) {
    position++;
    const record = isRecord(item) ? item : undefined;
    const label = typeof record?.label === 'string' ? record.label : undefined;
    const page = typeof item === 'string' ? item : (record?.slug ?? record?.link);
    if (typeof page === 'string' && !/^[a-z]+:/i.test(page)) {
      const target = page.replace(/^\/+|\/+$/g, '').split('#')[0] || 'index';
      nav.push({ target, position, ...(label && { title: label }) });
      targets.push(target);
      continue;
    }
    const auto = isRecord(record?.autogenerate) ? record.autogenerate.directory : undefined;
    const inner = Array.isArray(record?.items) ? walk(record.items, nav) : [];
    const folders = new Set(inner.map(folderOfPath));
    if (typeof auto === 'string') folders.add(auto.replace(/^\/+|\/+$/g, ''));
    const [folder] = folders;
    if (label && folders.size === 1 && folder) nav.push({ target: `${folder}/`, title: label, position });
    targets.push(...inner, ...(typeof auto === 'string' ? [`${auto}/index`] : []));
  }
  return targets;
}
