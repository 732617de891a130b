import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textDigest, textDigestOfText } from '../../src/identity/text-digest.js';
import { type RenderOptions, renderMarkdown } from '../../src/markdown/index.js';
import { SITE_DEFINITIONS, type SiteName, syntaxPresetOf } from '../../src/sites/index.js';

/**
 * Every folder under fixtures/ holds `input.md`, the hand-checked `expected.html` and, optionally,
 * `options.json` (RenderOptions). The `site-*` fixtures hold site-generator syntax, written from each
 * generator's documentation. The expected files end with one newline; the rendered HTML does not.
 * fixtures/biome.json keeps Biome from reformatting the inputs (it formats Markdown and would rewrite
 * `*em*` as `_em_`, changing what is tested).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');

/**
 * `options.json` holds RenderOptions; its `includes` is an object of included files' texts by path, and
 * its `site` names the generator whose syntax preset the page is rendered with, and its `templates` holds
 * objects of the site's shortcode and partial templates (and files) by name.
 */
function readOptions(dir: string): RenderOptions {
  const path = join(dir, 'options.json');
  if (!existsSync(path)) return {};
  const { includes, templates, site, ...options } = JSON.parse(readFileSync(path, 'utf8')) as Omit<
    RenderOptions,
    'templates'
  > & {
    includes?: Record<string, string>;
    templates?: Record<'shortcodes' | 'partials' | 'files', Record<string, string> | undefined>;
    site?: SiteName;
  };
  return {
    ...options,
    ...(site && { syntax: syntaxPresetOf(SITE_DEFINITIONS[site]) }),
    ...(includes && {
      includes: new Map(Object.entries(includes).map(([file, text]) => [file, { text }])),
    }),
    ...(templates && {
      templates: {
        shortcodes: new Map(Object.entries(templates.shortcodes ?? {})),
        partials: new Map(Object.entries(templates.partials ?? {})),
        files: new Map(Object.entries(templates.files ?? {})),
      },
    }),
  };
}

describe('Markdown fixtures', () => {
  const names = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('has a fixture for every construct', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const input = readFileSync(join(dir, 'input.md'), 'utf8');
    const expected = readFileSync(join(dir, 'expected.html'), 'utf8');
    const { html, text } = renderMarkdown(input, readOptions(dir));
    expect(`${html}\n`).toBe(expected);
    // The text digest made from the rendered tree is the one a later parse of the HTML gives (markers,
    // drift checks): the renderer never has to parse its own output.
    // Only a page with an iframe has to be parsed for it.
    expect(text !== undefined || html.includes('<iframe')).toBe(true);
    if (text !== undefined) expect(textDigestOfText(text)).toBe(textDigest(html));
    // The content core's compact text: the same characters without any whitespace.
    const compact = renderMarkdown(input, { ...readOptions(dir), compactText: true });
    expect(compact.html).toBe(html);
    expect(compact.text).toBe(text?.replace(/\s+/g, ''));
  });
});
