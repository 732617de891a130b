import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../src/cli/emulator-command.js';
import type { CliIO } from '../../src/cli/io.js';
import { readJson } from './helpers.js';

const REPO = join(import.meta.dirname, '..', '..');

function io(cwd = REPO) {
  const controller = new AbortController();
  const out = { stdout: '', stderr: '' };
  const lines: Array<() => void> = [];
  const cli: CliIO = {
    stdout: {
      write: (s: string) => {
        out.stdout += s;
        for (const wake of lines.splice(0)) wake();
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        out.stderr += s;
        return true;
      },
    },
    env: {},
    cwd,
    signal: controller.signal,
  };
  const waitFor = async (pattern: RegExp, timeoutMs = 2000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(out.stdout)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stdout: ${out.stdout}`);
      await new Promise<void>((wake) => {
        lines.push(wake);
        setTimeout(wake, 20);
      });
    }
    return pattern.exec(out.stdout) as RegExpExecArray;
  };
  return { cli, out, controller, waitFor };
}

describe('pylon-kb emulator', () => {
  it('prints its URL and token within 2 s, serves until the signal aborts, then resolves 0', async () => {
    const { cli, out, controller, waitFor } = io();
    const started = performance.now();
    const done = runEmulatorCommand(['--port', '0', '--token', 'cli-token'], cli);
    const [, url] = await waitFor(/Pylon emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.stdout).toContain('Token: cli-token\n');
    expect(out.stdout).toContain(`${url}/_site/help-center/`);
    const me = await fetch(`${url}/me`, { headers: { authorization: 'Bearer cli-token' } });
    expect((await readJson(me)).data.name).toBe('Acme Inc');
    let settled = false;
    void done.then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${url}/me`)).rejects.toThrow();
  });

  it('takes seed, state, rate-limit, time-scale, fault and §9 options from flags', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-emulator-cli-'));
    try {
      await writeFile(
        join(dir, 'seed.json'),
        JSON.stringify({
          organization: { name: 'Seeded Org' },
          knowledgeBases: [
            { title: 'Docs', slug: 'docs', host: 'docs.seeded.test', supported_languages: ['en', 'it'] },
          ],
          users: [{ name: 'Only User', email: 'only@seeded.test' }],
        }),
      );
      await writeFile(
        join(dir, 'faults.json'),
        JSON.stringify({ rules: [{ route: 'GET /teams', status: 503 }] }),
      );
      const { cli, controller, waitFor } = io(dir);
      const done = runEmulatorCommand(
        [
          '--port=0',
          '--seed',
          'seed.json',
          '--state',
          'state.json',
          '--rate-limits',
          'documented',
          '--rate-limit',
          'getMe=1',
          '--time-scale',
          '0.5',
          '--faults',
          'faults.json',
          '--duplicate-slugs',
          'reject',
          '--html-normalizer',
        ],
        cli,
      );
      const [, url] = await waitFor(/listening on (\S+)\n/);
      await waitFor(/Press Ctrl\+C/);
      const auth = { headers: { authorization: 'Bearer pylon-emulator-token' } };
      expect((await readJson(await fetch(`${url}/me`, auth))).data.name).toBe('Seeded Org');
      const limited = await fetch(`${url}/me`, auth);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect((await fetch(`${url}/teams`, auth)).status).toBe(503);
      const state = await readJson(await fetch(`${url}/_emulator/state`));
      expect(state.options).toMatchObject({ duplicateSlugs: 'reject', htmlNormalizer: true, timeScale: 0.5 });
      expect(state.knowledge_bases[0].supported_languages).toEqual(['en', 'it']);
      controller.abort();
      expect(await done).toBe(0);
      expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')).data.organization.name).toBe(
        'Seeded Org',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints help with --help and exits 0', async () => {
    const { cli, out } = io();
    expect(await runEmulatorCommand(['--help'], cli)).toBe(0);
    expect(out.stdout).toContain('Usage: pylon-kb emulator [options]');
    expect(out.stdout).toContain('--rate-limits <preset>');
  });

  it('exits 2 with a message for bad flags, values and files', async () => {
    for (const args of [
      ['--bogus'],
      ['--port', 'abc'],
      ['--rate-limits', 'fast'],
      ['--rate-limit', 'nope=3'],
      ['--time-scale', '0'],
      ['--duplicate-slugs', 'sometimes'],
      ['--seed', 'missing-seed.json'],
    ]) {
      const { cli, out } = io();
      expect(await runEmulatorCommand(args, cli), args.join(' ')).toBe(2);
      // One line of error and a pointer to the help; the help itself is not repeated after every error.
      expect(out.stderr, args.join(' ')).toMatch(/^error: [^\n]+\nSee 'pylon-kb emulator --help'\.\n$/);
      expect(out.stderr, args.join(' ')).not.toContain('Usage:');
    }
  });

  it('names the built-in seeds and the closest one for a misspelt --seed', async () => {
    const { cli, out } = io();
    expect(await runEmulatorCommand(['--port', '0', '--seed', 'editorkb'], cli)).toBe(2);
    expect(out.stderr).toContain(
      '--seed editorkb: no such file, and not a built-in seed (default, editor-kb).',
    );
    expect(out.stderr).toContain('Did you mean "editor-kb"?');
    expect(out.stdout).toBe('');
  });

  it('takes --seed default as the built-in Acme seed', async () => {
    const { cli, controller, waitFor } = io();
    const done = runEmulatorCommand(['--port', '0', '--seed', 'default'], cli);
    const [, url] = await waitFor(/listening on (\S+)\n/);
    const me = await fetch(`${url}/me`, { headers: { authorization: 'Bearer pylon-emulator-token' } });
    expect((await readJson(me)).data.name).toBe('Acme Inc');
    controller.abort();
    expect(await done).toBe(0);
  });

  it('exits 1 when the port is taken', async () => {
    const first = io();
    const running = runEmulatorCommand(['--port', '0'], first.cli);
    const [, port] = await first.waitFor(/127\.0\.0\.1:(\d+)/);
    const second = io();
    expect(await runEmulatorCommand(['--port', String(port)], second.cli)).toBe(1);
    expect(second.out.stderr).toBe(
      `error: could not start the emulator: port ${port} is taken (127.0.0.1:${port} is in use by another program). Pick another with --port <n>, or --port 0 for any free port.\n`,
    );
    first.controller.abort();
    await running;
  });

  const bin = join(REPO, 'bin', 'pylon-kb.mjs');
  const built = existsSync(join(REPO, 'dist', 'cli', 'emulator-command.js'));
  if (!built)
    console.warn('[emulator cli test] dist/ is not built (npm run build); skipping the spawned-bin check.');
  it.skipIf(!built)(
    'npx pylon-kb emulator --port 0 prints its URL within 2 s and stops on SIGTERM',
    async () => {
      const child = spawn(process.execPath, [bin, 'emulator', '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const started = performance.now();
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 2 s: ${stdout}`)), 2000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /listening on (\S+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', () => reject(new Error(`exited early: ${stdout}`)));
      });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(
        (await fetch(`${url}/me`, { headers: { authorization: 'Bearer pylon-emulator-token' } })).status,
      ).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );
});
