import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, managedByKey, runCli } from './helpers.js';

/**
 * A site's own templates publish what its readers see: a Jekyll include with Liquid logic reading
 * `site.data`, and a Hugo shortcode of the repository (with a partial and a link to another page).
 * Each tree is published with no pylon-kb config into the emulator over HTTP.
 */
const FLAGS = ['--kb', 'help-center', '--author', 'ada@acme.test', '--rate-limits', 'off'];

const JEKYLL: Record<string, string> = {
  '_config.yml': 'title: Lantern Docs\nsupport_email: help@lantern.test\n',
  '_data/releases.yml': '- version: "3.2"\n  notes: Faster search\n- version: "3.1"\n  notes: Dark theme\n',
  '_includes/release-table.html':
    '{% assign shown = include.limit | default: 10 %}<table>\n<tr><th>Version</th><th>Notes</th></tr>\n{% for r in site.data.releases limit: shown %}<tr><td>{{ r.version }}</td><td>{{ r.notes | upcase }}</td></tr>\n{% endfor %}</table>\n{% if include.contact %}<p>Write to {{ site.support_email }}.</p>{% endif %}\n',
  'index.md': '---\ntitle: Welcome\n---\nStart with the [releases](releases.md).\n',
  'releases.md':
    '---\ntitle: Releases\n---\nThe latest releases of {{ site.title }}:\n\n{% include release-table.html limit=1 contact=true %}\n',
};

const HUGO: Record<string, string> = {
  'hugo.toml':
    'baseURL = "https://docs.lantern.test/"\ntitle = "Lantern Docs"\n\n[params]\nproduct = "Lantern"\n',
  'layouts/shortcodes/since.html':
    '{{- $v := .Get "version" -}}\n<div class="since">\n  {{ partial "label.html" (dict "text" (printf "%s %s" .Site.Params.product $v)) }}\n  {{ with .Inner }}{{ . | markdownify }}{{ end }}\n</div>\n',
  'layouts/partials/label.html': '<p><strong>Since {{ .text }}</strong></p>',
  'layouts/shortcodes/see.html': '<a href="{{ relref . (.Get 0) }}">{{ .Get 1 | default "the guide" }}</a>',
  'content/_index.md': '---\ntitle: Home\n---\nWelcome.\n',
  'content/docs/search.md':
    '---\ntitle: Search\nowner: Ada\n---\n{{< since version="3.2" >}}\nSearch is *instant* now.\n{{< /since >}}\n\nRead {{< see "install.md" "the install guide" >}} first.\n',
  'content/docs/install.md': '---\ntitle: Install\n---\nRun the installer.\n',
};

async function writeTree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-templates-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Publishes a tree into a fresh emulator; the article HTML by document key. */
function published(files: Record<string, string>, contentDir: string) {
  const state: { emu?: RunningEmulator; dir?: string } = {};
  beforeAll(async () => {
    state.emu = await emulator();
    state.dir = await writeTree(files);
    const applied = await runCli(['apply', '--content-dir', contentDir, ...FLAGS], {
      env: envFor(state.emu),
      cwd: state.dir,
    });
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
  });
  afterAll(async () => {
    await state.emu?.close();
    if (state.dir) await rm(state.dir, { recursive: true, force: true });
  });
  return (key: string) => managedByKey(state.emu!).get(key)?.[0];
}

describe("a Jekyll site's include with Liquid logic", () => {
  const article = published(JEKYLL, '.');

  it('publishes the include as its Liquid renders it, with site.data and the include parameters', () => {
    const page = article('releases')?.draft_html ?? '';
    expect(page).toContain('The latest releases of Lantern Docs:');
    expect(page).toMatch(/<td>3\.2<\/td>\s*<td>FASTER SEARCH<\/td>/);
    // `limit: 1` from the include's parameter: the older release is not listed.
    expect(page).not.toContain('3.1');
    expect(page).toContain('Write to help@lantern.test.');
    expect(page).not.toMatch(/\{%|\{\{/);
  });
});

describe("a Hugo site's own shortcode", () => {
  const article = published(HUGO, 'content');

  it('publishes the shortcode from its template, with its partial, site params and a link to the page', () => {
    const page = article('docs/search')?.draft_html ?? '';
    const install = article('docs/install');
    expect(page).toContain('<strong>Since Lantern 3.2</strong>');
    expect(page).toContain('Search is <em>instant</em> now.');
    expect(install).toBeDefined();
    expect(page).toContain(`href="${install?.url}"`);
    expect(page).toMatch(/>the install guide<\/a>/);
    expect(page).not.toMatch(/\{\{[<%]/);
  });
});
