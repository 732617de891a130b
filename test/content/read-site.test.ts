import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSite } from '../../src/content/read-site.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pylon-kb-site-'));
  await mkdir(join(root, 'docs'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSite (detecting the generator from the files around the docs)', () => {
  it('finds a Docusaurus site kept in website/ beside the docs folder, and reads its sidebars', async () => {
    await mkdir(join(root, 'website'));
    await writeFile(join(root, 'website', 'docusaurus.config.js'), "module.exports = {title: 'Relay'};\n");
    await writeFile(
      join(root, 'website', 'sidebars.js'),
      "module.exports = {docs: [{type: 'category', label: 'Guides', items: ['guides/setup']}]};\n",
    );
    const site = await readSite(join(root, 'docs'));
    expect(site.definition.name).toBe('docusaurus');
    expect(site.detectedBy).toBe('../website/docusaurus.config.js');
    expect(site.data.nav).toContainEqual({ target: 'guides/', title: 'Guides', position: 1 });
  });

  it('prefers the marker above the docs folder to one beside it', async () => {
    await writeFile(join(root, 'mkdocs.yml'), 'site_name: Relay\n');
    await mkdir(join(root, 'website'));
    await writeFile(join(root, 'website', 'docusaurus.config.js'), 'module.exports = {};\n');
    expect((await readSite(join(root, 'docs'))).definition.name).toBe('mkdocs');
  });

  it('finds a Hugo site by its config directory alone, and reads its address from there', async () => {
    await mkdir(join(root, 'config', '_default'), { recursive: true });
    await mkdir(join(root, 'config', 'production'), { recursive: true });
    await writeFile(join(root, 'config', '_default', 'hugo.yaml'), 'baseURL: https://staging.acme.test/\n');
    await writeFile(join(root, 'config', 'production', 'hugo.toml'), 'baseURL = "https://acme.test/docs/"\n');
    const site = await readSite(join(root, 'docs'));
    expect(site.definition.name).toBe('hugo');
    expect(site.detectedBy).toBe('../config/_default/');
    expect(site.data.siteUrl).toBe('https://acme.test/docs/');
  });

  it('finds nothing when no folder around the docs has a marker', async () => {
    expect((await readSite(join(root, 'docs'))).definition.name).toBe('none');
  });
});
