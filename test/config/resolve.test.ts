import { describe, expect, it } from 'vitest';
import { DEFAULTS, defineConfig } from '../../src/config/index.js';
import { CONFIG_PATH, CWD, EMULATOR, failed, resolved } from './helpers.js';

describe('defaults', () => {
  it('fills in every key when the config only chooses a target', () => {
    expect(resolved({ target: EMULATOR })).toEqual({
      configPath: CONFIG_PATH,
      rootDir: CWD,
      contentDir: '/work/site/docs',
      include: ['**/*.md', '**/*.markdown', '**/*.mdx'],
      exclude: [],
      knowledgeBase: null,
      target: {
        kind: 'emulator',
        seed: null,
        state: null,
        rateLimits: 'off',
        timeScale: 1,
        htmlNormalizer: true,
      },
      defaultAuthor: null,
      teams: {},
      publish: true,
      visibility: { visibility: 'public', unlisted: false },
      dropLeadingH1: true,
      rateLimits: { preset: 'documented', overrides: {}, timeScale: 1, learn: true },
      concurrency: 4,
      orphans: 'report',
      maxRetireRatio: 0.2,
      onDrift: 'fail',
      ownedCollections: [],
      adopt: false,
      collectionUpdates: false,
      strictLinks: false,
      site: 'auto',
      siteUrl: null,
      brokenAnchors: null,
      brokenLinks: null,
      strict: false,
      authors: {},
      unknownAuthors: null,
      maxAssetBytes: 20 * 1024 * 1024,
      translations: { layout: 'suffix', folder: 'i18n' },
      watch: { debounceMs: 150, publish: false },
      pull: { downloadTimeoutMs: 30_000 },
    });
  });

  it('keeps every value the file sets', () => {
    const file = defineConfig({
      contentDir: 'handbook',
      include: ['**/*.md', '**/*.mdx'],
      exclude: ['drafts/**'],
      knowledgeBase: 'help-center',
      target: EMULATOR,
      defaultAuthor: 'team:Docs',
      teams: { Docs: 'ada@acme.test' },
      publish: false,
      visibility: { visibility: 'customer' },
      dropLeadingH1: false,
      rateLimits: { preset: 'raised', overrides: { createArticle: 12 }, timeScale: 30 },
      concurrency: 8,
      orphans: 'unlist',
      maxRetireRatio: 0.5,
      onDrift: 'skip',
      ownedCollections: ['guides'],
      adopt: true,
      strictLinks: true,
      watch: { debounceMs: 300 },
      pull: { downloadTimeoutMs: 5000 },
    });
    const config = resolved(file);
    expect(config).toMatchObject({
      contentDir: '/work/site/handbook',
      include: ['**/*.md', '**/*.mdx'],
      exclude: ['drafts/**'],
      knowledgeBase: 'help-center',
      defaultAuthor: 'team:Docs',
      teams: { Docs: 'ada@acme.test' },
      publish: false,
      // a partial object keeps the defaults of the keys it leaves out
      visibility: { visibility: 'customer', unlisted: false },
      dropLeadingH1: false,
      rateLimits: { preset: 'raised', overrides: { createArticle: 12 }, timeScale: 30 },
      concurrency: 8,
      orphans: 'unlist',
      maxRetireRatio: 0.5,
      onDrift: 'skip',
      ownedCollections: ['guides'],
      adopt: true,
      strictLinks: true,
      watch: { debounceMs: 300, publish: false },
      pull: { downloadTimeoutMs: 5000 },
    });
    // the embedded emulator is ours: it enforces no limit unless its target sets one (nothing paces)
    expect(config.target).toMatchObject({ kind: 'emulator', rateLimits: 'off', timeScale: 30 });
  });

  it('does not share default objects between results', () => {
    const a = resolved({ target: EMULATOR });
    a.include.push('x');
    a.teams.X = 'x@acme.test';
    const b = resolved({ target: EMULATOR });
    expect(b.include).toEqual(['**/*.md', '**/*.markdown', '**/*.mdx']);
    expect(b.teams).toEqual({});
    expect(DEFAULTS.include).toEqual(['**/*.md', '**/*.markdown', '**/*.mdx']);
  });

  it('accepts undefined values, as from process.env lookups', () => {
    const config = resolved({ knowledgeBase: undefined, target: { kind: 'emulator', seed: undefined } });
    expect(config.knowledgeBase).toBeNull();
    expect(config.target).toMatchObject({ seed: null });
  });

  it('trims string values', () => {
    expect(resolved({ knowledgeBase: '  help-center ', target: EMULATOR }).knowledgeBase).toBe('help-center');
  });
});

