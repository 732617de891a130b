import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliFlagsFor, emulator, runCli, trutoEnvFor, workspace } from './helpers.js';

/** Characters that URL-, JSON- and Markdown-escaping each change, and a trailing `=`. */
const TOKEN = 'dbg_Tk7+Qa9/Zr2_Lm4xW=';
const TRUTO_TOKEN = 'trt_Vb8+Nc3/Hy6_Pd1sK=';

/** The forms a token could take in a line, written out here rather than taken from the redactor. */
function formsOf(token: string): string[] {
  const bare = token.replace(/=+$/, '');
  const markdown = (t: string) => t.replace(/[\\`*_{}[\]()#+\-.!|~@:<>]/g, (c) => `\\${c}`);
  const slug = token
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const runs: string[] = [];
  for (let i = 0; i + 8 <= bare.length; i++) runs.push(bare.slice(i, i + 8));
  return [
    token,
    bare,
    encodeURIComponent(token),
    JSON.stringify(token).slice(1, -1),
    markdown(token),
    slug,
    Buffer.from(token).toString('base64'),
    ...runs,
  ];
}

/** A debug line as documented: method, path (with its query), status or network error, time, attempt. */
const LINE =
  /^debug: (GET|POST|PATCH|PUT|DELETE) (\/\S*) -> (\d{3}|no response \([\w-]+\)) \(\d+ ms, attempt (\d+)( via truto)?\)$/;

function debugLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('debug:'));
}

/** The API requests the emulator answered (admin routes aside), as `METHOD status`, sorted. */
function answered(emu: RunningEmulator): string[] {
  return emu
    .snapshot()
    .requests.log.filter((entry) => entry.endpoint !== null)
    .map((entry) => `${entry.method} ${entry.status}`)
    .sort();
}

function logged(lines: string[]): string[] {
  return lines.map((line) => {
    const match = LINE.exec(line);
    return `${match?.[1]} ${match?.[3]}`;
  });
}

/** A port nothing listens on: one the system gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('--debug / PYLON_KB_DEBUG: one line per HTTP request on stderr', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const env = () => ({ PYLON_API_URL: emu.url, PYLON_API_TOKEN: TOKEN });
  // A fast retry clock: the 503 below is retried after milliseconds, not half a second.
  const flags = () => [...cliFlagsFor(ws.docs), '--time-scale', '0.01'];

  beforeAll(async () => {
    emu = await emulator({ token: TOKEN, truto: { token: TRUTO_TOKEN } });
    ws = await workspace();
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('plan with PYLON_KB_DEBUG=1 logs each request and its retry, and never the token', async () => {
    emu.reset();
    emu.setFaults([{ route: 'GET /teams', nth: 1, status: 503 }]);
    const run = await runCli(['plan', ...flags()], {
      cwd: ws.dir,
      env: { ...env(), PYLON_KB_DEBUG: '1' },
    });
    expect(run.code, run.stderr).toBe(0);
    const lines = debugLines(run.stderr);
    for (const line of lines) expect(line).toMatch(LINE);
    // Exactly one line per request the emulator answered.
    expect(logged(lines).sort()).toEqual(answered(emu));
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug: GET \/knowledge-bases -> 200 \(\d+ ms, attempt 1\)$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug: GET \/knowledge-bases\/[\w-]+\/articles\?(\S+&)?limit=\d+ -> 200 /),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^debug: GET \/teams -> 503 \(\d+ ms, attempt 1\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^debug: GET \/teams -> 200 \(\d+ ms, attempt 2\)$/));
    const output = `${run.stdout}${run.stderr}`;
    expect(formsOf(TOKEN).filter((form) => output.includes(form))).toEqual([]);
  });

  it('apply --debug logs the writes (method, path, status) and no body', async () => {
    emu.reset();
    emu.setFaults([]);
    const run = await runCli(['apply', ...flags(), '--debug'], { cwd: ws.dir, env: env() });
    expect(run.code, run.stderr).toBe(0);
    const lines = debugLines(run.stderr);
    expect(logged(lines).sort()).toEqual(answered(emu));
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug: POST \/knowledge-bases\/[\w-]+\/articles -> 200 \(\d+ ms, attempt 1\)$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^debug: POST \/attachments -> 200 /));
    // Nothing of the bodies sent: no article title or HTML reaches the log.
    for (const line of lines) expect(line).not.toMatch(/[<{}"]|Getting started/i);
    const output = `${run.stdout}${run.stderr}`;
    expect(formsOf(TOKEN).filter((form) => output.includes(form))).toEqual([]);
  });

  it('logs nothing without the flag or the variable (PYLON_KB_DEBUG=0 is off)', async () => {
    for (const extra of [{}, { PYLON_KB_DEBUG: '0' }, { PYLON_KB_DEBUG: '' }]) {
      const run = await runCli(['plan', ...flags()], { cwd: ws.dir, env: { ...env(), ...extra } });
      expect(run.code, run.stderr).toBe(0);
      expect(debugLines(run.stderr)).toEqual([]);
    }
  });

  it('through Truto: the same lines, marked via truto, and never the Truto token', async () => {
    emu.reset();
    const run = await runCli(['plan', ...flags(), '--debug'], { cwd: ws.dir, env: trutoEnvFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    const lines = debugLines(run.stderr);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/ via truto\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^debug: GET \/knowledge-bases -> 200 /));
    const output = `${run.stdout}${run.stderr}`;
    expect(formsOf(TRUTO_TOKEN).filter((form) => output.includes(form))).toEqual([]);
  });

  it('shows each attempt at a port nothing listens on, with the network error', async () => {
    const port = await closedPort();
    const run = await runCli(['plan', ...flags(), '--debug'], {
      cwd: ws.dir,
      env: { PYLON_API_URL: `http://127.0.0.1:${port}`, PYLON_API_TOKEN: TOKEN },
    });
    expect(run.code).toBe(1);
    const lines = debugLines(run.stderr);
    expect(lines.length).toBeGreaterThan(1);
    lines.forEach((line, i) => {
      expect(line).toMatch(
        new RegExp(
          `^debug: GET /knowledge-bases -> no response \\(ECONNREFUSED\\) \\(\\d+ ms, attempt ${i + 1}\\)$`,
        ),
      );
    });
    expect(formsOf(TOKEN).filter((form) => run.stderr.includes(form))).toEqual([]);
  });
});
