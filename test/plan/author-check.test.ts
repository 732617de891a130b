import { describe, expect, it } from 'vitest';
import { checkAuthors } from '../../src/plan/author-check.js';
import type { AuthorDirectory } from '../../src/plan/authors.js';

const DIRECTORY: AuthorDirectory = {
  users: [
    { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@acme.test' },
    { id: 'u-alan', name: 'Alan Turing', email: 'alan@acme.test' },
  ],
  teams: [{ id: 't-docs', name: 'Docs', users: [{ id: 'u-alan' }] }],
  teamLeads: {},
};

const doc = (path: string, author?: string) => ({
  path,
  ...(author !== undefined && { author: { value: author, line: 4 } }),
});

describe('checkAuthors (check --remote)', () => {
  it('resolves emails, names, teams and the authors map; reports an unknown author at file, line, field', () => {
    const docs = [
      doc('a.md', 'ada@acme.test'),
      doc('b.md', 'Alan Turing'),
      doc('c.md', 'team:Docs'),
      doc('d.md', '@parkr'),
    ];
    expect(checkAuthors(docs, DIRECTORY, { authors: { parkr: 'alan@acme.test' } })).toEqual([]);
    expect(checkAuthors(docs, DIRECTORY, {})).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'author/unknown',
        file: 'd.md',
        line: 4,
        field: 'author',
      }),
    ]);
  });

  it('under unknownAuthors: default an unknown author is a warning naming the default author', () => {
    const [warning, ...rest] = checkAuthors([doc('d.md', 'parkr')], DIRECTORY, {
      unknownAuthors: 'default',
      defaultAuthor: 'ada@acme.test',
    });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', file: 'd.md', line: 4, field: 'author' });
    expect(warning?.message).toContain('The default author ada@acme.test is used');
  });

  it('reports an authors entry that maps to no user at the config file, by the policy', () => {
    const options = { authors: { grace: 'grace@acme.test' }, configFile: 'pylon-kb.config.ts' };
    expect(checkAuthors([], DIRECTORY, options)).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'pylon-kb.config.ts',
        field: 'authors.grace',
        message: expect.stringContaining('grace@acme.test'),
      }),
    ]);
    expect(checkAuthors([], DIRECTORY, { ...options, unknownAuthors: 'default' })[0]?.severity).toBe(
      'warning',
    );
  });

  it('reports an unknown default author once, used or not', () => {
    const docs = [doc('a.md'), doc('b.md'), doc('c.md')];
    const once = checkAuthors(docs, DIRECTORY, { defaultAuthor: 'nobody@acme.test' });
    expect(once).toEqual([expect.objectContaining({ field: 'defaultAuthor', code: 'author/unknown' })]);
    expect(checkAuthors([], DIRECTORY, { defaultAuthor: 'nobody@acme.test' })).toHaveLength(1);
    expect(checkAuthors(docs, DIRECTORY, {})).toEqual([
      expect.objectContaining({ code: 'author/missing', file: 'a.md' }),
      expect.objectContaining({ code: 'author/missing', file: 'b.md' }),
      expect.objectContaining({ code: 'author/missing', file: 'c.md' }),
    ]);
  });
});
