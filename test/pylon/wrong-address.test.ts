import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PylonNetworkError } from '../../src/pylon/index.js';
import { TOKEN, testClient } from './fixtures.js';

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe('a base URL that is not Pylon (a wrong port) is named as such, never blamed on the token', () => {
  it('a port fetch never connects to', async () => {
    const error = await failure(testClient('http://127.0.0.1:6000').getMe());
    expect(error).toBeInstanceOf(PylonNetworkError);
    expect(error).toMatchObject({ code: 'blocked_port' });
    expect(error?.message).toContain('check the port of the base URL');
    expect(error?.message).not.toContain('PYLON_API_TOKEN');
  });

  it('a server that does not speak HTTP (e.g. SSH): one attempt, "check the port"', async () => {
    let connections = 0;
    const url = await listen(
      createServer((socket) => {
        connections++;
        socket.end('SSH-2.0-OpenSSH_9.2\r\n');
      }),
    );
    const error = await failure(testClient(url).getMe());
    expect(error?.message).toContain('does not speak HTTP: check the port');
    expect(error?.message).not.toContain('TOKEN');
    expect(connections).toBe(1);
  });

  it('an HTTP server that answers 401 in HTML is "not Pylon", not a bad token', async () => {
    const http = createHttpServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'text/html' });
      res.end('<h1>Login required</h1>');
    });
    const url = await listen(http);
    const error = await failure(testClient(url).getMe());
    expect(error?.message).toContain('not a Pylon API: check the host and port');
    // The page is summarised, not quoted: its markup would bury the hint.
    expect(error?.message).toContain('failed with 401');
    expect(error?.message).toContain('an HTML page');
    expect(error?.message).not.toContain('<h1>');
    expect(error?.message).not.toContain('PYLON_API_TOKEN');
    expect(error?.message).not.toContain(TOKEN);
  });

  it('a server that resets every connection: the request fails after its retries instead of hanging', async () => {
    let connections = 0;
    const url = await listen(
      createServer((socket) => {
        connections++;
        socket.destroy();
      }),
    );
    const error = await failure(testClient(url, { retries: 2 }).getMe());
    expect(error).toBeInstanceOf(PylonNetworkError);
    expect(connections).toBe(3);
  });
});
