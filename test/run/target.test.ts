import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { UserConfig } from '../../src/config/types.js';
import { InputError, openTarget } from '../../src/run/index.js';
import { CLI_FLAGS, runCli, workspace } from '../e2e/helpers.js';

const SEED = {
  organization: { name: 'Seeded Org' },
  knowledgeBases: [{ title: 'Handbook', slug: 'handbook', host: 'handbook.seeded.test' }],
  users: [{ name: 'Only User', email: 'only@seeded.test' }],
};

describe('target.seed: the data set the embedded emulator starts from', () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeEach(async () => {
    ws = await workspace(false);
    await mkdir(join(ws.dir, 'seeds'));
  });
  afterEach(() => ws.cleanup());

  function config(target: UserConfig['target']) {
    const resolved = resolveConfig({
      file: { target },
      flags: {},
      env: {},
      cwd: ws.dir,
      configPath: join(ws.dir, 'pylon-kb.config.json'),
    });
    if (!('config' in resolved)) throw new Error(JSON.stringify(resolved.errors));
    return resolved.config;
  }

  it('starts from the seed file, relative to the config file', async () => {
    await writeFile(join(ws.dir, 'seeds', 'handbook.json'), JSON.stringify(SEED));
    const target = await openTarget(config({ kind: 'emulator', seed: 'seeds/handbook.json' }));
    try {
      expect((await target.client.listKnowledgeBases()).map((kb) => kb.slug)).toEqual(['handbook']);
      expect((await target.client.listUsers()).map((u) => u.email)).toEqual(['only@seeded.test']);
    } finally {
      await target.close();
    }
  });

  it('starts from the built-in seed without one, or with "default"', async () => {
    for (const seed of [undefined, 'default']) {
      const target = await openTarget(config({ kind: 'emulator', seed }));
      try {
        expect((await target.client.listKnowledgeBases()).map((kb) => kb.slug)).toContain('help-center');
      } finally {
        await target.close();
      }
    }
  });

  it('starts from a built-in seed by name, as pylon-kb emulator --seed does', async () => {
    const target = await openTarget(config({ kind: 'emulator', seed: 'editor-kb' }));
    try {
      expect((await target.client.listKnowledgeBases()).map((kb) => kb.slug)).toContain('northwind');
    } finally {
      await target.close();
    }
    await expect(openTarget(config({ kind: 'emulator', seed: 'editor-k' }))).rejects.toThrow(
      'target.seed "editor-k" is not a built-in seed (default, editor-kb). Did you mean "editor-kb"?',
    );
  });

  it('refuses a missing, non-JSON or invalid seed file, naming it and the key', async () => {
    const missing = openTarget(config({ kind: 'emulator', seed: 'seeds/none.json' }));
    await expect(missing).rejects.toBeInstanceOf(InputError);
    await expect(missing).rejects.toThrow(
      `Cannot read the emulator seed ${join(ws.dir, 'seeds', 'none.json')} (target.seed)`,
    );
    await writeFile(join(ws.dir, 'seeds', 'broken.json'), '{ "organization": ');
    await expect(openTarget(config({ kind: 'emulator', seed: 'seeds/broken.json' }))).rejects.toThrow(
      /The emulator seed .*broken\.json \(target\.seed\) is not JSON/,
    );
    await writeFile(join(ws.dir, 'seeds', 'empty.json'), JSON.stringify({ users: [] }));
    await expect(openTarget(config({ kind: 'emulator', seed: 'seeds/empty.json' }))).rejects.toThrow(
      /Invalid emulator seed: organization\.name is required \(in .*empty\.json, target\.seed\)/,
    );
  });

  it('is an input error on the command line: exit 2, the file named', async () => {
    await writeFile(
      join(ws.dir, 'pylon-kb.config.json'),
      JSON.stringify({ target: { kind: 'emulator', seed: 'seeds/none.json' } }),
    );
    await mkdir(join(ws.dir, 'docs'));
    const run = await runCli(['plan', ...CLI_FLAGS], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(target.seed)');
  });
});
