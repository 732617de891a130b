import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { SourceFile } from '../../src/content/types.js';
import { digestOf } from '../../src/identity/digest.js';
import { articlePlaceholder } from '../../src/identity/placeholders.js';
import { textDigest } from '../../src/identity/text-digest.js';

const SOURCES: SourceFile[] = [
  {
    path: 'guides/setup.md',
    text: '---\ntitle: Setup\nslug: set-up\n---\n# Setup\n\n## Install\n\nSee [billing](billing.md#invoices).\n',
  },
  { path: 'guides/billing.md', text: '# Billing\n\n## Invoices\n' },
  { path: 'v1.md', text: '# One\n' },
];

describe('translations beside their source (name.<lang>.md)', () => {
  const files: SourceFile[] = [
    ...SOURCES,
    {
      path: 'guides/setup.fr.md',
      text: '---\ntitle: Installation\nslug: installation\nauthor: ada@acme.test\n---\n# Installation\n\n## Installer {#install}\n\nVoir [la facturation](billing.md#factures) et [installer](#install).\n',
    },
    { path: 'guides/setup.pt-BR.md', text: '# Configuração\n\nVeja [faturas](billing.md#invoices).\n' },
    { path: 'guides/setup.de.md', text: 'Siehe [Rechnungen](../guides/billing/).\n' },
    { path: 'guides/billing.fr.md', text: '# Facturation\n\n## Factures\n' },
    // Not translations: no `v1.md` beside `v1.2.md`, and `2` is not a language.
    { path: 'v1.2.md', text: '# Two\n' },
  ];
  const tree = buildContentTree(files);
  const state = buildDesiredState(tree);
  const setup = state.articles.find((a) => a.key === 'guides/setup');

  it('are not articles of their own', () => {
    expect(state.articles.map((a) => a.path)).toEqual([
      'guides/billing.md',
      'guides/setup.md',
      'v1.2.md',
      'v1.md',
    ]);
  });

  it('become the source article’s translations, sorted by language, titled by frontmatter, H1 or source', () => {
    expect(setup?.translations?.map((t) => [t.language, t.path, t.title])).toEqual([
      ['de', 'guides/setup.de.md', 'Setup'],
      ['fr', 'guides/setup.fr.md', 'Installation'],
      ['pt-br', 'guides/setup.pt-BR.md', 'Configuração'],
    ]);
  });

  it('render like articles: leading H1 dropped, links resolved to placeholders, digest of title and HTML', () => {
    const fr = setup?.translations?.find((t) => t.language === 'fr');
    const html = `<h2 id="install">Installer</h2>\n<p>Voir <a href="${articlePlaceholder('guides/billing', 'factures')}">la facturation</a> et <a href="#install">installer</a>.</p>`;
    expect(fr).toEqual({
      language: 'fr',
      path: 'guides/setup.fr.md',
      title: 'Installation',
      html,
      digest: digestOf('Installation', html),
      // Made with the rendering, before links were resolved: the same text.
      textDigest: textDigest(html),
      links: [{ targetKey: 'guides/billing', anchor: 'factures', line: 10, column: 6 }],
      assets: [],
    });
  });

  it('check anchors against the target’s translation in the same language, else the target itself', () => {
    const errors = state.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const de = setup?.translations?.find((t) => t.language === 'de');
    expect(de?.links).toEqual([{ targetKey: 'guides/billing', line: 1, column: 7 }]);
  });

  it('ignore article-level frontmatter with a warning', () => {
    expect(state.diagnostics.filter((d) => d.file === 'guides/setup.fr.md')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'translation/ignored-field',
        field: 'slug',
        line: 3,
      }),
      expect.objectContaining({
        severity: 'warning',
        code: 'translation/ignored-field',
        field: 'author',
        line: 4,
      }),
    ]);
  });

  it('flag a missing anchor in the translated target', () => {
    const broken = buildDesiredState(
      buildContentTree([
        ...SOURCES,
        ...files.filter((f) => f.path === 'guides/billing.fr.md'),
        {
          path: 'guides/setup.fr.md',
          text: 'Voir [factures](billing.md#invoices).\n',
        },
      ]),
    );
    expect(broken.diagnostics).toEqual([
      expect.objectContaining({
        code: 'link/missing-anchor',
        file: 'guides/setup.fr.md',
        message: expect.stringContaining('guides/billing.fr.md'),
        hint: expect.stringContaining('Ids on guides/billing.fr.md: "factures"'),
      }),
    ]);
  });

  it('a folder metadata file has no translations', () => {
    const other = buildContentTree([
      ...SOURCES,
      { path: 'guides/_index.md', text: '---\ntitle: G\n---\n' },
      { path: 'guides/_index.fr.md', text: '---\ntitle: G\n---\n' },
    ]);
    expect(other.diagnostics).toEqual([
      expect.objectContaining({ code: 'translation/ignored', severity: 'warning' }),
    ]);
  });

  it('two files for one language are an error', () => {
    const other = buildContentTree([
      ...SOURCES,
      { path: 'v1.fr.md', text: 'a' },
      { path: 'v1.fr.markdown', text: 'b' },
    ]);
    expect(other.diagnostics).toEqual([
      expect.objectContaining({ code: 'translation/duplicate', file: 'v1.fr.md' }),
    ]);
  });
});

