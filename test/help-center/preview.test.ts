import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI_FLAGS, startCliSession, workspace } from '../e2e/helpers.js';
import { browserDescribe, launchChromium, OUT, requestsLeaving } from './chromium.js';

async function until<T>(probe: () => T | null | undefined, what: () => string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

browserDescribe('preview browser test')('pylon-kb preview in headless Chromium', () => {
  let browser: Browser;
  let ws: Awaited<ReturnType<typeof workspace>>;

  beforeAll(async () => {
    ws = await workspace();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it('opens on the edited document and reloads it on every save, with no token and nothing leaving', async () => {
    const file = join('docs', 'getting-started', 'welcome-to-acme-cloud.md');
    const preview = startCliSession(['preview', file, ...CLI_FLAGS], { cwd: ws.dir });
    const url = await until(
      () => /^Preview: (\S+)$/m.exec(preview.stdout())?.[1],
      () => `the preview URL (stdout: ${preview.stdout()}, stderr: ${preview.stderr()})`,
    );
    // One URL, and no token anywhere in what was printed.
    expect(preview.stdout().match(/https?:\/\/\S+/g)).toEqual([url]);
    expect(preview.stdout()).not.toContain('pylon-emulator-token');
    const origin = new URL(url).origin;

    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const outside = requestsLeaving(context, origin);
    const page = await context.newPage();
    await page.goto(url);
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees.
    expect(await page.locator('main h1').innerText()).toBe('Welcome to Acme Cloud');
    // The only script is the live-reload snippet, allowed by this response's nonce.
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('script[nonce]').count()).toBe(1);
    await page.screenshot({ path: join(OUT, 'preview-before.png') });

    const source = join(ws.dir, file);
    const text = await readFile(source, 'utf8');
    const marker = `Edited while previewing ${Date.now()}`;
    await page.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const savedAt = Date.now();
    await writeFile(
      source,
      text.replace('Acme Cloud is a project-management tool', `${marker}. Acme Cloud is a tool`),
    );
    // No reload, no navigation from the test: the page reloads itself.
    await page.locator('.article-body p', { hasText: marker }).waitFor({ timeout: 10_000 });
    const seenAfterMs = Date.now() - savedAt;
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      undefined,
    );
    await page.screenshot({ path: join(OUT, 'preview-after.png') });
    console.info(`[preview] save → page shows the edit: ${seenAfterMs} ms`);

    // A second save reloads it again.
    await writeFile(source, text.replace('## Where to start', '## Where to begin'));
    await page.locator('.article-body h2', { hasText: 'Where to begin' }).waitFor({ timeout: 10_000 });

    expect(outside).toEqual([]);
    await context.close();
    expect(await preview.stop()).toBe(0);
    expect(preview.stderr()).not.toMatch(/error/i);
    console.info(preview.stdout());
  }, 120_000);
});
