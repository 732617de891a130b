import type { Root, Table } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { githubSummary, renderPlanMarkdown } from '../../src/report/index.js';
import { createArticle, emptyPlan, fullPlan, HOSTILE_TITLE, largePlan, updateArticle } from './fixtures.js';

const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);

/** Markdown → HTML the way a permissive renderer would: raw HTML passed through untouched. */
const toHtml = (md: string): string =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(md),
  );

function tables(tree: Root): Table[] {
  const found: Table[] = [];
  visit(tree, 'table', (node) => {
    found.push(node);
  });
  return found;
}

describe('renderPlanMarkdown', () => {
  const md = renderPlanMarkdown(fullPlan());
  const tree = parse(md);

  it('has a heading, what changes, and a table of the kinds present (no zeros)', () => {
    expect(md.startsWith('## pylon-kb plan: Acme Help Center\n')).toBe(true);
    expect(md).toContain(
      '**Plan: 2 collections to create, 2 articles to create, 2 to update, 1 to move, 3 redirects to add, 1 to retire.',
    );
    expect(md).toContain('| Articles to update | 2 |');
    expect(md).not.toMatch(/\| 0 \|/);
    expect(md).toContain('| Unchanged | 12 |');
  });

  it('keeps every table row to its column count, hostile title included', () => {
    const all = tables(tree);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const table of all) {
      const width = table.children[0]?.children.length;
      for (const row of table.children) expect(row.children.length).toBe(width);
    }
    const creates = all.find((t) => JSON.stringify(t).includes('guides/advanced/hostile.md'));
    const row = creates?.children.find((r) => JSON.stringify(r).includes('hostile.md'));
    const titleCell = row?.children[1];
    const text: string[] = [];
    visit(titleCell!, 'text', (n) => {
      text.push(n.value);
    });
    expect(text.join('')).toBe('Tabs | "quotes" <script>alert(1)</script> `code` ``` fence second line');
  });

  it('lets no user-controlled HTML through', () => {
    const html = toHtml(md);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    const raw: string[] = [];
    visit(tree, 'html', (n) => {
      raw.push(n.value);
    });
    for (const value of raw) expect(value).toMatch(/^(<details><summary>[^<]*<\/summary>|<\/details>)$/);
    expect(md).not.toContain(HOSTILE_TITLE);
  });

  it('shows each changed body as a collapsible diff with + and - lines', () => {
    expect(md).toContain('<details><summary>Body diff: admin/sso.md (+2 −1 lines)</summary>\n\n````diff\n');
    const blocks: { lang: string | null | undefined; value: string }[] = [];
    visit(tree, 'code', (n) => {
      blocks.push({ lang: n.lang, value: n.value });
    });
    const sso = blocks.find((b) => b.value.includes('Choose SAML'));
    expect(sso?.lang).toBe('diff');
    expect(sso?.value.split('\n')).toEqual(
      expect.arrayContaining([
        '- Choose SAML and paste the metadata URL.',
        '+ Choose SAML or OIDC and paste the metadata URL from your identity provider.',
        '  ```sh',
      ]),
    );
  });

  it('lists moves with their redirects, and orphans, drift and diagnostics', () => {
    expect(md).toContain(
      '`admin/billing.md` moves from `guides/billing` ([old article](https://help.acme.test/articles/1000000007-billing)) to `admin/billing-and-invoices` (collection changed)',
    );
    expect(md).toContain('| `/articles/1000000007-billing` | `admin/billing.md` |');
    expect(md).toContain('### Orphaned articles, reported only (1)');
    expect(md).toContain('### Drift: articles edited in Pylon (1)');
    expect(md).toContain('- ❌ **error** `guides/install.md:3:9` `author/unknown`');
  });

  it('says there is nothing to do for an empty plan', () => {
    const empty = renderPlanMarkdown(emptyPlan());
    expect(empty).toContain('**No changes. The knowledge base matches the docs tree.**');
    expect(empty).not.toContain('| Operation |');
  });

  it('heads a plan of notices only (orphans left) with a sentence, not an empty list', () => {
    const orphans = fullPlan().operations.filter((op) => op.kind === 'orphan');
    const out = renderPlanMarkdown({
      ...emptyPlan(),
      summary: { unchanged: 14, orphan: 1 },
      operations: orphans,
    });
    expect(out).toContain('**Plan: nothing to write. 14 unchanged. Reported: 1 orphaned article.**');
  });

  it('fences a diff longer than any backtick run in the body', () => {
    const op = updateArticle({ changes: ['body'], bodyHtml: '<pre><code>`````\nfive\n</code></pre>' });
    const out = renderPlanMarkdown({ ...emptyPlan(), operations: [op] });
    expect(out).toContain('\n``````diff\n');
    const codes: string[] = [];
    visit(parse(out), 'code', (n) => {
      codes.push(n.value);
    });
    expect(codes[0]).toContain('+ `````');
  });

  it('is an alias for the job summary', () => {
    expect(githubSummary(fullPlan(), { maxBytes: 5000 })).toBe(
      renderPlanMarkdown(fullPlan(), { maxBytes: 5000 }),
    );
  });
});

describe('renderPlanMarkdown size cap', () => {
  it('keeps 500 changed articles under 1 MiB and says what was cut', () => {
    const plan = largePlan(500);
    const md = renderPlanMarkdown(plan);
    const bytes = Buffer.byteLength(md);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(bytes).toBeLessThanOrEqual(1_000_000);
    const shown = md.match(/^#### Bulk article \d+$/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(500);
    const notice = md.trimEnd().split('\n').at(-1);
    expect(notice).toBe(
      `… ${500 - shown} more operations not shown (report capped at 1 MB); see the JSON plan artifact.`,
    );
    // The cut falls between entries: the last shown diff is closed.
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('honours a small maxBytes and also counts diagnostics left out', () => {
    const plan = {
      ...largePlan(20),
      diagnostics: Array.from({ length: 200 }, (_, i) => ({
        severity: 'warning' as const,
        code: 'link/broken',
        message: `Broken link number ${i} in a long message that takes some room.`,
        file: `bulk/article-${i}.md`,
        line: i + 1,
      })),
    };
    const md = renderPlanMarkdown(plan, { maxBytes: 8000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(8000);
    expect(md).toMatch(/… 20 more operations and \d+ diagnostics not shown \(report capped at 8 KB\)/);
  });

  it('says nothing about a cap when everything fits', () => {
    expect(renderPlanMarkdown(fullPlan())).not.toContain('not shown');
  });

  it('cuts a huge single diff to maxDiffLines', () => {
    const many = (tag: string): string => Array.from({ length: 50 }, (_, i) => `<p>${tag} ${i}</p>`).join('');
    const op = updateArticle({
      changes: ['body'],
      bodyHtml: many('new'),
      before: { ...updateArticle().before, bodyHtml: many('old') },
    });
    const md = renderPlanMarkdown(
      { ...emptyPlan(), operations: [op, createArticle()] },
      { maxDiffLines: 10 },
    );
    expect(md).toContain('… 91 more diff lines (see the HTML or text report)');
    expect(md).toContain('guides/install.md');
  });
});
