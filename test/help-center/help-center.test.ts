import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace } from '../e2e/helpers.js';
import { browserDescribe, launchChromium, OUT, requestsLeaving } from './chromium.js';

// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
const seen = (page: Page, selector: string) => page.locator(selector).first().innerText();

browserDescribe('help-center browser test')('the emulator help center in headless Chromium', () => {
  let browser: Browser;
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let oldInvitePath = '';
  let newInvitePath = '';

  beforeAll(async () => {
    ws = await workspace();
    emu = await emulator();
    const env = envFor(emu);
    const first = await runCli(['apply', ...CLI_FLAGS], { env, cwd: ws.dir });
    expect(first.code, first.stderr).toBe(0);
    oldInvitePath = new URL(managedByKey(emu).get('getting-started/invite-your-team')?.[0]?.url ?? '')
      .pathname;
    // A new slug moves a linked article: a new article, and a redirect from its old address.
    const invite = join(ws.docs, 'getting-started', 'invite-your-team.md');
    await writeFile(
      invite,
      (await readFile(invite, 'utf8')).replace(
        'title: Invite your team',
        'title: Invite your team\nslug: invite-people',
      ),
    );
    const second = await runCli(['apply', ...CLI_FLAGS], { env, cwd: ws.dir });
    expect(second.code, second.stderr + second.stdout).toBe(0);
    const moved = managedByKey(emu).get('getting-started/invite-your-team')?.[0];
    newInvitePath = new URL(moved?.url ?? '').pathname;
    expect(newInvitePath).not.toBe(oldInvitePath);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  it('is browsed, searched and switched to French without leaving the local server', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const outside = requestsLeaving(context, emu.url);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const shot = (name: string) =>
      page.screenshot({ path: join(OUT, `help-center-${name}.png`), fullPage: true });

    // Home: the emulator's root opens the only knowledge base's help center.
    await page.goto(`${emu.url}/`);
    expect(new URL(page.url()).pathname).toBe('/_site/help-center/');
    expect(await seen(page, 'main h1')).toBe('Acme Help Center');
    const cards = page.locator('.cards .card h2');
    expect(await cards.allInnerTexts()).toEqual(
      expect.arrayContaining(['Account and billing', 'Getting started', 'Guides', 'Troubleshooting']),
    );
    expect(await page.locator('script').count()).toBe(0);
    await shot('home');

    // Into a collection, then an article.
    await page.locator('.cards a', { hasText: 'Getting started' }).click();
    expect(await seen(page, 'main h1')).toBe('Getting started');
    await shot('collection');
    await page.locator('main .article-list a', { hasText: 'Welcome to Acme Cloud' }).click();
    expect(await seen(page, 'main h1')).toBe('Welcome to Acme Cloud');
    expect(await seen(page, '.breadcrumbs')).toContain('Getting started');
    expect(await seen(page, '.meta')).toMatch(/^Updated \w+ \d{1,2}, \d{4}/);
    expect(await seen(page, '.sidebar a[aria-current="page"]')).toBe('Welcome to Acme Cloud');
    // Images are the uploaded files, served by this server.
    const image = page.locator('.article-body img').first();
    expect(
      await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await shot('article');

    // A link to another article stays on the local site; the moved one's link follows it.
    const inviteLink = page.locator('.article-body a', { hasText: 'Invite your team' });
    expect(new URL((await inviteLink.getAttribute('href')) ?? '', emu.url).pathname).toBe(
      `/_site/help-center${newInvitePath}`,
    );
    await page.locator('.article-body a', { hasText: 'Create your workspace' }).first().click();
    expect(await seen(page, 'main h1')).toBe('Create your workspace');
    expect(page.url().startsWith(`${emu.url}/_site/help-center/articles/`)).toBe(true);

    // The old address of the moved article lands on its new page.
    await page.goto(`${emu.url}/_site/help-center${oldInvitePath}`);
    expect(new URL(page.url()).pathname).toBe(`/_site/help-center${newInvitePath}`);
    expect(await seen(page, 'main h1')).toBe('Invite your team');
    expect(await seen(page, '.breadcrumbs')).toContain('Getting started');
    await shot('moved');

    // The language switch opens the French translation.
    await page.goBack();
    await page.goto(`${emu.url}/_site/help-center/`);
    await page.locator('.cards a', { hasText: 'Getting started' }).click();
    await page.locator('main .article-list a', { hasText: 'Welcome to Acme Cloud' }).click();
    await page.locator('.languages a', { hasText: 'Français' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await seen(page, 'main h1')).toBe('Bienvenue dans Acme Cloud');
    expect(await seen(page, '.languages [aria-current]')).toBe('Français');
    // The words around the article are French too: the search box, the date line.
    expect(await seen(page, '.search button')).toBe('Rechercher');
    expect(await seen(page, '.meta')).toMatch(/^Mis à jour le \d{1,2} \p{L}+ \d{4}/u);
    const calloutHeading = await page
      .locator('.article-body blockquote.callout-tip')
      .first()
      .evaluate((el) => {
        type Styles = { getComputedStyle(e: unknown, pseudo: string): { content: string } };
        return (globalThis as unknown as Styles).getComputedStyle(el, '::before').content;
      });
    expect(calloutHeading).toBe('"Astuce"');
    await shot('french');

    // Search for a word.
    await page.goto(`${emu.url}/_site/help-center/`);
    await page.locator('.search input[name="q"]').fill('webhook');
    await page.locator('.search button').click();
    const results = page.locator('.results .result > a');
    expect(await results.allInnerTexts()).toContain('Webhooks');
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    await shot('search');
    await results.filter({ hasText: 'Webhooks' }).first().click();
    expect(await seen(page, 'main h1')).toBe('Webhooks');

    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs no script from stored HTML (CSP), and shows the state as a page', async () => {
    const kb = emu.kb();
    const author = emu.snapshot().users[0]?.id;
    const res = await fetch(`${emu.url}/knowledge-bases/${kb.id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Hostile',
        author_user_id: author,
        is_published: true,
        body_html:
          '<p>Hostile body</p><script>alert("inline")</script><img src="/nothing.png" onerror="alert(\'handler\')">' +
          '<a href="javascript:alert(\'link\')">click</a>',
      }),
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { url: string } };
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${emu.url}/_site/help-center${new URL(data.url).pathname}`);
    expect(await seen(page, '.article-body')).toContain('Hostile body');
    // The stored script and handler are on the page, and do not run.
    expect(await page.locator('.article-body script').count()).toBe(1);
    expect(await page.locator('.article-body img[onerror]').count()).toBe(1);
    await page.locator('.article-body a', { hasText: 'click' }).click();
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);

    await page.goto(`${emu.url}/_emulator/`);
    expect(await seen(page, 'main h1')).toContain('Pylon emulator');
    expect(await page.locator('#redirects + .table-scroll tbody tr').count()).toBeGreaterThan(0);
    expect(await seen(page, '#redirects + .table-scroll')).toContain(oldInvitePath);
    await page.screenshot({ path: join(OUT, 'help-center-admin.png') });
    await context.close();
  });
});
