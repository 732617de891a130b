import {
  COMMON_KEYS,
  emptySiteData,
  OWN_ORDER_KEYS,
  type SiteData,
  type SiteDefinition,
  type SiteFile,
} from '../types.js';
import { normaliseUrlPath, pathUrl } from '../url.js';
import { readMystSubstitutions } from './substitutions.js';
import { readToctrees } from './toctree.js';

/**
 * Sphinx with MyST (MyST-Parser, MyST-NB, Jupyter Book): detected by a `conf.py` that names `myst_parser`
 * or `myst_nb` (read as text, never executed), a `myst.yml`, or Jupyter Book's `_toc.yml`. The
 * `{toctree}` directives of the index pages give order and the folders' titles; `conf.py`'s
 * `redirects` (sphinx-reredirects) and `rediraffe_redirects` are redirects. Pages are served as `.html`
 * (or as folders with dirhtml); MyST's directives, roles and targets are its syntax preset.
 */
export const sphinx: SiteDefinition<'sphinx'> = {
  name: 'sphinx',
  label: 'Sphinx (MyST)',
  contentDirs: ['.'],
  markers: ['conf.py', 'myst.yml', '_toc.yml'],
  markerTexts: { 'conf.py': /["'](?:myst_parser|myst_nb)["']/ },
  staticDirs: ['_static'],
  exclude: ['_build/**', '_templates/**', '**/.ipynb_checkpoints/**'],
  indexFiles: ['index.md', 'readme.md'],
  pageExtensions: ['rst', 'ipynb'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['myst-directives', 'myst-roles', 'myst-substitutions', 'bracketed-spans', 'definition-lists'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'myst',
    'jupytext',
    'kernelspec',
    'html_meta',
    'orphan',
    'nosearch',
    'tocdepth',
    'substitutions',
    'file_format',
    'authors',
    'short_title',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  labelLinks: true,
  // conf.py's `myst_substitutions`, as `site.myst_substitutions` for MyST's `{{ key }}`.
  variableFiles: ['conf.py'],
  readVariables: (files) => {
    const substitutions = files.map((file) => readMystSubstitutions(file.text)).find(Boolean);
    return substitutions && { myst_substitutions: substitutions };
  },
  configFiles: ['conf.py'],
  // Every index page's `{toctree}` is the order of its folder.
  navFiles: ['index.md'],
  page: ({ path, isIndex }) => {
    const url = pathUrl(path, isIndex);
    const html = isIndex ? `${url === '/' ? '' : url}/index.html` : `${url}.html`;
    return { urls: [url, html], redirects: [] };
  },
  readConfig(files, contentPrefix) {
    const data = emptySiteData();
    let toctrees = 0;
    for (const file of files) {
      if (file.path === 'conf.py') readConfPy(file, data);
      else {
        const inContent = contentPrefix === '' ? file.path : file.path.slice(contentPrefix.length + 1);
        const before = data.nav.length;
        readToctrees(inContent, file.text, data.nav);
        if (data.nav.length > before) toctrees++;
      }
    }
    if (toctrees > 0)
      data.notes.push(`{toctree} order and captions were read from ${toctrees} index page(s).`);
    return data;
  },
};

/** `redirects = {…}` (sphinx-reredirects) and `rediraffe_redirects = {…}`, as dict literals of strings. */
function readConfPy(file: SiteFile, data: SiteData): void {
  const lines = file.text.split('\n');
  for (const [variable, relativeTargets] of [
    ['redirects', true],
    ['rediraffe_redirects', false],
  ] as const) {
    const start = lines.findIndex((line) => new RegExp(`^${variable}\\s*=\\s*\\{`).test(line));
    if (start < 0) {
      const named = new RegExp(`^${variable}\\s*=\\s*["']([^"']+)["']`).exec(file.text);
      if (named) data.notes.push(`${file.path}: ${variable} names a file (${named[1]}), which is not read.`);
      continue;
    }
    for (let index = start; index < lines.length; index++) {
      const line = lines[index]!.replace(/#.*$/, '');
      for (const pair of line.matchAll(/["']([^"']+)["']\s*:\s*["']([^"']+)["']/g)) {
        const [, from = '', to = ''] = pair;
        if (/^[a-z][a-z\d+.-]*:/i.test(to)) {
          data.notes.push(
            `${file.path}: the redirect from "${from}" leads off the site (${to}); it is not created.`,
          );
          continue;
        }
        data.redirects.push({
          from: normaliseUrlPath(from),
          to: relativeTargets ? resolveFrom(from, to) : `${to.replace(/^\//, '')}.md`,
          file: file.path,
          line: index + 1,
        });
      }
      if (line.includes('}')) break;
    }
    data.notes.push(`${file.path}: \`${variable}\` was read.`);
  }
}

/** sphinx-reredirects' targets are relative to the old page (`old/page` → `../new.html` is `/new`). */
function resolveFrom(from: string, to: string): string {
  if (to.startsWith('/')) return normaliseUrlPath(to);
  const segments = from.replace(/^\//, '').split('/').slice(0, -1);
  for (const segment of to.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return normaliseUrlPath(`/${segments.join('/')}`);
}
