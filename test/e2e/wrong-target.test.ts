import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliFlagsFor, emulator, envFor, runCli, workspace } from './helpers.js';

/**
 * A run pointed at the wrong place, as a first hour goes: a port where nothing listens, a web server that
 * is not Pylon, a knowledge base that does not exist set long ago in the environment. Each failure says
 * what happened and which setting to change.
 */
describe('a wrong target names the setting to change', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let web: Server;
  let webUrl = '';
  // A fast retry clock: the backoff between attempts is milliseconds.
  const flags = () => [...cliFlagsFor('docs'), '--time-scale', '0.01'];

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    web = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!DOCTYPE html>\n<html><head><title>Error response</title></head>\n<body><h1>Nothing here</h1></body></html>\n',
      );
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
    await new Promise((resolve) => web.close(resolve));
  });

  it('a port where nothing listens: each retry is said, and the error names PYLON_API_URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(['plan', ...flags()], {
      cwd: ws.dir,
      env: { PYLON_API_URL: `http://127.0.0.1:${port}`, PYLON_API_TOKEN: emu.token },
    });
    expect(run.code).toBe(1);
    const retries = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('Retrying listKnowledgeBases in'));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatch(/ \(attempt 1 failed: ECONNREFUSED\)$/);
    expect(run.stderr).toContain('The base URL is PYLON_API_URL from the environment.');
  });

  it('a web server that is not Pylon: its status and "not a Pylon API", without its page', async () => {
    const run = await runCli(['plan', ...flags()], {
      cwd: ws.dir,
      env: { PYLON_API_URL: webUrl, PYLON_API_TOKEN: emu.token },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed with 404');
    expect(run.stderr).toContain('an HTML page');
    expect(run.stderr).toContain(`not a Pylon API: check the host and port of the base URL (${webUrl})`);
    expect(run.stderr).toContain('PYLON_API_URL');
    expect(run.stderr).not.toContain('Nothing here');
    expect(run.stderr).not.toContain('DOCTYPE');
  });

  it('a knowledge base that does not exist names the setting it came from', async () => {
    const withoutKb = flags().filter((f, i, all) => f !== '--kb' && all[i - 1] !== '--kb');
    const fromEnv = await runCli(['plan', ...withoutKb], {
      cwd: ws.dir,
      env: { ...envFor(emu), PYLON_KB: 'help-centre' },
    });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('Knowledge base "help-centre" was not found');
    expect(fromEnv.stderr).toContain('named by PYLON_KB in the environment');
    const fromFlag = await runCli(['plan', ...withoutKb, '--kb', 'help-centre'], {
      cwd: ws.dir,
      env: { ...envFor(emu), PYLON_KB: 'help-center' },
    });
    expect(fromFlag.stderr).toContain('named by --kb');
  });
});
