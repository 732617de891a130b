import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentDirError, readContentFiles, readSourceText } from '../../src/content/read-files.js';

let root: string;

async function put(path: string, text = path): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pylon-kb-read-'));
  for (const path of [
    'b.md',
    'a.markdown',
    'guides/setup.md',
    'guides/_category_.json',
    'guides/deep/_category_.yml',
    'guides/deep/x.md',
    'drafts/wip.md',
    'images/logo.png',
    'notes.txt',
    'node_modules/pkg/readme.md',
    '.github/template.md',
    'guides/.cache/y.md',
  ]) {
    await put(path);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readContentFiles', () => {
  it('reads Markdown and _category_ files with sorted posix paths, skipping dependencies and hidden folders', async () => {
    const files = await readContentFiles(root, {});
    expect(files.map((f) => f.path)).toEqual([
      'a.markdown',
      'b.md',
      'drafts/wip.md',
      'guides/_category_.json',
      'guides/deep/_category_.yml',
      'guides/deep/x.md',
      'guides/setup.md',
    ]);
    expect(files[1]).toEqual({ path: 'b.md', text: 'b.md' });
  });

  it('applies include and exclude globs (metadata files follow the folders that are read)', async () => {
    const files = await readContentFiles(root, { include: ['guides/**/*.md'], exclude: ['guides/deep/**'] });
    expect(files.map((f) => f.path)).toEqual(['guides/_category_.json', 'guides/setup.md']);
  });

  it('keeps the default exclusions when the caller passes its own', async () => {
    const files = await readContentFiles(root, { exclude: ['drafts/**'] });
    expect(files.map((f) => f.path)).not.toContain('node_modules/pkg/readme.md');
    expect(files.map((f) => f.path)).not.toContain('drafts/wip.md');
  });

  it('throws a ContentDirError naming the missing directory and how to fix it', async () => {
    const missing = join(root, 'nope');
    await expect(readContentFiles(missing, {})).rejects.toThrow(ContentDirError);
    await expect(readContentFiles(missing, {})).rejects.toThrow(
      `Content directory ${missing} does not exist`,
    );
    await expect(readContentFiles(join(root, 'b.md'), {})).rejects.toThrow(/is not a directory.*contentDir/);
  });
});

describe('readSourceText', () => {
  it('marks bytes that are not UTF-8, not a U+FFFD written in valid UTF-8', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-read-bytes-'));
    try {
      await writeFile(join(dir, 'shown.md'), 'A missing glyph shows as \uFFFD.\n');
      await writeFile(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      expect(await readSourceText(join(dir, 'shown.md'))).toEqual({
        text: 'A missing glyph shows as \uFFFD.\n',
      });
      expect(await readSourceText(join(dir, 'latin1.md'))).toEqual({
        text: 'caf\uFFFD\n',
        undecodable: true,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
