import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { buildContent, readContentTree } from '../../src/run/content.js';
import { fixtureSiteCopy, SITE_FLAGS } from './fixture-site.js';
import { managedByKey, writeCount } from './helpers.js';

/**
 * The Astro Starlight, Nextra and Fumadocs fixture trees, published over HTTP into the emulator with no
 * pylon-kb config: the generator detected from its own files, every page published, the site's redirects as
 * route redirects, language files as translations, each theme construct as the element Pylon keeps, the
 * order the site's navigation gives, and a second apply that writes nothing.
 */
interface JsSite {
  name: string;
  contentDir: string;
  label: string;
  pages: string[];
  redirects: string[];
  /** Document key → the languages it is translated into. */
  translations: Record<string, string[]>;
  /** Document key → fragments its published HTML holds (the constructs it uses). */
  constructs: Record<string, string[]>;
  /** Document keys in the order the site's navigation gives them (siblings of one collection). */
  order: string[];
  images: number;
}

const SITES: JsSite[] = [
  {
    name: 'starlight',
    contentDir: 'src/content/docs',
    label: 'Starlight',
    pages: ['index', 'guides/install', 'guides/configure', 'reference/cli'],
    redirects: ['/setup', '/cli-reference'],
    translations: { 'guides/install': ['fr'] },
    constructs: {
      'guides/install': [
        '<blockquote class="callout callout-tip"><p class="callout-title"><strong>Use a package manager</strong>',
        '<blockquote class="callout callout-caution">',
        '<blockquote class="callout callout-note"><p class="callout-title"><strong>After installing</strong>',
      ],
      'guides/configure': [
        '<blockquote class="callout callout-warning"><p class="callout-title"><strong>Keep secrets out</strong>',
        '<ol class="steps">',
        '<div class="tabs"><details class="tab" open><summary>GitHub</summary>',
        '<ul class="file-tree">',
        '<div class="card-group">',
        'Put Quill on your machine first.',
        'since 1.2',
        'alt="How Quill reads changes"',
      ],
      index: ['>Install Quill</a>'],
    },
    // sidebar.order 1 before 2, whatever the file names say.
    order: ['guides/configure', 'guides/install'],
    images: 2,
  },
  {
    name: 'nextra',
    contentDir: 'content',
    label: 'Nextra',
    pages: ['index', 'guide/install', 'guide/configure', '(extras)/faq'],
    redirects: ['/setup'],
    translations: { 'guide/install': ['fr'] },
    constructs: {
      'guide/install': [
        '<blockquote class="callout callout-warning">',
        '<summary>npm</summary>',
        '<summary>pnpm</summary>',
        '<ol class="steps">',
        '<h3 id="start">Start the agent</h3>',
        '<blockquote class="callout callout-important"><p class="callout-title"><strong>Permissions</strong>',
      ],
      'guide/configure': [
        '<h2 id="sampling">Sampling rate</h2>',
        '<ul class="file-tree">',
        '<div class="card-group">',
      ],
    },
    order: ['guide/install', 'guide/configure'],
    images: 1,
  },
  {
    name: 'fumadocs',
    contentDir: 'content/docs',
    label: 'Fumadocs',
    pages: ['index', '(start)/install', '(start)/concepts', 'components/layout', 'components/buttons'],
    redirects: ['/docs/quickstart'],
    translations: { '(start)/install': ['de'] },
    constructs: {
      '(start)/install': [
        '<blockquote class="callout callout-warning"><p class="callout-title"><strong>Node 20</strong>',
        '<summary>bun</summary>',
        '<h3 id="create">Create the file</h3>',
        '<blockquote class="callout callout-caution">',
      ],
      'components/layout': [
        '<ul class="file-tree">',
        '<summary>How many panels fit?</summary>',
        'Actions on a panel.',
      ],
    },
    // meta.json lists layout before buttons (the alphabet would not).
    order: ['components/layout', 'components/buttons'],
    images: 1,
  },
];

describe.each(SITES)('a $label site publishes with no pylon-kb config', (site) => {
  const published = fixtureSiteCopy(site);
  const { run } = published;

  it('check detects the generator from its own files and reports 0 errors', async () => {
    const checked = await run('check', ['--json', '--author', 'ada@acme.test']);
    const report = JSON.parse(checked.stdout) as { errors: number; site?: { label: string } };
    expect(report.site?.label).toBe(site.label);
    expect(report.errors, checked.stdout).toBe(0);
  });

  it('the navigation the site declares orders the pages', async () => {
    const config = { ...DEFAULTS, contentDir: join(published.dir, site.contentDir) };
    const { tree } = await readContentTree(config);
    const { desired } = await buildContent(config, tree);
    const orderOf = (key: string) => desired.articles.find((a) => a.key === key)?.order;
    const orders = site.order.map(orderOf);
    expect(
      orders.every((o) => o !== undefined),
      JSON.stringify(orders),
    ).toBe(true);
    expect([...orders].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(orders);
  });

  it('apply publishes every page with its constructs, translations, images and redirects', async () => {
    const applied = await run('apply', SITE_FLAGS);
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    const state = published.emu.snapshot();
    const managed = managedByKey(published.emu);
    for (const page of site.pages) expect(managed.get(page), page).toHaveLength(1);
    expect([...managed.keys()].sort()).toEqual([...site.pages].sort());

    for (const [key, fragments] of Object.entries(site.constructs)) {
      const html = (managed.get(key)?.[0]?.draft_html ?? '').replace(/>\s+</g, '><');
      for (const fragment of fragments) expect(html, `${key}: ${fragment}`).toContain(fragment);
      expect(html).not.toMatch(
        /:::|\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]|\[#[a-z-]+\]|<[A-Z][A-Za-z.]*[\s/>]/,
      );
    }
    for (const [key, languages] of Object.entries(site.translations)) {
      const article = managed.get(key)?.[0] as { translations?: Record<string, unknown> } | undefined;
      expect(Object.keys(article?.translations ?? {}).sort(), key).toEqual(languages);
    }

    const articleUrls = new Set(state.articles.map((a) => a.url));
    const attachmentUrls = new Set(state.attachments.map((a) => a.url));
    let internalLinks = 0;
    for (const article of state.articles) {
      for (const [, href = ''] of article.draft_html.matchAll(/<a [^>]*href="([^"]*)"/g)) {
        const url = href.replaceAll('&amp;', '&');
        if (articleUrls.has(url.split('#')[0] ?? '')) internalLinks++;
        else
          expect(/^(https?:|#)/.test(url) || attachmentUrls.has(url), `${url} in ${article.url}`).toBe(true);
      }
      for (const [, src = ''] of article.draft_html.matchAll(/<img [^>]*src="([^"]*)"/g))
        expect(attachmentUrls.has(src.replaceAll('&amp;', '&')), `image ${src}`).toBe(true);
    }
    expect(internalLinks).toBeGreaterThanOrEqual(site.pages.length);
    expect(new Set(state.attachments.map((a) => a.sha256)).size).toBe(site.images);
    const redirects = state.route_redirects.map((r) => r.from_path);
    for (const from of site.redirects) expect(redirects, from).toContain(from);
  });

  it('a second apply writes nothing', async () => {
    const before = writeCount(published.emu);
    const again = await run('apply', SITE_FLAGS);
    expect(again.code, again.stderr).toBe(0);
    expect(writeCount(published.emu)).toBe(before);
  });
});
