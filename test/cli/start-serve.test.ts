import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` as a person runs it: in a terminal (a pseudo-terminal from util-linux `script`), it keeps the
 * published example served until Ctrl-C and prints a URL that opens; with CI=true it exits 0 as before.
 */

const REPO = join(import.meta.dirname, '..', '..');

function inTerminal(env: Record<string, string | undefined>): ChildProcessWithoutNullStreams {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...env }))
    if (v !== undefined) childEnv[k] = v;
  // `exec`: script runs the command through $SHELL -c; without it a shell such as dash stays in between,
  // takes the terminal's SIGINT itself and dies of it (exit 130) while pylon-kb is still stopping.
  return spawn('script', ['-qfec', 'exec node bin/pylon-kb.mjs start', '/dev/null'], {
    cwd: REPO,
    env: childEnv,
  });
}

function collect(child: ChildProcessWithoutNullStreams): { text: () => string; exit: Promise<number> } {
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { text: () => text, exit };
}

describe('npm start in a terminal', () => {
  it('serves the published help center at the printed URL until Ctrl-C', async () => {
    const child = inTerminal({ CI: undefined });
    const out = collect(child);
    let url: string | undefined;
    for (let i = 0; i < 600 && !url; i++) {
      url = /The help center is served at (http:\/\/\S+)/.exec(out.text())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, out.text()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_site\/help-center\/$/);
    expect(out.text()).not.toContain('<identifier>');
    const home = await fetch(url as string);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>Acme Help Center</h1>');
    // A page linked from the home page opens too.
    const state = await fetch(new URL('/_emulator/', url).href);
    expect(state.status).toBe(200);
    child.stdin.write('\x03');
    expect(await out.exit, out.text()).toBe(0);
    expect(out.text()).toContain('Stopped.');
    await expect(fetch(url as string)).rejects.toThrow();
  }, 90_000);

  it('exits 0 after the second plan with CI=true', async () => {
    const child = inTerminal({ CI: 'true' });
    const out = collect(child);
    expect(await out.exit, out.text()).toBe(0);
    expect(out.text()).toContain('Second plan: no changes.');
    expect(out.text()).not.toContain('served at');
  }, 90_000);
});
