import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount } from './helpers.js';

const SECRET = 'pk_live_secret-token-4c1b9e';
const GOOD = '---\ntitle: Fine\n---\n\nSome text.\n';
const BASE = CLI_FLAGS;

/**
 * What CI sees when something is wrong: `plan --detailed-exitcode` exits 1 for every error (never 2,
 * which means "changes pending"), `--json` errors are JSON on stdout, and nothing written.
 */
describe('CI that goes red when something is wrong', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeAll(async () => {
    emu = await emulator({ token: SECRET });
    ws = await workspace(false);
    await writeFile(join(ws.docs, '..', 'placeholder'), '');
    await mkdir(ws.docs, { recursive: true });
    await writeFile(join(ws.docs, 'fine.md'), GOOD);
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  const env = () => envFor(emu);
  const cases: Array<[string, string[], () => Record<string, string>, RegExp]> = [
    ['a missing token', BASE, () => ({ PYLON_API_URL: emu.url }), /config\/invalid/],
    [
      'an unknown KB',
      ['--content-dir', 'docs', '--kb', 'help-centre', '--author', 'ada@acme.test'],
      env,
      /help-centre/,
    ],
    ['a missing content dir', ['--content-dir', 'nope', ...BASE.slice(2)], env, /nope/],
    ['an unknown flag', [...BASE, '--publsh'], env, /--publsh/],
    ['an invalid config value', [...BASE, '--rate-limits', 'fastest'], env, /rateLimits/],
    ['a wrong token', BASE, () => ({ PYLON_API_URL: emu.url, PYLON_API_TOKEN: 'not-the-token' }), /401/],
  ];

  it.each(cases)(
    'plan --detailed-exitcode exits 1 for %s (2 without it, or 1 for a failed request)',
    async (_n, args, e, pattern) => {
      const before = writeCount(emu);
      const detailed = await runCli(['plan', '--detailed-exitcode', ...args], { cwd: ws.dir, env: e() });
      expect(detailed.code, detailed.stderr).toBe(1);
      expect(detailed.stderr).toMatch(pattern);
      const plain = await runCli(['plan', ...args], { cwd: ws.dir, env: e() });
      expect([1, 2]).toContain(plain.code);
      expect(plain.code).toBe(_n === 'a wrong token' ? 1 : 2);
      expect(writeCount(emu)).toBe(before);
    },
  );

  it.each(cases)(
    '--json: the error for %s is JSON on stdout, nothing on stderr',
    async (_n, args, e, pattern) => {
      for (const command of ['plan', 'apply']) {
        const run = await runCli([command, '--json', ...args], { cwd: ws.dir, env: e() });
        expect(run.stderr).toBe('');
        const parsed = JSON.parse(run.stdout) as {
          version: number;
          error: { code: string; message: string };
        };
        expect(parsed.version).toBe(1);
        expect(parsed.error.code).toMatch(/^[a-z]+(\/[\w-]+)?$/i);
        expect(`${parsed.error.message} ${JSON.stringify(parsed.error)}`).toMatch(pattern);
        expect(run.stdout).not.toContain(SECRET);
      }
    },
  );

  it('an unknown command under --json is JSON too', async () => {
    const run = await runCli(['plna', '--json'], { cwd: ws.dir, env: env() });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      code: 'usage',
      message: expect.stringContaining('"plan"'),
    });
  });

  it('plan --detailed-exitcode: 2 with changes, 0 without', async () => {
    expect((await runCli(['plan', '--detailed-exitcode', ...BASE], { cwd: ws.dir, env: env() })).code).toBe(
      2,
    );
    expect((await runCli(['apply', ...BASE], { cwd: ws.dir, env: env() })).code).toBe(0);
    expect((await runCli(['plan', '--detailed-exitcode', ...BASE], { cwd: ws.dir, env: env() })).code).toBe(
      0,
    );
  });

  it('check --json reports counts and diagnostics', async () => {
    await writeFile(join(ws.docs, 'bad.md'), '---\ntitle: [unclosed\n---\n');
    try {
      const run = await runCli(['check', '--json', '--content-dir', 'docs', '--author', 'ada@acme.test'], {
        cwd: ws.dir,
        env: env(),
      });
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({ version: 1, articles: 1, errors: 1 });
      expect(report.diagnostics[0]).toMatchObject({ file: 'bad.md', code: 'frontmatter/yaml' });
    } finally {
      await writeFile(join(ws.docs, 'bad.md'), GOOD.replace('Fine', 'Bad'));
    }
  });
});

describe('the token is never printed, whatever it was pasted into', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeAll(async () => {
    emu = await emulator({ token: SECRET });
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    await writeFile(join(ws.docs, 'fine.md'), GOOD);
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  async function runAll(args: string[], files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) await writeFile(join(ws.dir, path), text);
    const before = writeCount(emu);
    const outputs: string[] = [];
    // check takes only the content flags: it is run with those (and the config file).
    const checkArgs = args.flatMap((a, i) =>
      ['--content-dir', '--config'].includes(a) ? [a, args[i + 1] as string] : [],
    );
    for (const command of ['check', 'plan', 'apply']) {
      for (const extra of [[], ['--json']]) {
        // --strict: the failing input refuses the whole run, so nothing at all is written.
        const own = command === 'check' ? checkArgs : [...args, '--strict'];
        const run = await runCli([command, ...own, ...extra], { cwd: ws.dir, env: envFor(emu) });
        if (command === 'check' && !Object.values(files).some((t) => t.startsWith('throw'))) continue;
        outputs.push(run.stdout + run.stderr);
        expect(run.code, `${command} ${extra}`).not.toBe(0);
      }
    }
    expect(writeCount(emu)).toBe(before);
    const all = outputs.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(encodeURIComponent(SECRET));
    return all;
  }

  it('--author and --kb', async () => {
    const author = await runAll(['--content-dir', 'docs', '--kb', 'help-center', '--author', SECRET]);
    expect(author).toContain('[redacted]');
    await runAll([
      '--content-dir',
      'docs',
      '--kb',
      SECRET,
      '--author',
      'ada@acme.test',
      '--content-dir',
      'missing',
    ]);
    const kb = await runAll(['--content-dir', 'docs', '--kb', SECRET, '--author', 'ada@acme.test']);
    expect(kb).toContain('[redacted]');
  });

  it('defaultAuthor in the config, frontmatter author, and an error thrown by the config file', async () => {
    // Each case its own config file: a module, once imported, is not read again in this process.
    await runAll(['--config', 'author.config.mjs', '--kb', 'help-center'], {
      'author.config.mjs': `export default { contentDir: 'docs', defaultAuthor: '${SECRET}' };\n`,
    });
    await runAll(['--config', 'plain.config.mjs', '--kb', 'help-center', '--author', 'ada@acme.test'], {
      'plain.config.mjs': "export default { contentDir: 'docs' };\n",
      'docs/pasted.md': `---\ntitle: Pasted\nauthor: ${SECRET}\n---\n\nText\n`,
    });
    await writeFile(join(ws.docs, 'pasted.md'), GOOD);
    const thrown = await runAll(['--config', 'throws.config.mjs', '--kb', 'help-center'], {
      'throws.config.mjs': `throw new Error('cannot use ${SECRET} here');\n`,
    });
    expect(thrown).toContain('cannot use [redacted] here');
  });
});
