import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  CEILING_MAX_AGE_MS,
  LEARNED_LIMITS_PATH,
  readLearnedLimits,
  writeLearnedLimits,
} from '../../src/run/learned-limits-file.js';
import { openTarget } from '../../src/run/target.js';
import { targetKey } from '../../src/run/target-state-file.js';
import { emulator, workspace } from '../e2e/helpers.js';

describe('learned rate limits kept in .pylon-kb/', () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  let emu: RunningEmulator;
  beforeEach(async () => {
    ws = await workspace(false);
    // The raised limits (30 creates a "minute" of 600 ms): more than the documented preset assumes.
    emu = await emulator({ rateLimits: 'raised', timeScale: 0.01 });
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  function config(learn?: boolean) {
    const resolved = resolveConfig({
      file: { rateLimits: { preset: 'documented', timeScale: 0.01, ...(learn !== undefined && { learn }) } },
      flags: { contentDir: 'docs' },
      env: { PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token },
      cwd: ws.dir,
    });
    if (!('config' in resolved)) throw new Error(JSON.stringify(resolved.errors));
    return resolved.config;
  }

  async function createMany(learn?: boolean) {
    const target = await openTarget(config(learn));
    const kb = emu.kb().id;
    const author = emu.snapshot().users[0]?.id ?? '';
    const body = { title: 'T', body_html: '<p>b</p>', author_user_id: author };
    const before = target.client.stats().limits.createArticle;
    await Promise.all(
      Array.from({ length: 45 }, (_, i) => target.client.createArticle(kb, { ...body, title: `T${i}` })),
    );
    const stats = target.client.stats();
    await target.client.close();
    await target.close();
    return { before, after: stats.limits.createArticle, rateLimited: stats.rateLimited };
  }

  it('remembers the limit found against a target, without the token, and starts from it next time', async () => {
    const first = await createMany();
    expect(first.before).toBe(10);
    // Above the documented 10: 30 (the server's limit) when a 429 told it, more when a loaded machine
    // spread the requests so thinly that the server never refused one.
    expect(first.after).toBeGreaterThan(10);
    const text = await readFile(join(ws.dir, LEARNED_LIMITS_PATH), 'utf8');
    expect(text).not.toContain(emu.token);
    const key = targetKey('pylon', emu.url, emu.token);
    const stored = JSON.parse(text).targets[key].endpoints.createArticle;
    expect(stored.limit).toBe(first.after);
    if (first.rateLimited > 0) expect(stored.ceiling).toBe((first.after ?? 0) + 1);

    // A fresh "minute" at the server, as between two CI runs.
    await sleep(700);
    const second = await createMany();
    expect(second.before).toBe(first.after);
    if (first.rateLimited > 0) expect(second.rateLimited).toBe(0);
  });

  it('with learn: false neither raises nor writes the file', async () => {
    const run = await createMany(false);
    expect(run.after).toBe(10);
    await expect(readFile(join(ws.dir, LEARNED_LIMITS_PATH), 'utf8')).rejects.toThrow();
  });

  it('forgets a ceiling after a day, keeps other targets, and ignores a damaged file', async () => {
    const now = Date.UTC(2026, 11, 1);
    await writeLearnedLimits(ws.dir, 'a', { createArticle: { limit: 30, ceiling: 31 } }, now);
    await writeLearnedLimits(ws.dir, 'b', { updateArticle: { limit: 100 } }, now);
    expect(await readLearnedLimits(ws.dir, 'a', now + 1000)).toEqual({
      createArticle: { limit: 30, ceiling: 31 },
    });
    expect(await readLearnedLimits(ws.dir, 'a', now + CEILING_MAX_AGE_MS + 1)).toEqual({
      createArticle: { limit: 30 },
    });
    expect(await readLearnedLimits(ws.dir, 'b', now)).toEqual({ updateArticle: { limit: 100 } });
    expect(await readLearnedLimits(ws.dir, 'c', now)).toEqual({});
    await writeFile(
      join(ws.dir, LEARNED_LIMITS_PATH),
      '{"format":1,"targets":{"a":{"savedAt":0,"endpoints":{"createArticle":{"limit":-3}}}}}',
    );
    expect(await readLearnedLimits(ws.dir, 'a', 0)).toEqual({});
    await writeFile(join(ws.dir, LEARNED_LIMITS_PATH), 'not json');
    expect(await readLearnedLimits(ws.dir, 'a', 0)).toEqual({});
  });
});