describe('paths', () => {
  it('resolves contentDir and the emulator state file against the config file folder', () => {
    const config = resolved(
      { contentDir: '../content', target: { kind: 'emulator', state: '.pylon-kb/state.json' } },
      { configPath: '/repo/tools/pylon-kb.config.ts', cwd: '/elsewhere' },
    );
    expect(config.rootDir).toBe('/repo/tools');
    expect(config.contentDir).toBe('/repo/content');
    expect(config.target).toMatchObject({ state: '/repo/tools/.pylon-kb/state.json' });
  });

  it('resolves against the cwd when there is no config file', () => {
    const config = resolved(undefined, { flags: { target: 'emulator' }, cwd: '/work/site' });
    expect(config.configPath).toBeNull();
    expect(config.rootDir).toBe('/work/site');
    expect(config.contentDir).toBe('/work/site/docs');
  });

  it('resolves a relative config path against the cwd', () => {
    const config = resolved(
      { target: EMULATOR },
      { configPath: 'conf/pylon-kb.config.ts', cwd: '/work/site' },
    );
    expect(config.configPath).toBe('/work/site/conf/pylon-kb.config.ts');
    expect(config.contentDir).toBe('/work/site/conf/docs');
  });

  it('resolves --content-dir against the cwd, as a shell path', () => {
    const config = resolved(
      { contentDir: 'docs', target: EMULATOR },
      {
        configPath: '/repo/pylon-kb.config.ts',
        cwd: '/repo/packages/web',
        flags: { contentDir: 'site-docs' },
      },
    );
    expect(config.contentDir).toBe('/repo/packages/web/site-docs');
  });

  it('keeps an absolute contentDir as it is', () => {
    expect(resolved({ contentDir: '/srv/docs', target: EMULATOR }).contentDir).toBe('/srv/docs');
  });
});

describe('precedence: defaults < file < env < flags', () => {
  const file = {
    knowledgeBase: 'from-file',
    defaultAuthor: 'file@acme.test',
    publish: true,
    concurrency: 2,
    rateLimits: { preset: 'raised', timeScale: 10, overrides: { listArticles: 5 } },
    target: { kind: 'pylon', apiUrl: 'https://file.example', token: 'ptk_file_token' },
  } as const;

  it('uses the file over the defaults', () => {
    const config = resolved(file);
    expect(config.knowledgeBase).toBe('from-file');
    expect(config.concurrency).toBe(2);
    expect(config.target).toEqual({ kind: 'pylon', apiUrl: 'https://file.example', token: 'ptk_file_token' });
  });

  it('uses the environment over the file', () => {
    const config = resolved(file, {
      env: {
        PYLON_KB: 'from-env',
        PYLON_AUTHOR: 'env@acme.test',
        PYLON_API_URL: 'https://env.example/',
        PYLON_API_TOKEN: 'ptk_env_token',
      },
    });
    expect(config.knowledgeBase).toBe('from-env');
    expect(config.defaultAuthor).toBe('env@acme.test');
    expect(config.target).toEqual({ kind: 'pylon', apiUrl: 'https://env.example', token: 'ptk_env_token' });
  });

  it('uses flags over the environment and the file', () => {
    const config = resolved(file, {
      env: { PYLON_KB: 'from-env', PYLON_AUTHOR: 'env@acme.test' },
      flags: {
        kb: 'from-flag',
        author: 'flag@acme.test',
        publish: false,
        rateLimits: 'off',
        timeScale: '60',
        concurrency: '16',
        contentDir: 'flag-docs',
      },
    });
    expect(config.knowledgeBase).toBe('from-flag');
    expect(config.defaultAuthor).toBe('flag@acme.test');
    expect(config.publish).toBe(false);
    expect(config.concurrency).toBe(16);
    expect(config.contentDir).toBe('/work/site/flag-docs');
    // flags replace single keys; the file's other rateLimits keys stay
    expect(config.rateLimits).toEqual({
      preset: 'off',
      timeScale: 60,
      overrides: { listArticles: 5 },
      learn: true,
    });
  });

  it('accepts numeric flags as numbers too', () => {
    expect(resolved({ target: EMULATOR }, { flags: { concurrency: 3, timeScale: 0.5 } })).toMatchObject({
      concurrency: 3,
      rateLimits: { timeScale: 0.5 },
    });
  });

  it('treats empty environment variables as unset', () => {
    const config = resolved(
      { knowledgeBase: 'from-file', target: EMULATOR },
      { env: { PYLON_KB: '', PYLON_AUTHOR: ' ' } },
    );
    expect(config.knowledgeBase).toBe('from-file');
    expect(config.defaultAuthor).toBeNull();
  });

  it('lets --time-scale set the emulator clock too, over target.timeScale', () => {
    const target = { kind: 'emulator', timeScale: 5, rateLimits: 'raised' } as const;
    expect(resolved({ target }).target).toMatchObject({ timeScale: 5, rateLimits: 'raised' });
    expect(resolved({ target }, { flags: { timeScale: '100', rateLimits: 'off' } }).target).toMatchObject({
      timeScale: 100,
      // the preset flag is the client's policy; the emulator keeps the preset its target sets
      rateLimits: 'raised',
    });
  });
});

