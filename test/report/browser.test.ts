import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderPlanHtml } from '../../src/report/index.js';
import { browserDescribe, launchChromium, OUT } from '../help-center/chromium.js';
import { fullPlan } from './fixtures.js';

/** The text as laid out on screen (what a reviewer reads), not the raw DOM text. */
// biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point of a browser test.
const seen = (locator: Locator): Promise<string> => locator.innerText();

/** The page's `getComputedStyle`, typed without the DOM lib (tsconfig has none). */
type Win = { getComputedStyle(el: unknown): { backgroundColor: string } };

const REPORT = join(OUT, 'report.html');
const SCREENSHOT = join(OUT, 'plan-report.png');

browserDescribe('report browser test')('HTML plan report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(REPORT, renderPlanHtml(fullPlan(), { generatedAt: '2026-11-27 10:00 UTC' }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is self-contained and shows what a reviewer needs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const reportUrl = pathToFileURL(REPORT).href;
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Record every request; let only the report itself through, block anything else.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url === reportUrl) await route.continue();
      else await route.abort('blockedbyclient');
    });
    page.on('request', (request) => {
      if (!requests.includes(request.url())) requests.push(request.url());
    });

    await page.goto(reportUrl, { waitUntil: 'load' });

    expect(requests.filter((url) => url !== reportUrl)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);

    const sso = page.locator('[data-testid="article-change"][data-key="admin/sso.md"]');
    const before = sso.getByTestId('article-before');
    const after = sso.getByTestId('article-after');
    await expect.poll(() => seen(before)).toContain('Choose SAML and paste the metadata URL.');
    await expect.poll(() => seen(after)).toContain('Choose SAML or OIDC and paste the metadata URL');
    expect(await seen(before)).not.toContain('Google Workspace');
    expect(await seen(after)).toContain('Google Workspace');

    const insertion = sso.getByTestId('word-diff').locator('ins', { hasText: 'OIDC' });
    expect(await insertion.isVisible()).toBe(true);
    const insBackground = await insertion.evaluate(
      (el) => (globalThis as unknown as Win).getComputedStyle(el).backgroundColor,
    );
    expect(insBackground).not.toBe('rgba(0, 0, 0, 0)');
    const deletion = page.locator('[data-key="admin/hostile-update.md"] [data-testid="word-diff"] del', {
      hasText: 'Old',
    });
    expect(await deletion.isVisible()).toBe(true);

    const redirect = page.getByTestId('redirect-row').filter({ hasText: '/articles/1000000007-billing' });
    expect(await redirect.isVisible()).toBe(true);
    expect(await seen(redirect)).toContain('Billing and invoices');

    // The hostile title is shown as text, not interpreted.
    const hostile = page.locator('[data-key="admin/hostile-update.md"] h3');
    expect(await seen(hostile)).toContain('<script>alert(1)</script>');
    // Defensive sanitising of the bodies: no handlers, no javascript: links.
    expect(await page.locator('[onclick]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    await context.close();
  });
});
