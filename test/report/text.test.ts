import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/report/index.js';
import { emptyPlan, fullPlan, HOSTILE_TITLE, updateArticle } from './fixtures.js';

const ESC = '\u001b';

describe('renderPlanText', () => {
  const plain = renderPlanText(fullPlan(), { color: false });
  const lines = plain.split('\n');

  it('starts with the knowledge base', () => {
    expect(lines[0]).toBe('pylon-kb plan for knowledge base "Acme Help Center" (acme-help, kb_01)');
  });

  it('gives every operation one line with its symbol, key and title', () => {
    const heads = lines
      .filter((l) => /^ {2}\S /.test(l))
      .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '));
    expect(heads).toEqual([
      '+ collection guides',
      '+ collection guides/advanced',
      '+ article guides/install.md',
      '+ article guides/advanced/hostile.md',
      '~ article admin/sso.md',
      '~ article admin/hostile-update.md',
      '→ article admin/billing.md',
      '+ redirects guides/install.md',
      '- article guides/old.md',
      '? orphan guides/gone.md',
      '! drift admin/limits.md',
    ]);
    expect(plain).toContain('~ article    admin/sso.md  "Configure single sign-on"  changed: title, body');
    expect(plain).toContain('title: "Configure SSO" → "Configure single sign-on"');
  });

  it('shows a changed paragraph as - and + lines with context', () => {
    expect(lines).toContain('      - Choose SAML and paste the metadata URL.');
    expect(lines).toContain(
      '      + Choose SAML or OIDC and paste the metadata URL from your identity provider.',
    );
    expect(lines).toContain('      + - Google Workspace');
    expect(lines).toContain('        Open the admin console.');
    expect(lines).toContain('      @@ -1,8 +1,9 @@');
    expect(plain).toContain('body: +2 -1 lines');
  });

  it('shows moves with the old place and URL, the new place and every redirect', () => {
    expect(plain).toContain(
      'guides/billing → admin/billing-and-invoices  (was https://help.acme.test/articles/1000000007-billing)',
    );
    expect(plain).toContain('redirect /articles/1000000007-billing → new article');
    expect(plain).toContain('redirect /articles/legacy-billing → new article');
    expect(plain).toContain('old article art_billing_old will be unlisted');
  });

  it('lists diagnostics with formatDiagnostic and ends with the summary line', () => {
    expect(plain).toContain('Diagnostics (1 error, 1 warning):');
    expect(plain).toContain(
      '  guides/install.md:3:9 error [author/unknown] Unknown author "jane@acme.test". (field: author)',
    );
    expect(plain).toContain('    Did you mean jane.doe@acme.test?');
    expect(lines.at(-2)).toBe(
      'Plan: 2 collections to create, 2 articles to create, 2 to update, 1 to move, 3 redirects to add, ' +
        '1 to retire. 12 unchanged. Reported: 1 orphaned article, 1 article edited in Pylon.',
    );
    expect(plain.endsWith('\n')).toBe(true);
  });

  it('keeps a hostile title on one line and free of control sequences', () => {
    const title = `${HOSTILE_TITLE}\u001b[2J\u0007`;
    const text = renderPlanText({ ...fullPlan(), operations: [updateArticle({ title })] }, { color: false });
    const line = text.split('\n').find((l) => l.includes('admin/sso.md'));
    expect(line).toContain('"Tabs | "quotes" <script>alert(1)</script> `code` ``` fence ⏎ second line');
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
  });

  it('says there is nothing to do for an empty plan', () => {
    expect(renderPlanText(emptyPlan(), { color: false })).toBe(
      'pylon-kb plan for knowledge base "Acme Help Center" (acme-help, kb_01)\n\n' +
        'No changes. The knowledge base matches the docs tree.\n',
    );
  });

  it('colours only when asked', () => {
    expect(plain).not.toContain(ESC);
    const colored = renderPlanText(fullPlan(), { color: true });
    expect(colored).toContain(`${ESC}[32m      + Choose SAML or OIDC`);
    expect(colored).toContain(`${ESC}[31m      - Choose SAML and paste`);
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('cuts operation lines to the width, never the summary nor a diff line (a table row keeps its columns)', () => {
    const narrow = renderPlanText(fullPlan(), { color: true, width: 60 });
    const visible = narrow.replace(/\u001b\[\d+m/g, '').split('\n');
    const long = visible.filter((l) => Array.from(l).length > 60);
    const isDiffLine = (l: string) => /^ {6}[-+ ] /.test(l);
    expect(
      long.every(
        (l) => l.startsWith('Plan:') || l.startsWith('pylon-kb plan') || l.includes('[') || isDiffLine(l),
      ),
    ).toBe(true);
    expect(visible).toContain(
      '      + Choose SAML or OIDC and paste the metadata URL from your identity provider.',
    );
    expect(visible.some((l) => l.endsWith('…') && !isDiffLine(l))).toBe(true);
  });
});