describe('target rule', () => {
  it('is Pylon when the environment has a token and nothing chooses the emulator', () => {
    expect(resolved(undefined, { env: { PYLON_API_TOKEN: 'ptk_abc' } }).target).toEqual({
      kind: 'pylon',
      apiUrl: 'https://api.usepylon.com',
      token: 'ptk_abc',
    });
    expect(resolved({ knowledgeBase: 'kb' }, { env: { PYLON_API_TOKEN: 'ptk_abc' } }).target.kind).toBe(
      'pylon',
    );
  });

  it('is Pylon when the config file holds the token', () => {
    expect(resolved({ target: { kind: 'pylon', token: 'ptk_cfg' } }).target).toMatchObject({
      kind: 'pylon',
      token: 'ptk_cfg',
    });
  });

  it('prefers the environment token over the config token', () => {
    const config = resolved(
      { target: { kind: 'pylon', token: 'ptk_cfg' } },
      { env: { PYLON_API_TOKEN: 'ptk_env' } },
    );
    expect(config.target).toMatchObject({ token: 'ptk_env' });
  });

  it('is the emulator when the config file says so, even with a token in the environment', () => {
    const config = resolved(
      { target: { kind: 'emulator', seed: 'seeds/empty.json' } },
      { env: { PYLON_API_TOKEN: 'ptk_abc' } },
    );
    // A seed file is resolved against the config file's folder.
    expect(config.target).toMatchObject({ kind: 'emulator', seed: '/work/site/seeds/empty.json' });
  });

  it('is the emulator with --target emulator, whatever the file and env say', () => {
    const config = resolved(
      { target: { kind: 'pylon', token: 'ptk_cfg' } },
      { env: { PYLON_API_TOKEN: 'ptk_abc' }, flags: { target: 'emulator' } },
    );
    expect(config.target).toEqual({
      kind: 'emulator',
      seed: null,
      state: null,
      rateLimits: 'off',
      timeScale: 1,
      htmlNormalizer: true,
    });
  });

  it('is Pylon with --target pylon over an emulator config file, when a token is set', () => {
    const config = resolved(
      { target: EMULATOR },
      { flags: { target: 'pylon' }, env: { PYLON_API_TOKEN: 'ptk_x' } },
    );
    expect(config.target).toEqual({ kind: 'pylon', apiUrl: 'https://api.usepylon.com', token: 'ptk_x' });
  });

  it('is an error with no config file and no token', () => {
    const errors = failed(undefined);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'config/invalid', severity: 'error', field: 'target' });
    expect(errors[0]?.message).toContain('Set PYLON_API_TOKEN or use --target emulator.');
    expect(errors[0]?.hint).toContain('--target emulator');
  });

  it('is an error with a config file that does not choose the emulator and no token', () => {
    const errors = failed({ knowledgeBase: 'kb' });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'config/invalid', file: CONFIG_PATH, field: 'target' }),
    ]);
  });

  it('is an error when the target is Pylon but there is no token', () => {
    for (const errors of [
      failed({ target: { kind: 'pylon' } }),
      failed(undefined, { flags: { target: 'pylon' } }),
    ]) {
      expect(errors[0]?.message).toBe(
        'The target is Pylon but no API token is set. Set PYLON_API_TOKEN or use --target emulator.',
      );
    }
  });

  it('ignores an empty PYLON_API_TOKEN', () => {
    expect(failed(undefined, { env: { PYLON_API_TOKEN: '' } })[0]?.field).toBe('target');
  });

  it('takes the API URL from the environment, then the file, then the default', () => {
    const token = { PYLON_API_TOKEN: 'ptk_t' };
    const eu = { kind: 'pylon', apiUrl: 'https://api.eu.usepylon.com' } as const;
    expect(resolved({ target: eu }, { env: token }).target).toMatchObject({
      apiUrl: 'https://api.eu.usepylon.com',
    });
    expect(
      resolved({ target: eu }, { env: { ...token, PYLON_API_URL: 'http://127.0.0.1:4010' } }).target,
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:4010' });
  });
});
