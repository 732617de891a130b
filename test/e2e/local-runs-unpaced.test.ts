import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCliSession, workspace, writeText } from './helpers.js';

/**
 * The embedded emulator is ours: `preview` and `start` publish into it without pacing at Pylon's rate
 * limits, even when the config asks its emulator for Pylon's documented limits (10 creates a minute would
 * make these 15 pages wait a minute), and a config that only chooses the emulator enforces none at all.
 */
const PAGES = 15;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});

async function tree(config: string) {
  const ws = await workspace(false);
  cleanups.push(() => ws.cleanup());
  for (let i = 0; i < PAGES; i++) {
    const folder = join(ws.docs, `part-${i % 3}`);
    await mkdir(folder, { recursive: true });
    await writeText(join(folder, `page-${i}.md`), `---\ntitle: Page ${i}\n---\n\nThe text of page ${i}.\n`);
  }
  await writeText(join(ws.dir, 'pylon-kb.config.ts'), config);
  return ws;
}

const PACED = `export default {
  contentDir: 'docs',
  knowledgeBase: 'help-center',
  defaultAuthor: 'ada@acme.test',
  target: { kind: 'emulator', rateLimits: 'documented', timeScale: 1 },
};
`;

describe('local runs into the embedded emulator never wait for rate limits', () => {
  it('preview serves its URL with no rate-limit wait, and its emulator enforces no limit', async () => {
    const ws = await tree(PACED);
    const session = startCliSession(['preview'], { cwd: ws.dir });
    cleanups.push(async () => void (await session.stop()));
    let url = '';
    while (!url) {
      const code = await Promise.race([session.done, new Promise((r) => setTimeout(r, 50, null))]);
      if (code !== null)
        throw new Error(`preview stopped (${code}):\n${session.stdout()}\n${session.stderr()}`);
      url = /Preview: (http\S+)/.exec(session.stdout())?.[1] ?? '';
    }
    expect(session.stdout()).not.toMatch(/waiting [\d.]+ s/);
    expect(session.stdout()).toContain(`Published ${PAGES + 3} changes`);
    const options = (await (await fetch(new URL('/_emulator/options', url))).json()) as {
      options: { rateLimits: unknown };
    };
    expect(options.options.rateLimits).toBe('off');
    expect(await session.stop()).toBe(0);
  }, 60_000);

  it('start --no-serve publishes the tree without a rate-limit wait', async () => {
    const ws = await tree(PACED);
    const run = await runCli(['start', '--no-serve'], { cwd: ws.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/waiting [\d.]+ s|rate limit/);
    expect(run.stdout).toContain('Second plan: no changes.');
  }, 60_000);

  it('a config that only chooses the emulator target enforces no limit on plan and apply', async () => {
    const ws = await tree(
      `export default { contentDir: 'docs', knowledgeBase: 'help-center', defaultAuthor: 'ada@acme.test', target: { kind: 'emulator' } };\n`,
    );
    const run = await runCli(['apply'], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/waiting [\d.]+ s/);
  }, 60_000);
});
