import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeHtml, type RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, startTestEmulator } from './helpers.js';

describe('HTML normaliser', () => {
  it('removes script and style elements with their content, event handlers and javascript: URLs', () => {
    const out = normalizeHtml(
      '<p onclick="evil()">Hi<script>alert(1)</script></p><style>p{color:red}</style><a href="javascript:alert(1)">x</a>',
    );
    expect(out).toBe('<p>Hi</p><a>x</a>');
  });

  it('drops unknown tags but keeps their text, and keeps class, id and data-* on allowed elements', () => {
    const out = normalizeHtml(
      '<custom-box data-x="1"><p class="note" data-pylon-kb="key:abc" id="intro">Text</p></custom-box>',
    );
    expect(out).toBe('<p class="note" data-pylon-kb="key:abc" id="intro">Text</p>');
  });

  it('re-serialises: attribute order, whitespace between blocks, character references, void tags', () => {
    const input =
      '<ul>\n  <li>One &amp; two</li>\n  <li>Three</li>\n</ul>\n<p>a   b &#39;c&#39;<br/></p>\n<img alt="x" src="https://e.test/a.png">';
    const out = normalizeHtml(input);
    expect(out).toBe(
      `<ul><li>One &#x26; two</li><li>Three</li></ul><p>a b 'c'<br></p><img alt="x" src="https://e.test/a.png">`,
    );
    expect(out).not.toBe(input);
    expect(normalizeHtml('<a title="t" href="https://e.test" class="c">l</a>')).toBe(
      '<a class="c" href="https://e.test" title="t">l</a>',
    );
  });

  it('preserves whitespace inside pre and code, and keeps tables, details and iframes', () => {
    const input =
      '<pre><code class="language-sh">npm  i\n  x</code></pre><details><summary>More</summary><p>Body</p></details>' +
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>' +
      '<iframe height="315" src="https://www.youtube.com/embed/x" width="560"></iframe>';
    expect(normalizeHtml(input)).toBe(input);
  });

  it('is idempotent', () => {
    const once = normalizeHtml(
      '<div>\n <p b="1" a="2" data-z="z" class="k">x &lt; y</p>\n</div><unknown>t</unknown>',
    );
    expect(normalizeHtml(once)).toBe(once);
  });
});

describe('emulator with htmlNormalizer', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let author: string;

  beforeAll(async () => {
    const started = await startTestEmulator({ htmlNormalizer: true });
    ({ emu, api, author } = started);
    kb = started.kb.id;
  });
  afterAll(() => emu.close());

  it('stores article and translation HTML normalised on create and update, keeping data-* markers', async () => {
    const body = '<p  data-pylon-kb="k1" class="intro">Hello<script>x()</script></p>\n<p>World</p>';
    const a = await createArticle(api, kb, {
      title: 'Normalised',
      body_html: body,
      author_user_id: author,
      is_published: true,
      translations: [
        { language: 'fr', title: 'Normalisé', body_html: '<p>Bonjour <b onmouseover="x">!</b></p>' },
      ],
    });
    expect(a.current_draft_content_html).toBe('<p class="intro" data-pylon-kb="k1">Hello</p><p>World</p>');
    expect(a.current_published_content_html).toBe(a.current_draft_content_html);
    const fr = await api.get(`/knowledge-bases/${kb}/articles/${a.id}`, { query: { language: 'fr' } });
    expect(fr.body.data.current_draft_content_html).toBe('<p>Bonjour <b>!</b></p>');
    const updated = await api.patch(`/knowledge-bases/${kb}/articles/${a.id}`, {
      body_html: '<h2 id="x" style="color:red">T</h2>',
    });
    expect(updated.body.data.current_draft_content_html).toBe('<h2 id="x">T</h2>');
  });

  it('stores HTML verbatim when the normaliser is off (the default)', async () => {
    emu.setOptions({ htmlNormalizer: false });
    const body = '<p  data-x="1"   class="c">verbatim<script>x()</script></p>\n';
    const a = await createArticle(api, kb, { title: 'Verbatim', body_html: body, author_user_id: author });
    expect(a.current_draft_content_html).toBe(body);
  });
});
