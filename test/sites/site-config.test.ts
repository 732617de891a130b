import { describe, expect, it } from 'vitest';
import { siteVariablesFrom } from '../../src/content/site-variables.js';
import { siteByName } from '../../src/sites/index.js';
import { redirectByPattern } from '../../src/sites/redirect-patterns.js';

const hugo = siteByName('hugo');
const docusaurus = siteByName('docusaurus');

describe("the site's public address, from its own config", () => {
  it('Hugo: baseURL from a configuration directory, the production environment over _default', () => {
    const files = [
      {
        path: 'config/_default/hugo.toml',
        text: 'baseURL = "https://staging.example.org/"\ntitle = "Docs"\n',
      },
      { path: 'config/production/hugo.toml', text: 'baseURL = "https://docs.example.org/"\n' },
    ];
    expect(hugo.readConfig(files, 'content').siteUrl).toBe('https://docs.example.org/');
  });

  it('Hugo: baseURL from a root hugo.yaml or config.json, whatever the key’s case', () => {
    expect(
      hugo.readConfig([{ path: 'hugo.yaml', text: 'baseurl: https://a.example/x/\n' }], '').siteUrl,
    ).toBe('https://a.example/x/');
    const json = { path: 'config.json', text: '{"baseURL": "https://b.example/"}' };
    expect(hugo.readConfig([json], '').siteUrl).toBe('https://b.example/');
  });

  it('Hugo: a root-relative or missing baseURL gives no address; a broken file is named in the notes', () => {
    expect(hugo.readConfig([{ path: 'hugo.toml', text: 'baseURL = "/"\n' }], '').siteUrl).toBeUndefined();
    const broken = hugo.readConfig([{ path: 'config/_default/params.toml', text: 'x = = 1' }], '');
    expect(broken.notes).toEqual([expect.stringContaining('config/_default/params.toml is not valid TOML')]);
  });

  it('VitePress: sitemap.hostname, written as a literal or as a constant of the same file, and base', () => {
    const vitepress = siteByName('vitepress');
    const named = `const siteUrl = 'https://beacon.example'\nexport default {\n  base: '/docs/',\n  sitemap: { hostname: siteUrl },\n}\n`;
    expect(vitepress.readConfig([{ path: '.vitepress/config.ts', text: named }], '').siteUrl).toBe(
      'https://beacon.example/docs/',
    );
    const literal = `export default { sitemap: { hostname: 'https://beacon.example' } }\n`;
    expect(vitepress.readConfig([{ path: '.vitepress/config.mts', text: literal }], '').siteUrl).toBe(
      'https://beacon.example/',
    );
  });

  it('Docusaurus: url and baseUrl together', () => {
    const text = `export default {\n  title: 'Acme',\n  url: 'https://acme.example',\n  baseUrl: '/handbook/',\n};\n`;
    const data = docusaurus.readConfig([{ path: 'docusaurus.config.ts', text }], '');
    expect(data.siteUrl).toBe('https://acme.example/handbook/');
  });
});

describe('Hugo configuration as its users keep it', () => {
  it('params files of a configuration directory are the site’s params, merged key by key', () => {
    const site = siteVariablesFrom([
      {
        path: 'config/_default/hugo.toml',
        text: 'title = "Docs"\n[params]\nversion = "1.0"\nlogo = "a.svg"\n',
      },
      { path: 'config/_default/params.yaml', text: 'version: "2.0"\nui:\n  sidebar: true\n' },
    ]);
    expect(site).toEqual({
      title: 'Docs',
      params: { version: '2.0', logo: 'a.svg', ui: { sidebar: true } },
    });
  });

  it('nested TOML tables are read, not only the top level', () => {
    const site = siteVariablesFrom([
      { path: 'hugo.toml', text: '[params.links]\n[[params.links.user]]\nname = "Forum"\n' },
    ]);
    expect(site).toEqual({ params: { links: { user: [{ name: 'Forum' }] } } });
  });

  it('a relative alias is relative to the page’s section, .. included', () => {
    const page = (aliases: string[]) =>
      hugo.page(
        { path: 'guides/setup/install.md', fields: { aliases }, isIndex: false },
        hugo.readConfig([], ''),
      );
    expect(page(['old-install', '../legacy/install', '/abs/']).redirects).toEqual([
      '/guides/setup/old-install',
      '/guides/legacy/install',
      '/abs/',
    ]);
  });

  it('Mintlify: wildcard redirects are kept as patterns, plain ones as redirects', () => {
    const text = JSON.stringify({
      redirects: [
        { source: '/old', destination: '/new' },
        { source: '/docs/latest/:slug*', destination: '/docs/v2/:slug*' },
      ],
    });
    const data = siteByName('mintlify').readConfig([{ path: 'docs.json', text }], '');
    expect(data.redirects.map((r) => [r.from, r.to])).toEqual([['/old', '/new']]);
    expect(data.redirectPatterns).toEqual([{ from: '/docs/latest/:slug*', to: '/docs/v2/:slug*' }]);
  });
});

describe('redirect patterns', () => {
  it.each([
    ['/docs/latest/a/b', '/docs/v2/a/b'],
    ['/docs/latest/', '/docs/v2/'],
    ['/blog/2024/post', '/news/post-2024'],
    ['/elsewhere', undefined],
  ])('%s → %s', (path, to) => {
    const patterns = [
      { from: '/docs/latest/:slug*', to: '/docs/v2/:slug*' },
      { from: '/blog/:year/:name', to: '/news/:name-:year' },
    ];
    expect(redirectByPattern(path, patterns)).toBe(to);
  });
});
