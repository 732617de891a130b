import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfigFile, resolveConfig } from '../../src/config/index.js';

const SRC_CONFIG = resolve(import.meta.dirname, '../../src/config/index.js');
const REPO = resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pylon-kb-config-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const TS_CONFIG = `
import { defineConfig, type UserConfig } from ${JSON.stringify(SRC_CONFIG)};

interface Lead { team: string; email: string }
const leads: Lead[] = [{ team: 'Support', email: 'grace@acme.test' }];
const base = { contentDir: 'kb-docs', knowledgeBase: 'help-center' } satisfies UserConfig;

export default defineConfig({
  ...base,
  teams: Object.fromEntries(leads.map((l): [string, string] => [l.team, l.email])),
  target: { kind: 'emulator', timeScale: 60 as number },
});
`;

describe('loadConfigFile', () => {
  it('loads a TypeScript config through jiti, with type syntax and an import of defineConfig', async () => {
    await writeFile(join(dir, 'pylon-kb.config.ts'), TS_CONFIG);
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded).toEqual({
      path: join(dir, 'pylon-kb.config.ts'),
      config: {
        contentDir: 'kb-docs',
        knowledgeBase: 'help-center',
        teams: { Support: 'grace@acme.test' },
        target: { kind: 'emulator', timeScale: 60 },
      },
    });
    const result = resolveConfig({
      file: loaded.config,
      flags: {},
      env: {},
      cwd: '/',
      configPath: loaded.path,
    });
    expect(result).toMatchObject({ config: { contentDir: join(dir, 'kb-docs'), target: { timeScale: 60 } } });
  });

  it.each([
    ['pylon-kb.config.mts', 'export default { knowledgeBase: "mts" };'],
    ['pylon-kb.config.js', 'export default { knowledgeBase: "js" };'],
    ['pylon-kb.config.mjs', 'export default { knowledgeBase: "mjs" };'],
    ['pylon-kb.config.json', '{ "knowledgeBase": "json" }'],
  ])('finds %s', async (name, text) => {
    await writeFile(join(dir, name), text);
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.path).toBe(join(dir, name));
    expect(loaded.config).toEqual({ knowledgeBase: name.split('.').at(-1) });
  });

  it('prefers .ts when several config files exist', async () => {
    await writeFile(join(dir, 'pylon-kb.config.json'), '{ "knowledgeBase": "json" }');
    await writeFile(join(dir, 'pylon-kb.config.ts'), 'export default { knowledgeBase: "ts" as string };');
    expect((await loadConfigFile(undefined, dir)).config).toEqual({ knowledgeBase: 'ts' });
  });

  it('returns no config when there is no file', async () => {
    expect(await loadConfigFile(undefined, dir)).toEqual({ config: undefined });
  });

  it('loads an explicit path relative to the cwd, whatever its name', async () => {
    await writeFile(join(dir, 'staging.config.ts'), 'export default { knowledgeBase: "staging" };');
    const loaded = await loadConfigFile('staging.config.ts', dir);
    expect(loaded).toEqual({ path: join(dir, 'staging.config.ts'), config: { knowledgeBase: 'staging' } });
  });

  it('throws when an explicit path does not exist, naming it and the fix', async () => {
    await expect(loadConfigFile('missing.config.ts', dir)).rejects.toThrow(
      `Config file ${join(dir, 'missing.config.ts')} does not exist. Check the --config path`,
    );
  });

  it('throws on a syntax error, naming the file, without quoting its contents', async () => {
    const file = join(dir, 'pylon-kb.config.ts');
    await writeFile(
      file,
      "export default {\n  target: { kind: 'pylon', token: 'ptk_do_not_print' }\n  knowledgeBase: 'x'\n};\n",
    );
    const error = await loadConfigFile(undefined, dir).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(`^Could not load ${file}: .+ \\(line 3, column 2\\)\\. Fix the error in the file`),
    );
    expect((error as Error).message).not.toContain('ptk_do_not_print');
  });

  it('throws when the config throws while it runs', async () => {
    await writeFile(join(dir, 'pylon-kb.config.mjs'), 'throw new Error("PYLON_KB is required");');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(
      `Could not load ${join(dir, 'pylon-kb.config.mjs')}: PYLON_KB is required.`,
    );
  });

  it('throws when there is no default export', async () => {
    await writeFile(join(dir, 'pylon-kb.config.ts'), 'export const config = { knowledgeBase: "kb" };');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(
      `${join(dir, 'pylon-kb.config.ts')} has no default export. End it with: export default defineConfig({ ... });`,
    );
  });

  it('waits for a default export that is a promise', async () => {
    await writeFile(
      join(dir, 'pylon-kb.config.mjs'),
      'export default new Promise((resolve) => setTimeout(() => resolve({ knowledgeBase: "later" }), 20));',
    );
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded.config).toEqual({ knowledgeBase: 'later' });
  });

  it('names the file and the reason when the default export is a rejected promise', async () => {
    await writeFile(join(dir, 'pylon-kb.config.ts'), 'export default Promise.reject(new Error("nope"));');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(
      `The default export of ${join(dir, 'pylon-kb.config.ts')} is a promise that was rejected: nope. Fix what the config waits for`,
    );
  });

  it('names the file after the timeout when the default export never settles', async () => {
    await writeFile(join(dir, 'pylon-kb.config.js'), 'export default new Promise(() => {});');
    await expect(loadConfigFile(undefined, dir, { settleTimeoutMs: 200 })).rejects.toThrow(
      `${join(dir, 'pylon-kb.config.js')} did not finish loading within 0.2 s: its default export waits for a promise that never settles.`,
    );
  });

  it('names the file after the timeout when a top-level await never settles', async () => {
    await writeFile(
      join(dir, 'pylon-kb.config.mjs'),
      'await new Promise(() => {});\nexport default { knowledgeBase: "kb" };',
    );
    await expect(loadConfigFile(undefined, dir, { importTimeoutMs: 200 })).rejects.toThrow(
      `${join(dir, 'pylon-kb.config.mjs')} did not finish loading within 0.2 s: its module (or a top-level await in it) waits`,
    );
  });

  it('throws on invalid JSON, naming the file', async () => {
    await writeFile(join(dir, 'pylon-kb.config.json'), '{ "knowledgeBase": }');
    await expect(loadConfigFile(undefined, dir)).rejects.toThrow(
      new RegExp(`^${join(dir, 'pylon-kb.config.json')} is not valid JSON \\(.+\\)\\. Fix the syntax`),
    );
  });

  it('sees edits on the next load (watch mode reloads the config)', async () => {
    const file = join(dir, 'pylon-kb.config.ts');
    await writeFile(file, 'export default { concurrency: 1 };');
    expect((await loadConfigFile(undefined, dir)).config).toEqual({ concurrency: 1 });
    await writeFile(file, 'export default { concurrency: 2 };');
    expect((await loadConfigFile(undefined, dir)).config).toEqual({ concurrency: 2 });
  });

  it('sees edits to an .mjs config on the next load', async () => {
    const file = join(dir, 'pylon-kb.config.mjs');
    for (const concurrency of [1, 2, 3]) {
      await writeFile(file, `export default { concurrency: ${concurrency} };`);
      expect((await loadConfigFile(undefined, dir)).config).toEqual({ concurrency });
    }
  });
});

