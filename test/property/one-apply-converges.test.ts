import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { isWrite, type Plan } from '../../src/plan/types.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { executePlan, planFromConfig } from '../../src/run/index.js';
import { configFor } from '../watch/helpers.js';

/**
 * One apply converges: over random sequences of edits to a docs tree (bodies, titles, slugs, a file moved to
 * another folder, renamed, added or removed, a translation added, edited or removed, links between pages),
 * each followed by one apply through the run layer against the emulator over HTTP, the plan made right after
 * has no write, and the knowledge base holds one live article per document and one collection per folder.
 */

const FOLDERS = ['', 'guides', 'guides/advanced', 'faq'] as const;
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'setup', 'billing', 'tokens', 'sso', 'export', 'teams'];

interface Doc {
  /** Stable identity in the model; the file has no `id`, so its key is its path. */
  n: number;
  folder: string;
  name: string;
  title: string;
  slug: string | null;
  /** `draft: true`: not published. */
  draft: boolean;
  body: string;
  /** Model ids of the documents its body links to. */
  links: number[];
  fr: { title: string; body: string } | null;
}

type Edit = {
  kind: (typeof EDITS)[number];
  /** Which document it edits. */
  pick: number;
  /** What it changes to (a folder, a link target, whether a slug goes). */
  value: number;
};
const EDITS = [
  'body',
  'title',
  'slug',
  'draft',
  'folder',
  'rename',
  'translate',
  'untranslate',
  'remove',
  'link',
  'add',
] as const;

const editArb: fc.Arbitrary<Edit> = fc.record({
  // Titles twice as often: a title is what the URL of a published article follows.
  kind: fc.constantFrom(...EDITS, 'title'),
  pick: fc.nat(),
  value: fc.nat(),
});

const sentence = (seed: number, words = 8) =>
  Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
const titleOf = (seed: number) =>
  `${WORDS[seed % WORDS.length]} ${WORDS[(seed >> 3) % WORDS.length]} ${seed}`.replace(/^./, (c) =>
    c.toUpperCase(),
  );

function fileOf(doc: Doc): string {
  return `${doc.folder ? `${doc.folder}/` : ''}${doc.name}.md`;
}

function markdown(doc: Doc, all: readonly Doc[], title: string, body: string): string {
  const links = doc.links
    .map((n) => all.find((d) => d.n === n))
    .filter((d): d is Doc => d !== undefined && d.n !== doc.n)
    .map(
      (d) =>
        `See [${d.name}](${relative(dirname(fileOf(doc)) || '.', fileOf(d))
          .split('\\')
          .join('/')}).`,
    );
  const front = [`title: ${title}`, doc.slug ? `slug: ${doc.slug}` : '', doc.draft ? 'draft: true' : '']
    .filter(Boolean)
    .join('\n');
  return `---\n${front}\n---\n\n${body}\n\n${links.join('\n\n')}\n`;
}

/** Applies one edit to the model; returns false when it does not apply (nothing to edit, a clash). */
function edit(docs: Doc[], e: Edit, counter: () => number): boolean {
  if (e.kind === 'add') {
    const n = counter();
    docs.push({
      n,
      folder: FOLDERS[Math.floor(e.value / 2) % FOLDERS.length] ?? '',
      name: `page-${n}`,
      title: titleOf(n),
      slug: null,
      draft: false,
      body: sentence(n, 12),
      links: [],
      fr: null,
    });
    // An odd value: the new page links to a page that exists.
    const target = e.value % 2 === 1 ? docs[e.pick % docs.length] : undefined;
    if (target && target.n !== n) docs.at(-1)?.links.push(target.n);
    return true;
  }
  const doc = docs[e.pick % Math.max(docs.length, 1)];
  if (!doc) return false;
  switch (e.kind) {
    case 'body':
      doc.body = `${doc.body} ${sentence(counter(), 4)}.`;
      return true;
    case 'title':
      doc.title = titleOf(counter());
      return true;
    case 'draft':
      doc.draft = !doc.draft;
      return true;
    case 'slug':
      doc.slug = doc.slug && e.value % 3 === 0 ? null : `s-${counter()}`;
      return true;
    case 'folder': {
      const folder = FOLDERS.filter((f) => f !== doc.folder)[e.value % (FOLDERS.length - 1)] ?? '';
      if (docs.some((d) => d.folder === folder && d.name === doc.name)) return false;
      doc.folder = folder;
      return true;
    }
    case 'rename':
      doc.name = `renamed-${counter()}`;
      return true;
    case 'translate':
      doc.fr = { title: `${doc.title} (fr) ${counter()}`, body: `${sentence(counter(), 10)} en français.` };
      return true;
    case 'untranslate':
      if (!doc.fr) return false;
      doc.fr = null;
      return true;
    case 'remove':
      docs.splice(docs.indexOf(doc), 1);
      return true;
    case 'link': {
      const target = docs[e.value % docs.length];
      if (!target || target === doc || doc.links.includes(target.n)) return false;
      doc.links.push(target.n);
      return true;
    }
  }
}

