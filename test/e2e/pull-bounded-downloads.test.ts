import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, runCli, workspace } from './helpers.js';
import { createArticleInPylon, createCollectionInPylon, uploadToPylon } from './pull-helpers.js';

const FLAGS = ['--kb', 'help-center', '--rate-limits', 'off', '--collection', 'media'];
const LIMIT = 1024 * 1024;

/**
 * Pylon as pull sees it, with two bad files on its asset host: the emulator behind a small front that
 * serves `/_assets/endless.bin` as a body that never ends (as fast as the client reads) and
 * `/_assets/slow.png` as a byte now and then, forever. Everything else goes to the emulator.
 */
async function frontOf(
  emu: RunningEmulator,
): Promise<{ url: string; sent: () => number; close(): Promise<void> }> {
  let sent = 0;
  const open = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/_assets/endless.bin')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (!res.destroyed) {
          sent += chunk.byteLength;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
      return;
    }
    if (req.url?.startsWith('/_assets/slow.png')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      const timer = setInterval(() => res.write('x'), 100);
      open.add(timer);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const upstream = new URL(emu.url);
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent: () => sent,
    close: async () => {
      for (const timer of open) clearInterval(timer);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

describe('pull downloads are bounded in size and time; a bad file is skipped, the pull completes', () => {
  let emu: RunningEmulator;
  let front: Awaited<ReturnType<typeof frontOf>>;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let media: string;

  beforeEach(async () => {
    emu = await emulator();
    front = await frontOf(emu);
    ws = await workspace(false);
    media = await createCollectionInPylon(emu, 'Media', 'media');
    const good = (await uploadToPylon(emu, 'chart.png', 'PNG bytes', 'image/png')).replace(
      emu.url,
      front.url,
    );
    await createArticleInPylon(emu, {
      title: 'Endless video',
      slug: 'endless-video',
      collection_id: media,
      body_html: `<p>Get <a href="${front.url}/_assets/endless.bin?Expires=1&amp;Signature=abc">the recording</a>.</p>`,
    });
    await createArticleInPylon(emu, {
      title: 'Chart',
      slug: 'chart',
      collection_id: media,
      body_html: `<p><img src="${good}" alt="the chart"></p>`,
    });
  });
  afterEach(async () => {
    await front.close();
    await emu.close();
    await ws.cleanup();
  });

  const pull = () =>
    runCli(['pull', 'out', ...FLAGS], {
      cwd: ws.dir,
      env: { PYLON_API_URL: front.url, PYLON_API_TOKEN: emu.token },
    });

  const outFiles = async () => (await readdir(join(ws.dir, 'out', 'media'))).sort();
  const config = (values: Record<string, unknown>) =>
    writeFile(join(ws.dir, 'pylon-kb.config.json'), JSON.stringify(values));

  it('an endless file stops at maxAssetBytes: a warning naming the article and URL, the rest written, exit 0', async () => {
    await config({ maxAssetBytes: LIMIT });
    const run = await pull();
    expect(run.code).toBe(0);
    // Read no further than the limit (what the sockets buffer aside), never the whole endless body.
    expect(front.sent()).toBeLessThan(LIMIT + 16 * 1024 * 1024);
    expect(run.stderr).toContain(
      `warning [pull/download-failed] media/endless-video.md: A file this article uses could not be downloaded (larger than maxAssetBytes (more than ${LIMIT} bytes), stopped); the file keeps pointing at ${front.url}/_assets/endless.bin. (article "Endless video"`,
    );
    expect(run.stderr).not.toContain(emu.token);
    expect(run.stderr).not.toContain('Signature=');
    expect(await readFile(join(ws.dir, 'out', 'media', 'endless-video.md'), 'utf8')).toContain(
      `[the recording](${front.url}/_assets/endless.bin?Expires=1\\&Signature=abc)`,
    );
    const files = await outFiles();
    expect(files).toContain('chart.md');
    expect(await readFile(join(ws.dir, 'out', 'media', files[1] as string), 'utf8')).toBe('PNG bytes');
  });

  it('a file that never ends arriving stops at pull.downloadTimeoutMs; the pull completes, exit 0', async () => {
    await config({ maxAssetBytes: LIMIT, pull: { downloadTimeoutMs: 2000 } });
    await createArticleInPylon(emu, {
      title: 'Slow picture',
      slug: 'slow-picture',
      collection_id: media,
      body_html: `<p><img src="${front.url}/_assets/slow.png?Expires=1" alt="slow"></p>`,
    });
    const run = await pull();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `warning [pull/download-failed] media/slow-picture.md: A file this article uses could not be downloaded (took longer than 2 s (pull.downloadTimeoutMs), stopped); the file keeps pointing at ${front.url}/_assets/slow.png. (article "Slow picture"`,
    );
    expect(run.stdout).toContain('Wrote 3 articles, 0 translations, 1 collection and 1 file');
    expect(await outFiles()).toEqual([
      '_index.md',
      expect.stringMatching(/^chart-[0-9a-f]{8}\.png$/),
      'chart.md',
      'endless-video.md',
      'slow-picture.md',
    ]);
    expect(await readFile(join(ws.dir, 'out', 'media', 'slow-picture.md'), 'utf8')).toContain(
      `![slow](${front.url}/_assets/slow.png?Expires=1)`,
    );
    // Nothing of the staged downloads is left beside the target.
    expect((await readdir(ws.dir)).filter((n) => n.startsWith('.pylon-kb-pull-'))).toEqual([]);
  });
});
