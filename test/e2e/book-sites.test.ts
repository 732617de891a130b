import { describe, expect, it } from 'vitest';
import { fixtureSiteCopy, SITE_FLAGS } from './fixture-site.js';
import { managedByKey, writeCount } from './helpers.js';

/**
 * An mdBook and a Sphinx (MyST) tree, written from the generators' documentation, published with NO
 * pylon-kb config into the emulator over HTTP: detection, the pages the site builds, redirects from the
 * site's config, and each construct as readers see it.
 */
interface BookCase {
  name: string;
  contentDir: string;
  label: string;
  pages: string[];
  notPublished: string[];
  redirects: string[];
  /** Per page key: text the published HTML holds, and text it must not. */
  shows: Record<string, { has: (string | RegExp)[]; hasNot?: (string | RegExp)[] }>;
}

const CASES: BookCase[] = [
  {
    name: 'mdbook',
    contentDir: 'src',
    label: 'mdBook',
    pages: ['README', 'guide/README', 'guide/install', 'guide/config'],
    notPublished: ['notes', 'SUMMARY'],
    redirects: ['/setup', '/guide/old-config'],
    shows: {
      'guide/install': {
        has: [
          '<code class="language-rust">fn main() {\n    let brightness = 7;',
          // Lines 2 to 3 of the file as written (its anchor lines count).
          '<code class="language-rust">fn main() {\n    let brightness = 7;\n</code>',
          'let lamp = "on";',
          'Filename: src/main.rs',
          '<em>Listing 1-1: Starting the lamp</em>',
        ],
        hasNot: ['{{#include', 'ANCHOR', 'fn setup', '&#x3C;Listing', 'rust,editable'],
      },
    },
  },
  {
    name: 'sphinx',
    contentDir: 'docs',
    label: 'Sphinx (MyST)',
    pages: ['index', 'howto/index', 'howto/deploy/cloud', 'howto/deploy/local', 'topic/environments'],
    notPublished: [],
    redirects: ['/install'],
    shows: {
      'howto/deploy/cloud': {
        has: [
          /<blockquote class="callout callout-note">\s*<p>You need an account first\. See <a href="[^"]*\/articles\/[^"]+">local<\/a>/,
          /<div class="tabs">\s*<details class="tab" open>\s*<summary>AWS<\/summary>/,
          '<code>beacon.agent.Agent</code>',
          /<a href="[^"]*\/articles\/[^"#]+#agent-env">agent environment<\/a>/,
          'Shared text about <strong>Beacon</strong> agents.',
          /<img src="[^"]+_assets[^"]+"[^>]* alt="The dashboard">/,
        ],
        hasNot: ['{note}', ':::', '{py:class}', '{image}', '{include}', '{toctree}'],
      },
      'howto/index': { has: [], hasNot: ['toctree', 'deploy/cloud'] },
      'howto/deploy/local': {
        has: [/<a href="[^"]*\/articles\/[^"#]+#agent-env">the environments<\/a>/, 'callout-warning'],
      },
    },
  },
];

describe.each(CASES)('a $label book publishes with no pylon-kb config', (site) => {
  const published = fixtureSiteCopy(site);
  const { run } = published;

  it('check detects the generator from its own files, with no errors', async () => {
    const checked = await run('check', ['--json', '--author', 'ada@acme.test']);
    const report = JSON.parse(checked.stdout) as { errors: number; site?: { label: string } };
    expect(report.site?.label).toBe(site.label);
    expect(report.errors, checked.stdout).toBe(0);
  });

  it('apply publishes the pages the site builds, its redirects, and each construct as readers see it', async () => {
    const applied = await run('apply', SITE_FLAGS);
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    const managed = managedByKey(published.emu);
    for (const page of site.pages) expect(managed.get(page), page).toHaveLength(1);
    for (const page of site.notPublished) expect(managed.get(page), page).toBeUndefined();
    const state = published.emu.snapshot();
    const redirects = state.route_redirects.map((r) => r.from_path);
    for (const from of site.redirects) expect(redirects, from).toContain(from);
    for (const [key, { has, hasNot = [] }] of Object.entries(site.shows)) {
      const html = managed.get(key)?.[0]?.draft_html ?? '';
      for (const wanted of has) expect(html, `${key}: ${wanted}`).toMatch(wanted);
      for (const unwanted of hasNot) expect(html, `${key}: ${unwanted}`).not.toContain(unwanted);
    }
  });

  it('a second apply writes nothing', async () => {
    const before = writeCount(published.emu);
    const again = await run('apply', SITE_FLAGS);
    expect(again.code, again.stderr).toBe(0);
    expect(writeCount(published.emu)).toBe(before);
  });
});
