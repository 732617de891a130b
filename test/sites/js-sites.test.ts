import { describe, expect, it } from 'vitest';
import { detectSite, SITE_DEFINITIONS, SITES } from '../../src/sites/index.js';
import { readDefaultExport, readProperty, readReturned } from '../../src/sites/js-data.js';

const { starlight, nextra, fumadocs } = SITE_DEFINITIONS;

describe('detection of Starlight, Nextra and Fumadocs from their files’ text', () => {
  const at = (dir: string, files: Record<string, string>) => ({
    dir,
    names: new Set(Object.keys(files)),
    texts: new Map(Object.entries(files)),
  });

  it('an Astro config counts only when it names Starlight', () => {
    const plainAstro = at('../../..', { 'astro.config.mjs': "import mdx from '@astrojs/mdx';" });
    expect(detectSite([plainAstro], SITES)?.site.name).not.toBe('starlight');
    const site = at('../../..', { 'astro.config.mjs': "import starlight from '@astrojs/starlight';" });
    expect(detectSite([site], SITES)).toMatchObject({ root: '../../..', marker: 'astro.config.mjs' });
    expect(detectSite([site], SITES)?.site.name).toBe('starlight');
  });

  it('a Next.js config is Nextra only when it names Nextra; source.config.ts naming fumadocs is Fumadocs', () => {
    expect(detectSite([at('..', { 'next.config.js': 'module.exports = {}' })], SITES)?.site.name).toBe(
      undefined,
    );
    const withNextra = at('..', { 'next.config.mjs': "import nextra from 'nextra'" });
    expect(detectSite([withNextra], SITES)?.site.name).toBe('nextra');
    const fuma = at('../..', {
      'next.config.mjs': "import { createMDX } from 'fumadocs-mdx/next'",
      'source.config.ts': "import { defineDocs } from 'fumadocs-mdx/config'",
    });
    expect(detectSite([fuma], SITES)?.site.name).toBe('fumadocs');
  });
});

describe('JavaScript config read as data, never run', () => {
  it('keeps the written key order of a typed _meta.ts, with code in place of values it cannot read', () => {
    const source = `import type { MetaRecord } from 'nextra'
const meta: MetaRecord = {
  '404': 'Not found',
  intro: 'Introduction',
  api: { title: <b>API</b> },
  faq: makeTitle(),
}
export default meta`;
    const read = readDefaultExport(source);
    expect(read?.entries.map(([key]) => key)).toEqual(['404', 'intro', 'api', 'faq']);
    expect(read?.value.intro).toBe('Introduction');
    expect(typeof read?.value.faq).toBe('symbol');
  });

  it('reads a property inside a call and what a method returns, and gives up on computed ones', () => {
    const config = `export default defineConfig({ integrations: [starlight({ sidebar: ['a', { label: 'B', slug: 'b' }] })],
  async redirects() { return [{ source: '/old', destination: '/new' }] } })`;
    expect(readProperty(config, 'sidebar')?.value).toEqual(['a', { label: 'B', slug: 'b' }]);
    expect(readReturned(config, 'redirects')?.value).toEqual([{ source: '/old', destination: '/new' }]);
    expect(readReturned('export default { redirects: () => load() }', 'redirects')?.value).toBeTypeOf(
      'symbol',
    );
  });
});

describe('Starlight config files', () => {
  it('reads the site address from `site` and `base`, and import aliases from tsconfig paths', () => {
    const data = starlight.readConfig(
      [
        {
          path: 'astro.config.mjs',
          text: "export default defineConfig({ site: 'https://docs.acme.example', base: '/manual/', integrations: [starlight({ title: 'A' })] })",
        },
        {
          path: 'tsconfig.json',
          text: '{\n  // aliases for pages\n  "compilerOptions": { "baseUrl": ".", "paths": { "@shots/*": ["src/shots/*"], "~/*": ["./src/*"], "config": ["src/config.ts"], }, },\n}',
        },
      ],
      'src/content/docs',
    );
    expect(data.siteUrl).toBe('https://docs.acme.example/manual/');
    expect(data.importAliases).toEqual([
      { prefix: '@shots/', target: 'src/shots/' },
      { prefix: '~/', target: 'src/' },
    ]);
  });

  it("without a tsconfig, `@x/` names `src/x/` as Astro's guide sets it up", () => {
    const data = starlight.readConfig([{ path: 'astro.config.mjs', text: 'export default {}' }], '');
    expect(data.importAliases).toEqual([{ prefix: '@', target: 'src/' }]);
    expect(data.siteUrl).toBeUndefined();
  });
});

describe('page URLs and navigation', () => {
  it('Starlight slugifies path segments, honours slug, and reads sidebar.order', () => {
    const data = starlight.readConfig([], '');
    const page = starlight.page(
      { path: 'Guides/Getting Started.md', fields: { sidebar: { order: 3 } }, isIndex: false },
      data,
    );
    expect(page).toMatchObject({ urls: ['/guides/getting-started'], order: 3 });
    expect(
      starlight.page({ path: 'a/b.md', fields: { slug: 'start/here' }, isIndex: false }, data).urls,
    ).toEqual(['/start/here']);
  });

  it('Nextra: route groups leave the URL; the app router publishes page.mdx only', () => {
    const pages = nextra.readConfig([], 'src/pages');
    expect(nextra.page({ path: '(extras)/faq.mdx', fields: {}, isIndex: false }, pages).urls).toEqual([
      '/faq',
    ]);
    const app = nextra.readConfig([], 'app');
    expect(nextra.page({ path: 'docs/guide/page.mdx', fields: {}, isIndex: true }, app).urls).toEqual([
      '/docs/guide',
    ]);
    expect(
      nextra.page({ path: 'docs/guide/old.mdx', fields: {}, isIndex: false }, app).notRendered,
    ).toBeDefined();
  });

  it('Fumadocs: meta.json orders pages, titles folders, and skips separators, links and rests', () => {
    const data = fumadocs.readConfig(
      [
        { path: 'lib/source.ts', text: "export const source = loader({ baseUrl: '/guide' })" },
        {
          path: 'content/docs/api/meta.json',
          text: JSON.stringify({
            title: 'API',
            pages: ['---Core---', 'client', '[Blog](/blog)', '...', 'server'],
          }),
        },
      ],
      'content/docs',
    );
    expect(data.nav.filter((entry) => !entry.target.endsWith('/'))).toEqual([
      { target: 'api/client', position: 1 },
      { target: 'api/server', position: 2 },
    ]);
    expect(data.nav).toContainEqual({ target: 'api/', title: 'API', position: 0 });
    expect(fumadocs.page({ path: '(start)/install.mdx', fields: {}, isIndex: false }, data).urls).toEqual([
      '/guide/install',
    ]);
  });
});
