import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { CONFIG_PATH, EMULATOR, failed } from './helpers.js';

describe('invalid values name the key and what it allows', () => {
  const cases: Array<[string, unknown, string, string]> = [
    [
      'rateLimits.preset',
      { rateLimits: { preset: 'fast' } },
      'must be one of "documented", "current", "raised", "off"',
      '"fast"',
    ],
    ['rateLimits.timeScale', { rateLimits: { timeScale: 0 } }, 'must be a number greater than 0', '0'],
    [
      'rateLimits.overrides.createArticle',
      { rateLimits: { overrides: { createArticle: -1 } } },
      'must be requests per minute, a number greater than 0',
      '-1',
    ],
    ['concurrency', { concurrency: 0 }, 'must be an integer from 1 to 32', '0'],
    ['concurrency', { concurrency: 33 }, 'must be an integer from 1 to 32', '33'],
    ['concurrency', { concurrency: 2.5 }, 'must be an integer from 1 to 32', '2.5'],
    ['concurrency', { concurrency: '4' }, 'must be an integer from 1 to 32', '"4"'],
    ['contentDir', { contentDir: '' }, 'must be a folder path', '""'],
    ['include', { include: '**/*.md' }, 'must be a list of glob strings, e.g. ["**/*.md"]', '"**/*.md"'],
    ['exclude.1', { exclude: ['a/**', 3] }, 'must be a non-empty string', '3'],
    ['knowledgeBase', { knowledgeBase: 42 }, 'must be a knowledge base id or slug', '42'],
    [
      'defaultAuthor',
      { defaultAuthor: 'team:' },
      'must be an email, a user id, a user name, or "team:<name>"',
      '"team:"',
    ],
    ['teams.Support', { teams: { Support: 'grace' } }, 'must be the email of the team lead', '"grace"'],
    ['teams', { teams: ['grace@acme.test'] }, 'must be an object of team name → lead email', 'a list'],
    ['publish', { publish: 'yes' }, 'must be true or false', '"yes"'],
    [
      'visibility.visibility',
      { visibility: { visibility: 'private' } },
      'must be one of "public", "customer", "internal_only"',
      '"private"',
    ],
    ['visibility.unlisted', { visibility: { unlisted: 1 } }, 'must be true or false', '1'],
    ['dropLeadingH1', { dropLeadingH1: null }, 'must be true or false', 'null'],
    ['orphans', { orphans: 'archive' }, 'must be one of "report", "unlist", "delete"', '"archive"'],
    ['maxRetireRatio', { maxRetireRatio: 1.5 }, 'must be a number from 0 to 1', '1.5'],
    ['onDrift', { onDrift: 'ignore' }, 'must be one of "fail", "skip", "overwrite"', '"ignore"'],
    ['ownedCollections.0', { ownedCollections: [''] }, 'must be a collection slug or id', '""'],
    ['adopt', { adopt: 'no' }, 'must be true or false', '"no"'],
    ['strictLinks', { strictLinks: 0 }, 'must be true or false', '0'],
    ['watch.debounceMs', { watch: { debounceMs: -5 } }, 'must be an integer from 0 to 60000', '-5'],
    ['watch.publish', { watch: { publish: 'true' } }, 'must be true or false', '"true"'],
    [
      'target.kind',
      { target: { kind: 'zapier' } },
      'must be one of "pylon", "emulator", "truto"',
      '"zapier"',
    ],
    ['target.kind', { target: {} }, 'must be one of "pylon", "emulator", "truto"', 'nothing'],
    [
      'target',
      { target: 'emulator' },
      'must be an object whose kind is one of "pylon", "emulator", "truto"',
      '"emulator"',
    ],
    [
      'target.apiUrl',
      { target: { kind: 'pylon', apiUrl: 'api.usepylon.com' } },
      'must be an http(s) URL',
      '"api.usepylon.com"',
    ],
    [
      'target.rateLimits',
      { target: { kind: 'emulator', rateLimits: 'none' } },
      'must be one of "documented", "current", "raised", "off"',
      '"none"',
    ],
    [
      'target.timeScale',
      { target: { kind: 'emulator', timeScale: -1 } },
      'must be a number greater than 0',
      '-1',
    ],
    [
      'target.htmlNormalizer',
      { target: { kind: 'emulator', htmlNormalizer: 'on' } },
      'must be true or false',
      '"on"',
    ],
  ];

  it.each(cases)('%s', (field, config, allowed, got) => {
    const errors = failed({ target: EMULATOR, ...(config as object) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({
      severity: 'error',
      code: 'config/invalid',
      file: CONFIG_PATH,
      field,
      message: `${field} ${allowed} (got ${got}).`,
      hint: expect.stringContaining(`Set ${field} in ${CONFIG_PATH} to ${allowed.replace(/^must be /, '')}`),
    });
  });

  it('mentions the default in the hint when the key has one', () => {
    expect(failed({ target: EMULATOR, concurrency: 0 })[0]?.hint).toBe(
      `Set concurrency in ${CONFIG_PATH} to an integer from 1 to 32, or leave it out to use the default (4).`,
    );
  });

  it('reports every problem at once, in the order of the reference', () => {
    const errors = failed({ target: EMULATOR, concurrency: 0, publish: 'no', contentDri: 'x' });
    expect(errors.map((e) => e.field)).toEqual(['publish', 'concurrency', 'contentDri']);
  });

  it('says so when the config is not an object', () => {
    expect(failed('docs')).toEqual([
      {
        severity: 'error',
        code: 'config/invalid',
        file: CONFIG_PATH,
        message: 'The config must be an object (got "docs").',
        hint: 'Export it as: export default defineConfig({ ... }).',
      },
    ]);
  });

  it('formats as one readable line plus the hint', () => {
    const [error] = failed({ target: EMULATOR, rateLimits: { preset: 'fast' } });
    expect(formatDiagnostic(error!)).toBe(
      `${CONFIG_PATH} error [config/invalid] rateLimits.preset must be one of "documented", "current", "raised", "off" ` +
        `(got "fast"). (field: rateLimits.preset)\n  Set rateLimits.preset in ${CONFIG_PATH} to one of ` +
        `"documented", "current", "raised", "off", or leave it out to use the default ("documented").`,
    );
  });
});

describe('invalid flags and environment variables name themselves', () => {
  it.each([
    [
      { rateLimits: 'fast' },
      '--rate-limits (rateLimits.preset) must be one of "documented", "current", "raised", "off" (got "fast").',
    ],
    [
      { timeScale: 'abc' },
      '--time-scale (rateLimits.timeScale) must be a number greater than 0 (got "abc").',
    ],
    [{ concurrency: '64' }, '--concurrency (concurrency) must be an integer from 1 to 32 (got 64).'],
    [
      { target: 'staging' },
      '--target (target.kind) must be one of "pylon", "emulator", "truto" (got "staging").',
    ],
    [{ kb: '' }, '--kb (knowledgeBase) must be a knowledge base id or slug (got "").'],
  ])('%o', (flags, message) => {
    const errors = failed({ target: EMULATOR }, { flags });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(message);
    expect(errors[0]).not.toHaveProperty('file');
    expect(errors[0]?.hint).toMatch(/^Set the flag --/);
  });

  it('names PYLON_API_URL', () => {
    const errors = failed({ target: EMULATOR }, { env: { PYLON_API_URL: 'localhost:4010' } });
    expect(errors).toEqual([
      {
        severity: 'error',
        code: 'config/invalid',
        field: 'target.apiUrl',
        message: 'PYLON_API_URL (target.apiUrl) must be an http(s) URL (got "localhost:4010").',
        hint: 'Set the environment variable PYLON_API_URL to an http(s) URL.',
      },
    ]);
  });
});

describe('unknown keys', () => {
  it.each([
    [{ contentDri: 'docs' }, 'contentDri', 'Unknown key "contentDri"; did you mean "contentDir"?'],
    [{ knowledgebase: 'kb' }, 'knowledgebase', 'Unknown key "knowledgebase"; did you mean "knowledgeBase"?'],
    [{ rateLimit: {} }, 'rateLimit', 'Unknown key "rateLimit"; did you mean "rateLimits"?'],
    [
      { rateLimits: { presets: 'raised' } },
      'rateLimits.presets',
      'Unknown key "rateLimits.presets"; did you mean "rateLimits.preset"?',
    ],
    [
      { rateLimits: { overrides: { createArticles: 5 } } },
      'rateLimits.overrides.createArticles',
      'Unknown key "rateLimits.overrides.createArticles"; did you mean "rateLimits.overrides.createArticle"?',
    ],
    [
      { watch: { debounce: 100 } },
      'watch.debounce',
      'Unknown key "watch.debounce"; did you mean "watch.debounceMs"?',
    ],
    [
      { visibility: { unlist: true } },
      'visibility.unlist',
      'Unknown key "visibility.unlist"; did you mean "visibility.unlisted"?',
    ],
    // a key written at the wrong level points at where it belongs
    [{ preset: 'raised' }, 'preset', 'Unknown key "preset"; did you mean "rateLimits.preset"?'],
    [{ apiUrl: 'https://x.test' }, 'apiUrl', 'Unknown key "apiUrl"; did you mean "target.apiUrl"?'],
    // names other tools use
    [{ kb: 'help-center' }, 'kb', 'Unknown key "kb"; did you mean "knowledgeBase"?'],
    [{ author: 'ada@acme.test' }, 'author', 'Unknown key "author"; did you mean "defaultAuthor"?'],
    [{ constructor: 1 }, 'constructor', 'Unknown key "constructor"'],
    // no suggestion when nothing is close
    [{ colour: 'blue' }, 'colour', 'Unknown key "colour"'],
  ])('%o', (config, field, message) => {
    const errors = failed({ target: EMULATOR, ...config });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'config/invalid', file: CONFIG_PATH, field, message });
    expect(errors[0]?.hint).toMatch(/^Keys allowed (at the top level|in [\w.]+): /);
  });

  it('suggests keys of the chosen target kind', () => {
    const pylon = failed({ target: { kind: 'pylon', tokn: 'x' } });
    expect(pylon[0]).toMatchObject({
      field: 'target.tokn',
      message: 'Unknown key "target.tokn"; did you mean "target.token"?',
      hint: 'Keys allowed in target: kind, apiUrl, token.',
    });
    const emulator = failed({ target: { kind: 'emulator', timescale: 2 } });
    expect(emulator[0]).toMatchObject({
      message: 'Unknown key "target.timescale"; did you mean "target.timeScale"?',
      hint: 'Keys allowed in target: kind, seed, state, rateLimits, timeScale, htmlNormalizer.',
    });
  });

  it('lists the top-level keys in the hint', () => {
    expect(failed({ target: EMULATOR, colour: 'blue' })[0]?.hint).toBe(
      'Keys allowed at the top level: contentDir, include, exclude, knowledgeBase, target, defaultAuthor, teams, ' +
        'publish, visibility, dropLeadingH1, rateLimits, concurrency, orphans, maxRetireRatio, onDrift, ' +
        'ownedCollections, adopt, collectionUpdates, strictLinks, site, siteUrl, brokenAnchors, brokenLinks, strict, authors, unknownAuthors, ' +
        'maxAssetBytes, translations, watch, pull.',
    );
  });
});

