import { describe, expect, it } from 'vitest';
import { readStrictness } from '../../src/sites/strictness.js';

const file = (path: string, text: string) => ({ path, text });

/** The site's own settings for broken links, read as data: pylon-kb follows them where its config is silent. */
describe('readStrictness', () => {
  it('Docusaurus: onBrokenMarkdownLinks and onBrokenAnchors, throw is an error, default warn', () => {
    const strict = file(
      'docusaurus.config.ts',
      "export default { title: 'Site', onBrokenLinks: 'throw', onBrokenMarkdownLinks: 'throw', onBrokenAnchors: 'throw' };",
    );
    expect(readStrictness('docusaurus', [strict])).toMatchObject({
      brokenLinks: 'error',
      brokenAnchors: 'error',
    });
    const hooks = file(
      'docusaurus.config.js',
      "module.exports = { markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } } };",
    );
    expect(readStrictness('docusaurus', [hooks])).toMatchObject({
      brokenLinks: 'error',
      brokenAnchors: 'warn',
    });
    const silent = file('docusaurus.config.js', "module.exports = { title: 'Site' };");
    expect(readStrictness('docusaurus', [silent])).toMatchObject({
      brokenLinks: 'warn',
      brokenAnchors: 'warn',
    });
  });

  it('VitePress: a dead link fails the build unless ignoreDeadLinks is true', () => {
    const config = (body: string) =>
      file('.vitepress/config.mts', `export default defineConfig({ ${body} })`);
    expect(readStrictness('vitepress', [config("title: 'Docs'")]).brokenLinks).toBe('error');
    expect(readStrictness('vitepress', [config('ignoreDeadLinks: true')]).brokenLinks).toBe('warn');
  });

  it('MkDocs: warnings unless strict turns them into errors; validation levels below warn stay warnings', () => {
    const plain = file('mkdocs.yml', 'site_name: Docs\n');
    expect(readStrictness('mkdocs', [plain])).toMatchObject({ brokenLinks: 'warn', brokenAnchors: 'warn' });
    const strict = file('mkdocs.yml', 'site_name: Docs\nstrict: true\nvalidation:\n  anchors: warn\n');
    expect(readStrictness('mkdocs', [strict])).toMatchObject({
      brokenLinks: 'error',
      brokenAnchors: 'error',
    });
    const quiet = file('mkdocs.yml', 'strict: true\nvalidation:\n  links:\n    not_found: info\n');
    expect(readStrictness('mkdocs', [quiet]).brokenLinks).toBe('warn');
  });

  it('Hugo: refLinksErrorLevel from TOML, YAML or JSON, ERROR by default', () => {
    expect(readStrictness('hugo', [file('hugo.toml', 'title = "Docs"\n')]).brokenLinks).toBe('error');
    const toml = file('hugo.toml', 'refLinksErrorLevel = "WARNING"\n[params]\nx = 1\n');
    expect(readStrictness('hugo', [toml]).brokenLinks).toBe('warn');
    expect(readStrictness('hugo', [file('hugo.yaml', 'refLinksErrorLevel: warning\n')]).brokenLinks).toBe(
      'warn',
    );
    expect(readStrictness('hugo', [file('config.json', '{"refLinksErrorLevel": "ERROR"}')]).brokenLinks).toBe(
      'error',
    );
  });

  it('generators whose builds never fail on links: warnings; pylon-kb’s own conventions: its defaults', () => {
    for (const site of ['jekyll', 'mintlify', 'gitbook'] as const) {
      expect(readStrictness(site, [])).toMatchObject({ brokenLinks: 'warn', brokenAnchors: 'warn' });
    }
    expect(readStrictness('none', [])).toEqual({});
  });
});
