import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDesiredState } from '../../src/content/desired.js';
import { readIncludes, readSiteVariables, readSyntaxInputs } from '../../src/content/read-includes.js';
import { siteVariablesFrom } from '../../src/content/site-variables.js';
import { buildContentTree } from '../../src/content/tree.js';
import { SITE_DEFINITIONS, syntaxPresetOf } from '../../src/sites/index.js';

let root: string;
let docs: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pylon-kb-includes-'));
  docs = join(root, 'docs');
  await mkdir(join(docs, 'parts'), { recursive: true });
  await writeFile(join(root, 'secret.md'), 'SECRET');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readIncludes (the I/O edge for included files)', () => {
  it('reads what documents include, and what the included files include in turn', async () => {
    await writeFile(join(docs, 'parts', 'a.md'), 'A\n\n<!--@include: ./b.md-->');
    await writeFile(join(docs, 'parts', 'b.md'), 'B');
    const found = await readIncludes(docs, [{ path: 'page.md', markdown: '<!--@include: ./parts/a.md-->' }]);
    expect([...found]).toEqual([
      ['parts/a.md', { text: 'A\n\n<!--@include: ./b.md-->' }],
      ['parts/b.md', { text: 'B' }],
    ]);
  });

  it('refuses a symbolic link that leads out of the content directory, without reading it', async () => {
    await symlink(join(root, 'secret.md'), join(docs, 'parts', 'link.md'));
    const found = await readIncludes(docs, [{ path: 'page.md', markdown: '--8<-- "parts/link.md"' }]);
    expect(found.get('parts/link.md')).toEqual({ problem: 'outside' });
  });

  it('never asks for a path that climbs out with ..', async () => {
    const found = await readIncludes(docs, [{ path: 'page.md', markdown: '<!--@include: ../secret.md-->' }]);
    expect(found.size).toBe(0);
  });

  it('tells binary files and missing files apart', async () => {
    await writeFile(join(docs, 'parts', 'bin.md'), Buffer.from([0x50, 0x00, 0x4b]));
    const found = await readIncludes(docs, [
      { path: 'page.md', markdown: '<!--@include: ./parts/bin.md-->\n<!--@include: ./parts/none.md-->' },
    ]);
    expect(found.get('parts/bin.md')).toMatchObject({ problem: 'not-text' });
    expect(found.get('parts/none.md')).toEqual({ problem: 'missing' });
  });
});

describe('readIncludes for MkDocs snippets (base_path: the site root, beside docs/)', () => {
  const settings = (overrides = {}) => ({
    root: '..',
    basePaths: ['.'],
    autoPrepend: [],
    autoAppend: [],
    checkPaths: false,
    ...overrides,
  });
  let site: string;
  let content: string;
  beforeEach(async () => {
    site = join(root, 'site');
    content = join(site, 'docs');
    await mkdir(join(site, 'includes'), { recursive: true });
    await mkdir(content, { recursive: true });
    await writeFile(join(site, 'includes', 'abbr.md'), '*[API]: Application programming interface');
  });

  it('reads a snippet beside the content directory, and the auto_append files for every page', async () => {
    await writeFile(join(site, 'includes', 'note.md'), 'Note');
    const found = await readIncludes(
      content,
      [{ path: 'page.md', markdown: '--8<-- "includes/note.md"' }],
      undefined,
      settings({ autoAppend: ['includes/abbr.md'] }),
    );
    expect([...found]).toEqual([
      ['../includes/abbr.md', { text: '*[API]: Application programming interface' }],
      ['../includes/note.md', { text: 'Note' }],
    ]);
  });

  it('never asks for a snippet that climbs out of the site root', async () => {
    const found = await readIncludes(
      content,
      [{ path: 'page.md', markdown: '--8<-- "../secret.md"\n--8<-- "includes/../../secret.md"' }],
      undefined,
      settings(),
    );
    expect(found.size).toBe(0);
  });

  it('refuses a symbolic link in the site root that leads out of it, and a binary snippet', async () => {
    await symlink(join(root, 'secret.md'), join(site, 'includes', 'link.md'));
    await writeFile(join(site, 'includes', 'bin.md'), Buffer.from([0x50, 0x00, 0x4b]));
    const found = await readIncludes(
      content,
      [{ path: 'page.md', markdown: '--8<-- "includes/link.md"\n--8<-- "includes/bin.md"' }],
      undefined,
      settings(),
    );
    expect(found.get('../includes/link.md')).toEqual({ problem: 'outside' });
    expect(found.get('../includes/bin.md')).toMatchObject({ problem: 'not-text' });
  });

  it('tries each base_path in order', async () => {
    await mkdir(join(site, 'snippets'));
    await writeFile(join(site, 'snippets', 'abbr.md'), 'first');
    const found = await readIncludes(
      content,
      [{ path: 'page.md', markdown: '--8<-- "abbr.md"' }],
      undefined,
      settings({ basePaths: ['snippets', 'includes'] }),
    );
    expect([...found.keys()]).toEqual(['../snippets/abbr.md', '../includes/abbr.md']);
    expect(found.get('../snippets/abbr.md')).toEqual({ text: 'first' });
  });
});

describe('site variables', () => {
  it('reads Jekyll _config.yml and Hugo params (TOML, YAML) as data', async () => {
    expect(
      siteVariablesFrom([{ path: '_config.yml', text: 'repository: acme/x\nbaseurl: /docs\n' }]),
    ).toEqual({
      repository: 'acme/x',
      baseurl: '/docs',
    });
    expect(
      siteVariablesFrom([
        { path: 'hugo.toml', text: 'title = "Site"\n[params]\nversion = "1.2"\n[menu]\nx = 1\n' },
      ]),
    ).toEqual({ title: 'Site', params: { version: '1.2' }, menu: { x: 1 } });
    await writeFile(join(root, 'hugo.yaml'), 'params:\n  version: "2.0"\n');
    expect(await readSiteVariables(docs)).toEqual({ params: { version: '2.0' } });
  });
});

describe('rendering with the syntax inputs', () => {
  it('inlines includes, fills Liquid from _config.yml and frontmatter, as the site builds it', async () => {
    await writeFile(join(docs, '_config.yml'), 'repository: acme/widgets\n');
    await mkdir(join(docs, '_includes'));
    await writeFile(join(docs, '_includes', 'note.md'), '> [!NOTE]\n> {{ include.text }}');
    const tree = buildContentTree([
      {
        path: 'guide.md',
        text: '---\ntitle: Guide\nversion: 3\n---\nRepo {{ site.repository }}, v{{ page.version }}.\n\n{% include note.md text="Hi" %}\n',
      },
    ]);
    const syntax = await readSyntaxInputs(docs, tree.docs, syntaxPresetOf(SITE_DEFINITIONS.jekyll));
    const desired = buildDesiredState(tree, { syntax });
    const html = Object.fromEntries(desired.articles.map((a) => [a.path, a.html]));
    expect(html['guide.md']).toContain(
      '<p>Repo acme/widgets, v3.</p>\n<blockquote class="callout callout-note">\n<p>Hi</p>',
    );
    expect(desired.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
