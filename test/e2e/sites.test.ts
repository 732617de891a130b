import { describe, expect, it } from 'vitest';
import { fixtureSiteCopy, SITE_FLAGS } from './fixture-site.js';
import { managedByKey, writeCount } from './helpers.js';

/**
 * Each fixture tree is a site as its generator's documentation describes it. Published with NO pylon-kb
 * config (only the target's env and the run flags every e2e test passes), it must publish as the site
 * builds: no errors, every page an article, links to article URLs, images uploaded, redirect keys as
 * route redirects, and a second apply that writes nothing.
 */
interface SiteCase {
  name: string;
  /** The docs folder, relative to the site root (the cwd of the run). */
  contentDir: string;
  /** The generator's name as `check` reports it. */
  label: string;
  /** Pages written for the fixture (document keys): each must be published. */
  pages: string[];
  /** Redirect keys of frontmatter and site config: each must be a route redirect. */
  redirects: string[];
  /** Images in the site's static folders or beside the pages: each must be uploaded. */
  images: number;
}

const CASES: SiteCase[] = [
  {
    name: 'hugo',
    contentDir: 'content',
    label: 'Hugo',
    pages: [
      '_index',
      'about',
      'docs/_index',
      'docs/admin/setup',
      'docs/dev/setup',
      'docs/getting-started/configuration',
      'docs/getting-started/install',
      'docs/getting-started/platforms',
      'docs/reference/api/index',
      'docs/reference/cli',
    ],
    redirects: ['/install/', '/docs/installation/', '/cli/', '/docs/commands/', '/api/'],
    images: 3,
  },
  {
    name: 'docusaurus',
    contentDir: 'docs',
    label: 'Docusaurus',
    pages: [
      'intro',
      'api/README',
      'api/Store',
      'guides/README',
      'guides/deploy',
      'tutorial-basics/congratulations',
      'tutorial-basics/create-a-page',
      'tutorial-basics/markdown-features',
    ],
    redirects: ['/docs/pages', '/docs/new-page', '/docs/deploying'],
    images: 3,
  },
  {
    name: 'vitepress',
    contentDir: 'docs',
    label: 'VitePress',
    pages: [
      'index',
      'api/index',
      'api/runtime',
      'guide/getting-started',
      'guide/index',
      'guide/provide-inject',
      'guide/theming',
      'guide/what-is-beacon',
    ],
    redirects: [],
    images: 2,
  },
  {
    name: 'mkdocs',
    contentDir: 'docs',
    label: 'MkDocs',
    pages: [
      'index',
      'getting-started',
      'about/license',
      'about/release-notes',
      'admin/setup',
      'dev/setup',
      'user-guide/configuration',
      'user-guide/writing-your-docs',
    ],
    redirects: ['/user-guide/setup', '/old/configuring'],
    images: 2,
  },
  {
    name: 'jekyll',
    contentDir: '.',
    label: 'Jekyll',
    pages: [
      'index',
      'docs/index',
      'docs/front-matter',
      'docs/liquid',
      'docs/02-liquid',
      '_posts/2024-01-15-quill-1-0',
    ],
    redirects: ['/docs/frontmatter/', '/front-matter.html', '/docs/liquid-steps/'],
    images: 2,
  },
  {
    name: 'mintlify',
    contentDir: '.',
    label: 'Mintlify',
    pages: [
      'introduction',
      'quickstart',
      'api-reference/introduction',
      'api-reference/endpoint/get',
      'essentials/images',
      'essentials/markdown',
      'essentials/settings',
    ],
    redirects: ['/getting-started', '/content/markdown'],
    images: 2,
  },
  {
    name: 'gitbook',
    contentDir: '.',
    label: 'GitBook',
    pages: [
      'README',
      'getting-started/README',
      'getting-started/installation',
      'getting-started/quickstart',
      'guides/editing-content',
      'guides/git-sync',
      'reference/configuration',
    ],
    redirects: ['/setup', '/guides/old-editor'],
    images: 2,
  },
];

describe.each(CASES)('a $label site publishes as it is, with no pylon-kb config', (site) => {
  const published = fixtureSiteCopy(site);
  const { run } = published;

  it('check detects the generator and reports 0 errors', async () => {
    // The default author plan and apply take (without one, each document lacks an author, offline too).
    const checked = await run('check', ['--json', '--author', 'ada@acme.test']);
    const report = JSON.parse(checked.stdout) as { errors: number; site?: { label: string } };
    expect(report.site?.label).toBe(site.label);
    expect(report.errors, checked.stdout).toBe(0);
    const text = await run('check', ['--author', 'ada@acme.test']);
    expect(text.stdout).toContain(`Site: ${site.label} (detected from`);
  });

  it('apply publishes every page, with links as article URLs, images uploaded and redirects', async () => {
    const applied = await run('apply', SITE_FLAGS);
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    const state = published.emu.snapshot();
    const managed = managedByKey(published.emu);
    for (const page of site.pages) expect(managed.get(page), page).toHaveLength(1);
    expect([...managed.values()].every((articles) => articles.length === 1)).toBe(true);

    const articleUrls = new Set(state.articles.map((a) => a.url));
    const attachmentUrls = new Set(state.attachments.map((a) => a.url));
    let internalLinks = 0;
    for (const article of state.articles) {
      for (const [, href = ''] of article.draft_html.matchAll(/<a [^>]*href="([^"]*)"/g)) {
        const url = href.replaceAll('&amp;', '&');
        if (articleUrls.has(url.split('#')[0] ?? '')) {
          internalLinks++;
          continue;
        }
        // Anything else is an in-page fragment, an uploaded file or a link off the site: never a path left
        // as written (`../setup/`, `/docs/deploy`), which would be dead in Pylon.
        const offSite =
          /^(https?:|mailto:)/.test(url) &&
          !url.startsWith(`${published.emu.url.replace(/\/$/, '')}/articles`);
        expect(url.startsWith('#') || attachmentUrls.has(url) || offSite, `${url} in ${article.url}`).toBe(
          true,
        );
      }
      for (const [, src = ''] of article.draft_html.matchAll(/<img [^>]*src="([^"]*)"/g)) {
        expect(attachmentUrls.has(src.replaceAll('&amp;', '&')), `image ${src}`).toBe(true);
      }
    }
    expect(internalLinks).toBeGreaterThan(site.pages.length);
    expect(new Set(state.attachments.map((a) => a.sha256)).size).toBeGreaterThanOrEqual(site.images);
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
