import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, runCli, workspace } from './helpers.js';
import { createArticleInPylon, createCollectionInPylon, uploadToPylon } from './pull-helpers.js';

const FLAGS = ['--kb', 'help-center', '--rate-limits', 'off', '--collection', 'imported'];

/** Every URL a Markdown reader (and the raw HTML in it) would follow, as the file's parser reads it. */
function urlsIn(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const urls: string[] = [];
  visit(tree, (node) => {
    if ('url' in node && typeof node.url === 'string') urls.push(node.url);
    if (node.type === 'html') {
      visit(fromHtml(node.value, { fragment: true }), 'element', (el) => {
        for (const value of Object.values(el.properties)) if (typeof value === 'string') urls.push(value);
      });
    }
  });
  return urls;
}

/** The scheme a browser gives a URL (WHATWG parsing), for absolute URLs. */
const schemeOf = (url: string): string | null => {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
};

describe('pull writes inert Markdown', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let collection: string;
  const pull = (...args: string[]) =>
    runCli(['pull', 'out', ...FLAGS, ...args], { cwd: ws.dir, env: envFor(emu) });
  const read = (path: string) => readFile(join(ws.dir, 'out', 'imported', path), 'utf8');

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    collection = await createCollectionInPylon(emu, 'Imported', 'imported');
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('keeps no javascript:, data: or vbscript: link or image, however written; their text stays', async () => {
    await createArticleInPylon(emu, {
      title: 'Hostile links',
      slug: 'hostile-links',
      collection_id: collection,
      body_html: [
        '<p><a href="javascript:alert(1)">plain</a>',
        '<a href="JaVaScRiPt:alert(2)">mixed case</a>',
        '<a href="&#x6A;avascript&#x3A;alert(3)">entities</a>',
        '<a href=" &#9;java&#x0A;scr&#x09;ipt:alert(4)">whitespace</a>',
        '<a href="&#1;javascript:alert(5)">control</a>',
        '<a href="vbscript:msgbox(6)">vb</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">data page</a>',
        '<a href="javascript&amp;#58;alert(8)">escaped reference</a>',
        '<a href="https://example.com/ok">safe</a></p>',
        '<p><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="data picture">',
        '<img src="  JAVASCRIPT:alert(7)" alt="script picture"></p>',
        '<table><tr><td><ul><li><a href="javascript:alert(9)">in raw html</a></li></ul></td></tr></table>',
        '<p>[as text](javascript:alert(10)) &lt;javascript:alert(11)&gt;</p>',
        '<p>[ref]</p><p>[ref]: javascript:alert(12)</p>',
      ].join('\n'),
    });
    const run = await pull();
    expect(run.code).toBe(0);
    const file = await read('hostile-links.md');
    const body = file.slice(file.indexOf('\n---\n') + 5);
    const unsafe = urlsIn(body).filter((url) =>
      ['javascript:', 'data:', 'vbscript:'].includes(schemeOf(url) ?? ''),
    );
    expect(unsafe).toEqual([]);
    // Text that looks like a link stays text (escaped), read back as text by any Markdown parser.
    expect(body).toContain('\\[as text]\\(javascript:alert(10))');
    expect(body).toContain('\\[ref]: javascript:alert(12)');
    const otherLines = body.split('\n').filter((line) => !/alert\(1[0-2]\)/.test(line));
    expect(otherLines.join('\n')).not.toMatch(/javascript:|vbscript:|data:/i);
    for (const text of [
      'plain',
      'mixed case',
      'entities',
      'whitespace',
      'control',
      'vb',
      'data page',
      'data picture',
      'script picture',
      'in raw html',
    ]) {
      expect(body).toContain(text);
    }
    expect(body).toContain('[safe](https://example.com/ok)');
    const warnings = run.stderr.split('\n').filter((l) => l.includes('[pull/unsafe-url]'));
    expect(warnings).toHaveLength(10);
    for (const line of warnings) {
      expect(line).toContain('imported/hostile-links.md:');
      expect(line).toContain('(article "Hostile links"');
    }
    expect(run.stderr).toContain('A link "plain" pointing at a javascript: URL');
    expect(run.stderr).toContain('An image "data picture" pointing at a data: URL');
  });

  it('an unparseable <base href> is a warning; the links stay as written and the pull completes', async () => {
    await createArticleInPylon(emu, {
      title: 'Odd base',
      slug: 'odd-base',
      collection_id: collection,
      body_html: '<base href="http://[::1"><p>See <a href="setup">the setup page</a>.</p>',
    });
    await createArticleInPylon(emu, {
      title: 'Good base',
      slug: 'good-base',
      collection_id: collection,
      body_html: '<base href="https://docs.example.com/guide/"><p>See <a href="setup">setup</a>.</p>',
    });
    const run = await pull();
    expect(run.stderr).not.toContain('Invalid URL');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning [pull/invalid-base] imported/odd-base.md: The article\'s <base href="http://[::1"> is not an absolute http(s) URL',
    );
    expect(await read('odd-base.md')).toContain('See [the setup page](setup).');
    expect(await read('good-base.md')).toContain('See [setup](https://docs.example.com/guide/setup).');
  });

  it("never writes a downloaded file under a document's name: renamed, its links follow, a warning", async () => {
    const notes = await uploadToPylon(
      emu,
      'notes.md',
      '---\ntitle: Injected\n---\n\nNot an article.\n',
      'text/markdown',
    );
    const page = await uploadToPylon(emu, 'page.MDX', '# Also not an article\n', 'text/plain');
    await createArticleInPylon(emu, {
      title: 'Release notes',
      slug: 'release-notes',
      collection_id: collection,
      body_html: `<p>Read <a href="${notes}">the notes</a> and <a href="${page}">the page</a>.</p>`,
    });
    const run = await pull();
    expect(run.code).toBe(0);
    const names = (await readdir(join(ws.dir, 'out', 'imported'))).sort();
    expect(names).toEqual([
      '_index.md',
      expect.stringMatching(/^notes-[0-9a-f]{8}\.md\.txt$/),
      expect.stringMatching(/^page-[0-9a-f]{8}\.mdx\.txt$/),
      'release-notes.md',
    ]);
    const article = await read('release-notes.md');
    expect(article).toContain(`[the notes](./${names[1]})`);
    expect(article).toContain(`[the page](./${names[2]})`);
    expect(await read(names[1] as string)).toContain('title: Injected');
    expect(run.stderr).toMatch(
      /warning \[pull\/document-name\] imported\/release-notes\.md: A file this article uses would be named imported\/notes-[0-9a-f]{8}\.md, which the next apply would read as a document; it is written as imported\/notes-[0-9a-f]{8}\.md\.txt/,
    );

    // The next plan reads the two articles of the tree and nothing else: no document made of a download.
    const plan = await runCli(
      [
        'plan',
        '--content-dir',
        'out',
        '--json',
        '--kb',
        'help-center',
        '--rate-limits',
        'off',
        '--author',
        'ada@acme.test',
      ],
      { cwd: ws.dir, env: envFor(emu) },
    );
    const operations = (JSON.parse(plan.stdout) as { operations: Array<{ kind: string; path?: string }> })
      .operations;
    expect(operations.filter((o) => o.kind === 'create-article')).toEqual([]);
  });
});
