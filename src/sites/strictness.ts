import type { SiteName } from './index.js';
import { readJsLiteral, readJsonData, readTomlTopLevel, readYamlData } from './static-data.js';
import type { SiteFile } from './types.js';

/**
 * The site's own strictness settings, read as data from its config files: how its generator treats a link
 * to a missing page and a link to a missing heading. pylon-kb follows them where config `brokenLinks` /
 * `brokenAnchors` do not say; where the site says nothing, the generator's own default applies (a generator
 * that never checks links tolerates them: a warning).
 *
 * - Docusaurus: `onBrokenMarkdownLinks` (also `markdown.hooks.onBrokenMarkdownLinks`; default `warn`) for
 *   links to missing files, `onBrokenAnchors` (default `warn`); `throw` is an error, anything else a warning.
 * - VitePress: `ignoreDeadLinks` (default `false`: a dead link fails the build); `true` makes it a warning.
 * - MkDocs: `validation.links.not_found` / `validation.not_found` (default `warn`) and `validation.anchors`
 *   (default `info`), with `strict: true` turning every warning into an error.
 * - Hugo: `refLinksErrorLevel` (default `ERROR`; `WARNING` makes it a warning).
 * - Jekyll, Mintlify, GitBook: their builds never fail on a link: warnings.
 * - `none` (pylon-kb's own conventions): nothing to follow (pylon-kb's defaults: a missing document is an
 *   error, a missing heading a warning).
 */
export interface SiteStrictness {
  brokenLinks?: 'warn' | 'error';
  brokenAnchors?: 'warn' | 'error';
  /** Where the settings came from, for `check` and `plan` to say. */
  note?: string;
}

type Policy = 'warn' | 'error';

export function readStrictness(site: SiteName, files: readonly SiteFile[]): SiteStrictness {
  switch (site) {
    case 'docusaurus':
      return docusaurus(files.find((f) => f.path.startsWith('docusaurus.config.')));
    case 'vitepress':
      return vitepress(files.find((f) => f.path.startsWith('.vitepress/config.')));
    case 'mkdocs':
      return mkdocs(files.find((f) => f.path.startsWith('mkdocs.')));
    case 'hugo':
      return hugo(files);
    case 'jekyll':
    case 'mintlify':
    case 'gitbook':
      return { brokenLinks: 'warn', brokenAnchors: 'warn', note: 'its builds do not fail on broken links' };
    default:
      return {};
  }
}

const throwIsError = (value: unknown, fallback: Policy): Policy =>
  typeof value === 'string' ? (value === 'throw' ? 'error' : 'warn') : fallback;

function docusaurus(file: SiteFile | undefined): SiteStrictness {
  if (!file) return { brokenLinks: 'warn', brokenAnchors: 'warn' };
  const markdownLinks =
    readJsLiteral(file.text, 'onBrokenMarkdownLinks')?.value ??
    (readJsLiteral(file.text, 'hooks')?.value as { onBrokenMarkdownLinks?: unknown } | undefined)
      ?.onBrokenMarkdownLinks;
  const anchors = readJsLiteral(file.text, 'onBrokenAnchors')?.value;
  return {
    brokenLinks: throwIsError(markdownLinks, 'warn'),
    brokenAnchors: throwIsError(anchors, 'warn'),
    note: `${file.path}: onBrokenMarkdownLinks ${String(markdownLinks ?? 'warn (default)')}, onBrokenAnchors ${String(anchors ?? 'warn (default)')}`,
  };
}

function vitepress(file: SiteFile | undefined): SiteStrictness {
  const ignore = file ? readJsLiteral(file.text, 'ignoreDeadLinks')?.value : undefined;
  const policy: Policy = ignore === true ? 'warn' : 'error';
  return {
    brokenLinks: policy,
    brokenAnchors: 'warn',
    note: `${file?.path ?? '.vitepress/config'}: ignoreDeadLinks ${ignore === undefined ? 'false (default)' : JSON.stringify(ignore)}`,
  };
}

function mkdocs(file: SiteFile | undefined): SiteStrictness {
  const config = (file ? readYamlData(file.text)?.value : undefined) as
    | { strict?: unknown; validation?: Record<string, unknown> }
    | undefined;
  const strict = config?.strict === true;
  const validation = config?.validation ?? {};
  const links = (validation.links ?? {}) as Record<string, unknown>;
  const level = (value: unknown, fallback: string): Policy => {
    const named = typeof value === 'string' ? value : fallback;
    return strict && named === 'warn' ? 'error' : 'warn';
  };
  return {
    brokenLinks: level(links.not_found ?? validation.not_found, 'warn'),
    brokenAnchors: level(links.anchors ?? validation.anchors, 'info'),
    note: `${file?.path ?? 'mkdocs.yml'}: strict ${strict}`,
  };
}

function hugo(files: readonly SiteFile[]): SiteStrictness {
  let level: unknown;
  let from: string | undefined;
  for (const file of files) {
    const value = hugoSetting(file);
    if (value !== undefined) {
      level = value;
      from = file.path;
      break;
    }
  }
  const policy: Policy = typeof level === 'string' && level.toLowerCase() === 'warning' ? 'warn' : 'error';
  return {
    brokenLinks: policy,
    brokenAnchors: 'warn',
    note: `${from ?? 'the site config'}: refLinksErrorLevel ${level === undefined ? 'ERROR (default)' : String(level)}`,
  };
}

function hugoSetting(file: SiteFile): unknown {
  const name = file.path.toLowerCase();
  if (name.endsWith('.toml')) return readTomlTopLevel(file.text).refLinksErrorLevel;
  const data = name.endsWith('.json') ? readJsonData(file.text) : readYamlData(file.text)?.value;
  return (data as Record<string, unknown> | undefined)?.refLinksErrorLevel;
}