describe('one apply converges', () => {
  let emu: RunningEmulator;
  let client: PylonClient;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-one-apply-'));
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function writeTree(docs: readonly Doc[]): Promise<void> {
    const root = join(dir, 'docs');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    for (const doc of docs) {
      const path = join(root, fileOf(doc));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, markdown(doc, docs, doc.title, doc.body));
      if (doc.fr)
        await writeFile(path.replace(/\.md$/, '.fr.md'), markdown(doc, docs, doc.fr.title, doc.fr.body));
    }
  }

  const config = () => configFor(emu, 'docs', dir, { orphans: 'delete', maxRetireRatio: 1 });
  const describeWrites = (plan: Plan) =>
    plan.operations
      .filter(isWrite)
      .map((op) => `${op.kind} ${op.key}${'changes' in op ? ` ${op.changes.join(',')}` : ''}`);

  /** Live managed articles per document key, and collections per (parent, slug). */
  function duplicates(): string[] {
    const state = emu.snapshot();
    const byKey = new Map<string, number>();
    for (const a of state.articles) {
      const marker = readMarker(a.draft_html);
      if (marker && !marker.retired) byKey.set(marker.key, (byKey.get(marker.key) ?? 0) + 1);
    }
    const slots = new Map<string, number>();
    for (const c of state.collections) {
      const slot = `${c.parent_collection_id ?? ''}/${c.slug}`;
      slots.set(slot, (slots.get(slot) ?? 0) + 1);
    }
    return [
      ...[...byKey].filter(([, n]) => n > 1).map(([key]) => `article ${key}`),
      ...[...slots].filter(([, n]) => n > 1).map(([slot]) => `collection ${slot}`),
    ];
  }

  it('the plan right after each apply is empty, with nothing duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        // Each step is one or two edits, then one apply.
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        async (size, groups) => {
          emu.reset();
          let next = 0;
          const counter = () => ++next;
          const docs: Doc[] = [];
          for (let i = 0; i < size; i++) edit(docs, { kind: 'add', pick: 0, value: 2 * i }, counter);
          docs[0]?.links.push(docs[1]?.n ?? 0);
          const history: string[] = [];
          for (const group of [[], ...groups]) {
            const made = group.filter((e) => edit(docs, e, counter));
            if (group.length > 0 && made.length === 0) continue;
            history.push(
              made.length === 0 ? 'first publish' : made.map((e) => JSON.stringify(e)).join(' + '),
            );
            await writeTree(docs);
            const { plan } = await planFromConfig(config(), client);
            expect(hasErrors(plan.diagnostics), JSON.stringify(plan.diagnostics)).toBe(false);
            const results = await executePlan(plan, client, { contentDir: config().contentDir });
            expect(results.filter((r) => r.status === 'failed')).toEqual([]);
            const after = (await planFromConfig(config(), client)).plan;
            expect({ history, writes: describeWrites(after) }).toEqual({ history, writes: [] });
            expect({ history, duplicates: duplicates() }).toEqual({ history, duplicates: [] });
          }
        },
      ),
      { numRuns: Number(process.env.ONE_APPLY_RUNS ?? 12), seed: Number(process.env.ONE_APPLY_SEED ?? 8) },
    );
  }, 120_000);
});
