import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { describe } from 'vitest';
import { inCi } from '../ci.js';

export { inCi };

/**
 * Browser tests drive Debian's Chromium. Without it they skip with a notice on a developer machine, and
 * FAIL in CI (`CI=true`): `.ci/run` installs it, so a missing browser there is a broken CI, not a pass.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const OUT = join(import.meta.dirname, '..', '..', 'test-output');

/** `describe` when Chromium is there or CI must have it; `describe.skip` (with a notice) otherwise. */
export function browserDescribe(what: string): typeof describe | typeof describe.skip {
  if (hasChromium || inCi) return describe;
  console.warn(
    `[${what}] skipped: ${CHROMIUM} not found. Install Debian's chromium package (apt-get install -y chromium) ` +
      'to run the browser tests; in CI (CI=true) they fail instead.',
  );
  return describe.skip;
}

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium) {
    throw new Error(
      `${CHROMIUM} is missing, and CI=true requires the browser tests to run: install Debian's chromium ` +
        '(.ci/run does it with apt-get install -y chromium).',
    );
  }
  mkdirSync(OUT, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Records every request of the context that is not for `origin` (the local server): the list must stay empty. */
export function requestsLeaving(context: BrowserContext, origin: string): string[] {
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) outside.push(url);
  });
  return outside;
}