describe('translations in language folders (layout: folders)', () => {
  const options = { translations: { layout: 'folders' as const } };
  const files: SourceFile[] = [
    ...SOURCES,
    {
      path: 'i18n/fr/guides/setup.md',
      text: '---\ntitle: Installation\n---\nVoir [factures](billing.md#invoices), [accueil](../../../v1.md) et [site](../billing/).\n',
    },
    { path: 'i18n/de/guides/setup.md', text: '# Einrichtung\n' },
    { path: 'i18n/fr/_category_.json', text: '{"label":"Français"}' },
  ];

  it('groups them under their source and makes no collection for the folder', () => {
    const tree = buildContentTree(files, options);
    const state = buildDesiredState(tree);
    expect(state.collections.map((c) => c.key)).toEqual(['guides']);
    expect(state.articles.map((a) => a.key)).toEqual(['guides/billing', 'guides/setup', 'v1']);
    const setup = state.articles.find((a) => a.key === 'guides/setup');
    expect(setup?.translations?.map((t) => [t.language, t.title])).toEqual([
      ['de', 'Einrichtung'],
      ['fr', 'Installation'],
    ]);
    // `billing.md` inside i18n/fr/guides/ has no translation there: the source document is meant.
    expect(setup?.translations?.find((t) => t.language === 'fr')?.links.map((l) => l.targetKey)).toEqual([
      'guides/billing',
      'v1',
      'guides/billing',
    ]);
    expect(state.diagnostics).toEqual([]);
  });

  it('a translation without its source is an error', () => {
    const tree = buildContentTree([...SOURCES, { path: 'i18n/fr/guides/gone.md', text: 'x' }], options);
    expect(tree.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'translation/orphan',
        file: 'i18n/fr/guides/gone.md',
        line: 1,
      }),
    ]);
  });

  it('a folder that is not a language code is an error; a loose file in the folder a warning', () => {
    const tree = buildContentTree(
      [...SOURCES, { path: 'i18n/french/v1.md', text: 'x' }, { path: 'i18n/README.md', text: 'x' }],
      { translations: { layout: 'folders', folder: '/i18n/' } },
    );
    expect(tree.diagnostics.map((d) => [d.file, d.severity, d.code])).toEqual([
      ['i18n/french/v1.md', 'error', 'translation/language'],
      ['i18n/README.md', 'warning', 'translation/language'],
    ]);
  });

  it('in the folders layout, name.<lang>.md is an ordinary document', () => {
    const tree = buildContentTree([...SOURCES, { path: 'v1.fr.md', text: '# Un\n' }], options);
    expect(tree.docs.map((d) => d.path)).toContain('v1.fr.md');
  });
});

describe("translations in Pylon's language codes", () => {
  const tree = buildContentTree([
    ...SOURCES,
    { path: 'guides/setup.zh-Hans.md', text: '# 设置\n' },
    { path: 'guides/setup.nb.md', text: '# Oppsett\n' },
    { path: 'guides/setup.eo.md', text: '# Agordo\n' },
    { path: 'guides/billing.zh-CN.md', text: '# 账单\n' },
    { path: 'guides/billing.zh-Hans.md', text: '# 账单 2\n' },
  ]);
  const state = buildDesiredState(tree);
  const languages = (key: string) =>
    state.articles.find((a) => a.key === key)?.translations?.map((t) => [t.language, t.path]);

  it('map the tree’s codes to Pylon’s (zh-Hans → zh-cn, nb → no)', () => {
    expect(languages('guides/setup')).toEqual([
      ['no', 'guides/setup.nb.md'],
      ['zh-cn', 'guides/setup.zh-Hans.md'],
    ]);
  });

  it('leave out a language Pylon lacks with a warning at the file, and refuse two files that map to one code', () => {
    expect(tree.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'translation/duplicate',
        file: 'guides/billing.zh-Hans.md',
        message: expect.stringContaining('"zh-cn"'),
      }),
      expect.objectContaining({
        severity: 'warning',
        code: 'translation/language',
        file: 'guides/setup.eo.md',
        line: 1,
        message: expect.stringContaining('no language "eo"'),
        hint: expect.stringContaining('zh-cn'),
      }),
    ]);
  });
});