describe('the token never appears in errors', () => {
  const secret = 'ptk_live_9f8e7d6c5b4a';
  const leaks = (value: unknown) => JSON.stringify(value).includes(secret);

  it('not when the config is invalid elsewhere', () => {
    const errors = failed(
      { target: { kind: 'pylon', token: secret }, concurrency: 99 },
      { env: { PYLON_API_TOKEN: secret } },
    );
    expect(errors).toHaveLength(1);
    expect(leaks(errors)).toBe(false);
  });

  it('not when the token is under a misspelt key', () => {
    const errors = failed({ target: { kind: 'pylon', tokne: secret } });
    expect(errors[0]?.field).toBe('target.tokne');
    expect(leaks(errors)).toBe(false);
  });

  it('not when the token is pasted into another key', () => {
    for (const file of [
      { target: { kind: 'pylon', apiUrl: secret, token: secret } },
      {
        target: { kind: 'pylon', token: secret },
        knowledgeBase: 7,
        defaultAuthor: `team:${secret}`,
        teams: { Docs: secret },
      },
    ]) {
      const errors = failed(file);
      expect(errors.length).toBeGreaterThan(0);
      expect(leaks(errors)).toBe(false);
    }
  });

  it('not when the environment token is pasted into a flag', () => {
    const errors = failed(
      { target: EMULATOR },
      { env: { PYLON_API_TOKEN: secret }, flags: { rateLimits: secret } },
    );
    expect(errors[0]?.message).toBe(
      '--rate-limits (rateLimits.preset) must be one of "documented", "current", "raised", "off" (got "[redacted]").',
    );
    expect(leaks(errors)).toBe(false);
  });

  it('not when the token value itself is invalid', () => {
    const errors = failed({ target: { kind: 'pylon', token: `   ` } }, { env: { PYLON_API_URL: 'nope' } });
    expect(errors.find((e) => e.field === 'target.token')?.message).toBe(
      'target.token must be a non-empty string (the Pylon API token) (got a value that is not shown).',
    );
  });
});
