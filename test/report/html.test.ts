import { describe, expect, it } from 'vitest';
import { renderPlanHtml, sanitizeBodyHtml, wordDiffHtml } from '../../src/report/index.js';
import { createArticle, createCollection, emptyPlan, fullPlan, HOSTILE_TITLE } from './fixtures.js';

describe('renderPlanHtml', () => {
  const html = renderPlanHtml(fullPlan(), { generatedAt: '2026-11-27 10:00 UTC' });

  it('is one self-contained page that can load nothing', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\ssrc="(?!data:)/);
    expect(html).toContain('generated 2026-11-27 10:00 UTC');
  });

  it('escapes every user-controlled string', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(
      'Tabs | &quot;quotes&quot; &lt;script&gt;alert(1)&lt;/script&gt; `code` ``` fence\nsecond line',
    );
    const hostile = renderPlanHtml(fullPlan(), { title: HOSTILE_TITLE });
    expect(hostile).toContain('<title>Tabs | &quot;quotes&quot; &lt;script&gt;');
    expect(hostile).not.toMatch(/<script/i);
  });

  it('sanitises bodies: no handlers, no javascript: links, no scripts', () => {
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:(?!alert\(1\)\)<\/ins>)/); // only as diffed text, never as a link
    expect(html).not.toContain('href="javascript');
    expect(html).toContain(
      '<span class="img-placeholder" title="https://cdn.example.com/x.png">[image: x]</span>',
    );
  });

  it('shows each changed article before and after with highlighted text changes', () => {
    expect(html).toContain('data-testid="article-before"');
    expect(html).toContain('data-testid="article-after"');
    expect(html).toContain('<ins>or OIDC </ins>');
    expect(html).toContain('<ins> from your identity provider</ins>');
    expect(html).toContain('<del>Configure SSO</del></td><td><ins>Configure single sign-on</ins>');
  });

  it('shows the collection tree, redirects, orphans, drift and diagnostics', () => {
    expect(html).toMatch(
      /<strong>Guides<\/strong> <code>guides<\/code><ul><li class="node created"[^>]*><span class="badge create">new collection<\/span> <strong>Advanced<\/strong>/,
    );
    expect(html).toContain('<span class="badge existing">existing collection</span> <strong>admin</strong>');
    expect(html.match(/data-testid="redirect-row"/g)).toHaveLength(3);
    expect(html).toContain(
      '<code>/articles/1000000007-billing</code></td><td>→</td><td>Billing and invoices',
    );
    expect(html).toContain('id="orphans"');
    expect(html).toContain('id="drift"');
    expect(html).toContain('<code>guides/install.md:3:9</code> <code>author/unknown</code>');
  });

  it('nests collections created after a child that referenced them', () => {
    const plan = {
      ...emptyPlan(),
      operations: [
        createArticle({ collectionKey: 'late' }),
        createCollection({ key: 'late', title: 'Late', slug: 'late' }),
      ],
    };
    const page = renderPlanHtml(plan);
    expect(page).toContain('new collection</span> <strong>Late</strong>');
    expect(page).not.toContain('existing collection</span> <strong>late</strong>');
    expect(page).toContain('Install the agent');
  });

  it('renders an empty plan', () => {
    const page = renderPlanHtml(emptyPlan());
    expect(page).toContain('No changes. The knowledge base matches the docs tree.');
    expect(page).toContain('No collections are created');
  });
});

describe('sanitizeBodyHtml', () => {
  it('keeps content and drops anything active or remote', () => {
    const dirty =
      '<p onclick="x()" style="background:url(https://t.test/p)">Hi <a href="javascript:alert(1)">js</a> ' +
      '<a href="https://ok.test/a" target="_blank">ok</a></p><script>alert(1)</script><iframe src="https://t.test"></iframe>' +
      '<img src="https://t.test/i.png" alt="pic"><img src="data:image/png;base64,AAAA" alt="inline">' +
      '<custom-el>kept text</custom-el><svg><script>x</script></svg><form action="/x"><input></form>';
    expect(sanitizeBodyHtml(dirty)).toBe(
      '<p>Hi <a>js</a> <a href="https://ok.test/a" rel="noopener noreferrer nofollow">ok</a></p>' +
        '<span class="img-placeholder" title="https://t.test/i.png">[image: pic]</span>' +
        '<img src="data:image/png;base64,AAAA" alt="inline">kept text',
    );
  });
});

describe('wordDiffHtml', () => {
  it('marks inserted and deleted words, escaped', () => {
    const diff = wordDiffHtml('a <b> c', 'a <x> c d');
    expect(diff.html).toBe('a &lt;<del>b</del><ins>x</ins>&gt; c<ins> d</ins>');
    expect([diff.inserted, diff.deleted]).toEqual([2, 1]);
  });

  it('folds long unchanged stretches', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const after = [...lines];
    after[15] = 'line changed';
    const diff = wordDiffHtml(lines.join('\n'), after.join('\n'));
    expect(diff.html).toContain('<span class="fold">… 12 unchanged lines …</span>');
    expect(diff.html).toContain('line 12\nline 13\nline 14\nline <del>15</del><ins>changed</ins>\nline 16');
  });
});

describe('wordDiffHtml pairing', () => {
  it('compares edited lines pair by pair and whole blocks otherwise', () => {
    expect(wordDiffHtml('a one\nb two', 'a uno\nb dos').html).toBe(
      'a <del>one</del><ins>uno</ins>\nb <del>two</del><ins>dos</ins>',
    );
    expect(wordDiffHtml('keep\ngone', 'keep').html).toBe('keep\n<del>gone</del>');
    expect(wordDiffHtml('', 'new').html).toBe('<ins>new</ins>');
  });
});
