import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startEmulator } from '../../src/emulator/index.js';

/** One raw HTTP request (headers a browser or fetch would not let a test set, such as Host). */
function raw(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: Buffer; endBody?: boolean },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    if (options.endBody !== false) req.end();
  });
}

async function listen(server: Server, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

/** Issues 25.9 and 27.3: an emulator left running is no way in for a web page or an unauthenticated client. */
describe('an emulator left running', () => {
  let emu: RunningEmulator;
  let kbPath: string;
  const servers: Server[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, maxAttachmentBytes: 1024 * 1024 });
    kbPath = `/knowledge-bases/${emu.kb().id}`;
  });
  beforeEach(() => emu.setFaults([]));
  afterAll(async () => {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await emu.close();
  });

  it('answers admin routes only for this machine’s host names (no DNS rebinding)', async () => {
    const rules = Buffer.from(JSON.stringify({ rules: [{ status: 500 }] }));
    const rebound = await raw(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { host: `evil.example:${emu.port}`, 'content-type': 'application/json' },
      body: rules,
    });
    expect(rebound.status).toBe(403);
    expect(emu.snapshot().faults).toEqual([]);
    const state = await raw(`${emu.url}/_emulator/state`, {
      method: 'GET',
      headers: { host: 'evil.example' },
    });
    expect(state.status).toBe(403);
    for (const host of [`localhost:${emu.port}`, `127.0.0.1:${emu.port}`]) {
      const local = await raw(`${emu.url}/_emulator/state`, { method: 'GET', headers: { host } });
      expect(local.status).toBe(200);
    }
  });

  it('answers an unauthenticated write before reading its body, and caps JSON bodies', async () => {
    // 40 MB announced, 1 MB sent, the rest never: the answer must not wait for it.
    const answer = raw(`${emu.url}${kbPath}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(40 * 1024 * 1024) },
      body: Buffer.alloc(1024 * 1024, 0x20),
      endBody: false,
    });
    const outcome = await Promise.race([
      answer,
      new Promise<{ status: number }>((resolve) => setTimeout(() => resolve({ status: -1 }), 3000)),
    ]);
    expect(outcome.status).toBe(401);
    const tooBig = await fetch(`${emu.url}${kbPath}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    });
    expect(tooBig.status).toBe(413);
  });

  it('follows no redirect off the file_url allow-list', async () => {
    // 127.0.0.2 is this machine too, but not a name the allow-list takes.
    const elsewhere = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from('not allowed'));
    });
    servers.push(elsewhere);
    const offList = await listen(elsewhere, '127.0.0.2');
    const redirector = createServer((_req, res) => {
      res.writeHead(302, { location: `${offList}/x.png` });
      res.end();
    });
    servers.push(redirector);
    const local = await listen(redirector);
    const form = new FormData();
    form.set('file_url', `${local}/a.png`);
    const res = await fetch(`${emu.url}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(emu.snapshot().attachments).toEqual([]);
  });

  it('reads an endless file_url only up to the attachment limit', async () => {
    let sent = 0;
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(16 * 1024, 1);
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(chunk);
        sent += chunk.length;
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    servers.push(endless);
    const url = await listen(endless);
    const form = new FormData();
    form.set('file_url', `${url}/endless.png`);
    const res = await fetch(`${emu.url}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('larger than');
    // The limit is 1 MB; what was sent before the emulator hung up is of that order, not the whole timeout's worth.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});
