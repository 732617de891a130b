import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type EndpointName, rateLimitsFor } from '../../src/pylon-api/index.js';

describe('rate-limit presets', () => {
  it('documented: the April 2026 reference, endpoint by endpoint', () => {
    expect(rateLimitsFor('documented')).toEqual({
      listKnowledgeBases: 60,
      getKnowledgeBase: 60,
      listCollections: 20,
      getCollection: 20,
      createCollection: 10,
      updateCollection: 20,
      deleteCollection: 10,
      listArticles: 20,
      getArticle: 60,
      createArticle: 10,
      updateArticle: 20,
      deleteArticle: 20,
      createRouteRedirect: 10,
      getMe: 60,
      listUsers: 60,
      getUser: 60,
      searchUsers: 20,
      listUserRoles: 60,
      listTeams: 60,
      getTeam: 60,
      createAttachment: 10,
    });
  });

  it('raised: reads 300, updates and searches 120, creates and deletes 30', () => {
    expect(rateLimitsFor('raised')).toEqual({
      listKnowledgeBases: 300,
      getKnowledgeBase: 300,
      listCollections: 120,
      getCollection: 300,
      createCollection: 30,
      updateCollection: 120,
      deleteCollection: 30,
      listArticles: 120,
      getArticle: 300,
      createArticle: 30,
      updateArticle: 120,
      deleteArticle: 30,
      createRouteRedirect: 30,
      getMe: 300,
      listUsers: 300,
      getUser: 300,
      searchUsers: 120,
      listUserRoles: 300,
      listTeams: 300,
      getTeam: 300,
      createAttachment: 30,
    });
  });

  it('off has no limit, and an override wins over any preset', () => {
    const off = rateLimitsFor('off', { createArticle: 25 });
    expect(off.createArticle).toBe(25);
    expect(ENDPOINTS.filter((name) => name !== 'createArticle').map((name) => off[name])).toEqual(
      ENDPOINTS.slice(1).map(() => null),
    );
    expect(rateLimitsFor('raised', { getArticle: 7 }).getArticle).toBe(7);
  });
});

describe('the preset table in docs/config.md', () => {
  const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'config.md'), 'utf8');
  const rows = [...docs.matchAll(/^\| ((?:`\w+`(?:, )?)+) \| (\d+) \| (\d+) \|$/gm)].map((m) => ({
    endpoints: [...(m[1] as string).matchAll(/`(\w+)`/g)].map((e) => e[1] as string),
    documented: Number(m[2]),
    raised: Number(m[3]),
  }));

  it('names every endpoint once, with the limits the code uses', () => {
    expect(rows.flatMap((row) => row.endpoints).sort()).toEqual([...ENDPOINTS].sort());
    const documented = rateLimitsFor('documented');
    const raised = rateLimitsFor('raised');
    for (const row of rows) {
      for (const name of row.endpoints as EndpointName[]) {
        expect({ name, documented: documented[name], raised: raised[name] }).toEqual({
          name,
          documented: row.documented,
          raised: row.raised,
        });
      }
    }
  });
});
