import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Guards the shape of content-example/, the tree `npm start` publishes and the end-to-end tests use.
const ROOT = resolve(import.meta.dirname, '../../content-example');
const SEED_EMAILS = [
  'ada@acme.test',
  'grace@acme.test',
  'alan@acme.test',
  'katherine@acme.test',
  'margaret@acme.test',
];
const SEED_TEAMS = ['Support', 'Docs'];

interface Doc {
  path: string;
  fm: Record<string, unknown>;
  body: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat().sort();
}

function split(text: string): { fm: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return match
    ? { fm: parse(match[1] ?? '') ?? {}, body: text.slice(match[0].length) }
    : { fm: {}, body: text };
}

let files: string[];
let docs: Doc[];
beforeAll(async () => {
  files = (await walk(ROOT)).map((f) => relative(ROOT, f));
  docs = await Promise.all(
    files
      // Articles: Markdown files other than folder metadata and translations (`name.<lang>.md`).
      .filter(
        (f) => f.endsWith('.md') && !f.endsWith('_index.md') && !/\.[a-z]{2}(?:-[A-Z]{2})?\.md$/.test(f),
      )
      .map(async (path) => ({ path, ...split(await readFile(join(ROOT, path), 'utf8')) })),
  );
});

const slugOf = (d: Doc) =>
  typeof d.fm.slug === 'string' ? d.fm.slug : (d.path.split('/').at(-1) ?? '').slice(0, -3);

describe('content-example', () => {
  it('has 15 to 25 articles in three or more top-level folders, with nesting, and no root README', () => {
    expect(docs.length).toBeGreaterThanOrEqual(15);
    expect(docs.length).toBeLessThanOrEqual(25);
    expect(new Set(files.map((f) => f.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    expect(files.some((f) => f.split('/').length >= 3 && f.endsWith('.md'))).toBe(true);
    expect(files.every((f) => f.includes('/'))).toBe(true);
  });

  it('describes folders with both _category_.json and _index.md', async () => {
    const categories = files.filter((f) => f.endsWith('_category_.json'));
    const indexes = files.filter((f) => f.endsWith('_index.md'));
    expect(categories.length).toBeGreaterThan(0);
    expect(indexes.length).toBeGreaterThan(0);
    for (const f of categories) {
      expect(Object.keys(JSON.parse(await readFile(join(ROOT, f), 'utf8'))).sort()).toEqual([
        'description',
        'label',
        'position',
      ]);
    }
    for (const f of indexes) {
      const { fm } = split(await readFile(join(ROOT, f), 'utf8'));
      expect(fm).toMatchObject({
        title: expect.any(String),
        description: expect.any(String),
        order: expect.any(Number),
      });
    }
  });

  it('gives every article a title and a unique, valid slug', () => {
    const slugs = docs.map(slugOf);
    for (const d of docs) expect(d.fm.title, d.path).toEqual(expect.any(String));
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(docs.filter((d) => 'slug' in d.fm).length).toBeGreaterThan(0);
    expect(docs.filter((d) => 'id' in d.fm).length).toBeGreaterThan(0);
  });

  it('uses only authors the emulator seed knows, by email and by team', () => {
    const authors = docs.map((d) => d.fm.author).filter((a): a is string => typeof a === 'string');
    for (const author of authors) {
      if (author.startsWith('team:')) expect(SEED_TEAMS).toContain(author.slice(5));
      else expect(SEED_EMAILS).toContain(author);
    }
    expect(authors.some((a) => a.startsWith('team:Support'))).toBe(true);
    expect(authors.some((a) => a.includes('@'))).toBe(true);
  });

  it('has exactly one draft, one unlisted and one customer-only article', () => {
    expect(docs.filter((d) => d.fm.draft === true)).toHaveLength(1);
    expect(docs.filter((d) => d.fm.unlisted === true)).toHaveLength(1);
    expect(docs.filter((d) => d.fm.visibility === 'customer')).toHaveLength(1);
  });

  it('keeps each article between 150 and 600 words', () => {
    for (const d of docs) {
      const words = d.body.split(/\s+/).filter(Boolean).length;
      expect(words, d.path).toBeGreaterThanOrEqual(150);
      expect(words, d.path).toBeLessThanOrEqual(600);
    }
  });

  it('exercises the Markdown features the publisher must handle', () => {
    const all = docs.map((d) => d.body).join('\n');
    for (const lang of ['bash', 'json', 'yaml', 'ts']) expect(all).toContain(`\`\`\`${lang}\n`);
    for (const kind of ['NOTE', 'WARNING', 'TIP']) expect(all).toContain(`> [!${kind}]`);
    expect(all).toMatch(/^\| :?-+:? \|/m); // a GFM table
    expect(all).toMatch(/\| :-+: \|/); // centred column
    expect(all).toMatch(/\| -+: \|/); // right-aligned column
    expect(all).toMatch(/^- \[ \] /m);
    expect(all).toMatch(/^- \[x\] /m);
    expect(all).toMatch(/^ {2}- /m); // nested list
  });

  it('uses cross-links with anchors, a shared image and a translation, and no raw HTML', () => {
    const all = docs.map((d) => d.body).join('\n');
    expect(all).toMatch(/\]\([^)]*\.md#[a-z0-9-]+\)/); // file-style link with an anchor
    expect(all).toMatch(/\]\(\.\.\/[a-z0-9-]+\/(?:#[a-z0-9-]+)?\)/); // site-style link
    const images = [...all.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => (m[1] ?? '').split('/').at(-1));
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images.length).toBeGreaterThan(new Set(images).size); // one image is used twice
    expect(files.some((f) => f.endsWith('.fr.md'))).toBe(true);
    for (const d of docs) {
      const outsideCode = d.body.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      expect(outsideCode, d.path).not.toMatch(/<[a-z][^>]*>/i);
    }
  });
});
