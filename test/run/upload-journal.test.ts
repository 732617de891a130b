import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/types.js';
import { UPLOAD_JOURNAL_PATH, UPLOAD_MAX_AGE_MS, uploadJournal } from '../../src/run/upload-journal.js';

const TOKEN = 'pk_secret_token_123';
const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

describe('upload journal (.pylon-kb/uploads.json)', () => {
  let rootDir: string;
  const config = (apiUrl = 'https://api.usepylon.com') =>
    ({ rootDir, target: { kind: 'pylon', apiUrl, token: TOKEN } }) as unknown as Pick<
      ResolvedConfig,
      'rootDir' | 'target'
    >;
  beforeEach(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'pylon-kb-journal-'));
  });
  afterEach(() => rm(rootDir, { recursive: true, force: true }));

  it('gives back a recorded upload to the next run of the same target, without the token in the file', async () => {
    const served = async () => 'served' as const;
    await uploadJournal(config(), { served })?.record(SHA_A, 'https://assets.test/a.png');
    expect(await uploadJournal(config(), { served })?.recall(new Set())).toEqual({
      [SHA_A]: 'https://assets.test/a.png',
    });
    expect(await uploadJournal(config('https://other.test'), { served })?.recall(new Set())).toEqual({});
    expect(await readFile(join(rootDir, UPLOAD_JOURNAL_PATH), 'utf8')).not.toContain(TOKEN);
  });

  it('has each of twenty uploads recorded at once on disk by the time its record resolves', async () => {
    const journal = uploadJournal(config(), { served: async () => 'served' as const });
    const shas = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(64, '0'));
    const onDisk = async (sha: string) =>
      (await readFile(join(rootDir, UPLOAD_JOURNAL_PATH), 'utf8')).includes(sha);
    const seen = await Promise.all(
      shas.map((sha) => journal?.record(sha, `https://assets.test/${sha}.png`).then(() => onDisk(sha))),
    );
    expect(seen).toEqual(shas.map(() => true));
    const recalled = await uploadJournal(config(), { served: async () => 'served' })?.recall(new Set());
    expect(Object.keys(recalled ?? {}).sort()).toEqual(shas);
  });

  it('drops entries the remote records, old entries and URLs that are gone; keeps unknown ones unused', async () => {
    let now = 1_000;
    const states: Record<string, 'served' | 'gone' | 'unknown'> = { a: 'served', b: 'gone', c: 'unknown' };
    const journal = uploadJournal(config(), {
      now: () => now,
      served: async (url) => states[url.slice(-1)] ?? 'unknown',
    });
    await journal?.record(SHA_A, 'https://assets.test/a');
    await journal?.record(SHA_B, 'https://assets.test/b');
    await journal?.record('c'.repeat(64), 'https://assets.test/c');
    await journal?.record('d'.repeat(64), 'https://assets.test/a');
    expect(await journal?.recall(new Set(['d'.repeat(64)]))).toEqual({ [SHA_A]: 'https://assets.test/a' });
    const kept = JSON.parse(await readFile(join(rootDir, UPLOAD_JOURNAL_PATH), 'utf8'));
    expect(Object.keys(Object.values(kept.targets)[0] as object).sort()).toEqual([SHA_A, 'c'.repeat(64)]);
    now += UPLOAD_MAX_AGE_MS + 1;
    expect(await journal?.recall(new Set())).toEqual({});
    expect(JSON.parse(await readFile(join(rootDir, UPLOAD_JOURNAL_PATH), 'utf8')).targets).toEqual({});
  });

  it('keeps no journal for an embedded emulator, which starts empty on every run', () => {
    const embedded = { rootDir, target: { kind: 'emulator' } } as unknown as Pick<
      ResolvedConfig,
      'rootDir' | 'target'
    >;
    expect(uploadJournal(embedded)).toBeNull();
  });
});
