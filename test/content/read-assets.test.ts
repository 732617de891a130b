import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, mkdtemp, open, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssetFileSystem, readAssets } from '../../src/content/read-assets.js';

let base: string;
let docs: string;
let secret: string;
const SHOT = Buffer.from('not really a png, but bytes to hash');

/** The real file system, recording every path the edge resolves, opens and reads. */
function spy() {
  const calls = { realpath: [] as string[], open: [] as string[], read: [] as string[] };
  const fileSystem: AssetFileSystem = {
    realpath: (path) => {
      calls.realpath.push(path);
      return realpath(path);
    },
    open: async (path, flags) => {
      calls.open.push(path);
      const handle = await open(path, flags);
      const createReadStream = handle.createReadStream.bind(handle);
      return Object.assign(handle, {
        createReadStream: (...args: Parameters<FileHandle['createReadStream']>) => {
          calls.read.push(path);
          return createReadStream(...args);
        },
      });
    },
  };
  return { calls, fileSystem };
}

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'pylon-kb-assets-')));
  docs = join(base, 'docs');
  secret = join(base, 'secret.txt');
  await mkdir(join(docs, 'guides', 'img'), { recursive: true });
  await mkdir(join(docs, 'folder.png'));
  await writeFile(secret, 'outside the content directory');
  await writeFile(join(docs, 'guides', 'img', 'shot.png'), SHOT);
  await writeFile(join(docs, 'big.zip'), Buffer.alloc(101));
  await symlink(secret, join(docs, 'guides', 'img', 'escape.png'));
  await symlink(join(docs, 'guides', 'img', 'shot.png'), join(docs, 'alias.png'));
  await symlink(base, join(docs, 'up'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('readAssets (the I/O edge for local files)', () => {
  it('hashes a file inside the content directory as a stream', async () => {
    const { calls, fileSystem } = spy();
    const found = await readAssets(docs, ['guides/img/shot.png'], { fileSystem });
    expect(found.get('guides/img/shot.png')).toEqual({
      path: 'guides/img/shot.png',
      sha256: createHash('sha256').update(SHOT).digest('hex'),
      size: SHOT.length,
      contentType: 'image/png',
      absolutePath: join(docs, 'guides', 'img', 'shot.png'),
    });
    expect(calls.read).toEqual([join(docs, 'guides', 'img', 'shot.png')]);
  });

  it('follows a symbolic link that stays inside and reports the real path', async () => {
    const found = await readAssets(docs, ['alias.png']);
    expect(found.get('alias.png')).toMatchObject({
      sha256: createHash('sha256').update(SHOT).digest('hex'),
      absolutePath: join(docs, 'guides', 'img', 'shot.png'),
    });
  });

  it('refuses ../ and absolute paths before any file-system call', async () => {
    const { calls, fileSystem } = spy();
    const paths = [
      '../secret.txt',
      'guides/../../secret.txt',
      secret,
      '/etc/passwd',
      'C:/Windows/win.ini',
      'a\\..\\..\\x',
    ];
    const found = await readAssets(docs, paths, { fileSystem });
    for (const path of paths) expect(found.get(path)).toEqual({ error: 'outside', path });
    // Only the content directory itself was resolved; nothing was opened.
    expect(calls.realpath).toEqual([docs]);
    expect(calls.open).toEqual([]);
  });

  it('refuses a symbolic link (to a file or through a folder) whose real path is outside, without opening it', async () => {
    const { calls, fileSystem } = spy();
    const found = await readAssets(docs, ['guides/img/escape.png', 'up/secret.txt'], { fileSystem });
    expect(found.get('guides/img/escape.png')).toEqual({ error: 'outside', path: 'guides/img/escape.png' });
    expect(found.get('up/secret.txt')).toEqual({ error: 'outside', path: 'up/secret.txt' });
    expect(calls.open).toEqual([]);
    expect(calls.read).toEqual([]);
  });

  it('reports a file over the limit without reading it', async () => {
    const { calls, fileSystem } = spy();
    const found = await readAssets(docs, ['big.zip'], { fileSystem, maxAssetBytes: 100 });
    expect(found.get('big.zip')).toEqual({ error: 'too-large', path: 'big.zip', size: 101, limit: 100 });
    expect(calls.read).toEqual([]);
    expect((await readAssets(docs, ['big.zip'], { maxAssetBytes: 101 })).get('big.zip')).toMatchObject({
      size: 101,
      contentType: 'application/zip',
    });
  });

  it('reports missing files and things that are not files', async () => {
    const found = await readAssets(docs, ['guides/img/nope.png', 'folder.png', 'guides/img/shot.png/x']);
    expect([...found.values()]).toEqual([
      { error: 'missing', path: 'folder.png', detail: 'is not a regular file' },
      { error: 'missing', path: 'guides/img/nope.png', detail: 'does not exist' },
      { error: 'missing', path: 'guides/img/shot.png/x', detail: 'does not exist' },
    ]);
  });

  it.runIf(process.platform !== 'win32')('does not wait on a FIFO', async () => {
    execFileSync('mkfifo', [join(docs, 'pipe.txt')]);
    const found = await readAssets(docs, ['pipe.txt']);
    expect(found.get('pipe.txt')).toEqual({
      error: 'missing',
      path: 'pipe.txt',
      detail: 'is not a regular file',
    });
  });
});
