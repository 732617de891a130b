import { afterEach, describe, expect, it } from 'vitest';
import { runEmulatorCommand } from '../../src/cli/emulator-command.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, runCli, workspace } from '../e2e/helpers.js';

const FLAGS = CLI_FLAGS;

let emu: RunningEmulator | undefined;
let ws: Awaited<ReturnType<typeof workspace>> | undefined;
afterEach(async () => {
  await emu?.close();
  await ws?.cleanup();
  emu = undefined;
  ws = undefined;
});

describe('the CLI through Truto', () => {
  it('publishes with --truto-account and TRUTO_API_TOKEN, with no Pylon token', async () => {
    emu = await emulator();
    ws = await workspace();
    const env = { TRUTO_API_URL: emu.url, TRUTO_API_TOKEN: emu.truto.token };
    const run = await runCli(['plan', '--json', ...FLAGS, '--truto-account', 'acct-emulator-1'], {
      cwd: ws.dir,
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).operations.length).toBeGreaterThan(20);
    expect(Object.keys(emu.snapshot().requests.counts)).toContain('GET /custom/knowledge-bases');
  });

  it('names the account and the flag when Truto does not know the account (exit 1)', async () => {
    emu = await emulator();
    ws = await workspace();
    const env = { TRUTO_API_URL: emu.url, TRUTO_API_TOKEN: emu.truto.token };
    const run = await runCli(['plan', ...FLAGS, '--truto-account', 'acct-typo'], { cwd: ws.dir, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Truto does not know integrated account acct-typo: check --truto-account');
    expect(run.stderr).not.toContain(emu.truto.token);
  });

  it('is a config error (exit 2) naming the key when the account is missing or invalid', async () => {
    ws = await workspace();
    const env = { TRUTO_API_URL: 'http://127.0.0.1:9', TRUTO_API_TOKEN: 'truto_do_not_print' };
    const missing = await runCli(['plan', ...FLAGS, '--target', 'truto'], { cwd: ws.dir, env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('target.integratedAccountId');
    const invalid = await runCli(['plan', ...FLAGS, '--truto-account', 'a/b'], { cwd: ws.dir, env });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(
      '--truto-account (target.integratedAccountId) must be a Truto integrated account id',
    );
    expect(`${missing.stderr}${invalid.stderr}`).not.toContain('truto_do_not_print');
  });

  it('pylon-kb emulator prints the Truto façade’s token and account at start', async () => {
    const controller = new AbortController();
    let stdout = '';
    const done = runEmulatorCommand(['--port', '0'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      cwd: process.cwd(),
      signal: controller.signal,
    });
    const deadline = Date.now() + 2000;
    while (!stdout.includes('Truto façade') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(stdout).toMatch(
      /Truto façade: http:\/\/127\.0\.0\.1:\d+\/custom\/… and \/proxy\/… \(token truto-emulator-token, integrated account acct-emulator-1\)\n/,
    );
    controller.abort();
    expect(await done).toBe(0);
  });
  it('pylon-kb emulator takes the façade’s token, accounts and limit from flags', async () => {
    const controller = new AbortController();
    let stdout = '';
    const args = [
      '--port',
      '0',
      '--truto-token',
      'tt-1',
      '--truto-account',
      'acct-x',
      '--truto-account',
      'acct-y',
    ];
    const done = runEmulatorCommand([...args, '--truto-rate-limit'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      cwd: process.cwd(),
      signal: controller.signal,
    });
    const deadline = Date.now() + 2000;
    while (!stdout.includes('Truto façade') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(stdout).toContain('(token tt-1, integrated account acct-x, acct-y)');
    const url = /listening on (http:\/\/[\d.:]+)/.exec(stdout)?.[1];
    const me = (account: string) =>
      fetch(`${url}/proxy/me?integrated_account_id=${account}`, {
        headers: { authorization: 'Bearer tt-1' },
      });
    const statuses = [];
    for (let i = 0; i < 51; i++) statuses.push((await me('acct-y')).status);
    expect(statuses.slice(0, 50).every((s) => s === 200)).toBe(true);
    expect(statuses[50]).toBe(429);
    controller.abort();
    expect(await done).toBe(0);
  });
});