describe("the repository's own pylon-kb.config.ts", () => {
  it('loads and targets the embedded emulator without a token', async () => {
    vi.stubEnv('PYLON_API_TOKEN', '');
    const loaded = await loadConfigFile(undefined, REPO);
    expect(loaded.path).toBe(join(REPO, 'pylon-kb.config.ts'));
    const result = resolveConfig({
      file: loaded.config,
      flags: {},
      env: {},
      cwd: REPO,
      configPath: loaded.path,
    });
    if ('errors' in result) throw new Error(JSON.stringify(result.errors));
    expect(result.config).toMatchObject({
      contentDir: join(REPO, 'content-example'),
      knowledgeBase: 'help-center',
      defaultAuthor: 'ada@acme.test',
      teams: { Support: 'grace@acme.test', Docs: 'ada@acme.test' },
      target: { kind: 'emulator' },
    });
  });

  it('targets Pylon when PYLON_API_TOKEN is set', async () => {
    vi.stubEnv('PYLON_API_TOKEN', 'ptk_test');
    const loaded = await loadConfigFile(undefined, REPO);
    const env = { PYLON_API_TOKEN: 'ptk_test' };
    const result = resolveConfig({ file: loaded.config, flags: {}, env, cwd: REPO, configPath: loaded.path });
    expect(result).toMatchObject({ config: { target: { kind: 'pylon', token: 'ptk_test' } } });
  });
});
