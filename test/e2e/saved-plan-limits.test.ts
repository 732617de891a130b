import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/plan/types.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount } from './helpers.js';

type Op = Plan['operations'][number];
type StoredArticle = { id: string; kb_id: string; title: string; url: string; collection_id?: string };
type StoredCollection = { id: string; kb_id: string; slug: string; title: string };

/**
 * Issues 25.2, 27.4 and 27.5: a saved plan may do only what `plan` could have planned against the knowledge
 * base it was made for, and its file is read only when it is a regular file under a size cap. Each tampered
 * plan is refused with exit 2, a line naming the operation, and no write.
 */
describe('saved plans that do what no plan would', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let plan: Plan;
  let handWritten: StoredArticle;
  let handCollection: StoredCollection;
  const state = () =>
    emu.snapshot() as unknown as {
      articles: StoredArticle[];
      collections: StoredCollection[];
      users: { id: string }[];
    };
  const api = async (path: string, body: unknown) => {
    const response = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { data: never }).data;
  };

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    const env = envFor(emu);
    expect((await runCli(['apply', ...CLI_FLAGS], { cwd: ws.dir, env })).code).toBe(0);
    handCollection = await api('/collections', { title: 'Written in Pylon', slug: 'written-in-pylon' });
    handWritten = await api('/articles', {
      title: 'Hand-written page',
      slug: 'hand-written-page',
      body_html: '<p>Keep me.</p>',
      author_user_id: state().users[0]?.id,
      is_published: true,
    });
    await mkdir(join(ws.docs, 'extra'), { recursive: true });
    await writeFile(join(ws.docs, 'extra', 'first.md'), '---\ntitle: First new\n---\n\nNew text one.\n');
    await writeFile(join(ws.docs, 'extra', 'second.md'), '---\ntitle: Second new\n---\n\nNew text two.\n');
    const out = await runCli(['plan', ...CLI_FLAGS, '--json', '--out', 'plan.json'], { cwd: ws.dir, env });
    expect(out.code, out.stderr).toBe(0);
    plan = JSON.parse(await readFile(join(ws.dir, 'plan.json'), 'utf8'));
  });
  afterAll(async () => {
    await ws.cleanup();
    await emu.close();
  });

  const creates = (p: Plan) =>
    p.operations.filter((op) => op.kind === 'create-article') as Extract<Op, { kind: 'create-article' }>[];

  async function refused(edit: (plan: Plan) => void) {
    const tampered = structuredClone(plan);
    edit(tampered);
    await writeFile(join(ws.dir, 'tampered.json'), JSON.stringify(tampered));
    const before = writeCount(emu);
    const run = await runCli(['apply', 'tampered.json', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(writeCount(emu), 'writes').toBe(before);
    expect(run.code, run.stderr).toBe(2);
    return run.stderr;
  }

  it('a second create with the same slug (another document key, its marker edited to match)', async () => {
    const err = await refused((p) => {
      const [first, second] = creates(p);
      if (!first || !second) throw new Error('two creates expected');
      second.slug = first.slug;
    });
    expect(err).toMatch(
      /operation \d+ \(create-article "extra\/second"\): creates an article with slug "first"/,
    );
  });

  it('a body whose marker names another document', async () => {
    const err = await refused((p) => {
      const [first, second] = creates(p);
      if (!first || !second) throw new Error('two creates expected');
      second.bodyHtml = first.bodyHtml;
    });
    expect(err).toContain('the marker in bodyHtml names document "extra/first", not "extra/second"');
  });

  it('a redirect from the path of a live hand-written article', async () => {
    const path = new URL(handWritten.url).pathname;
    const err = await refused((p) => {
      const [first] = creates(p);
      if (first) first.redirectPaths = [path];
    });
    expect(err).toContain(`it would redirect "${path}", which the live article "Hand-written page"`);
  });

  it('a hand-written collection deleted', async () => {
    const err = await refused((p) => {
      p.operations.push({
        kind: 'delete-collection',
        key: 'written-in-pylon',
        collectionId: handCollection.id,
        title: handCollection.title,
        reason: 'emptied',
        depth: 1,
      });
    });
    expect(err).toContain(`would delete the collection "Written in Pylon" (${handCollection.id})`);
    expect(state().collections.some((c) => c.id === handCollection.id)).toBe(true);
  });

  it('an upload of a file outside the tree', async () => {
    const err = await refused((p) => {
      p.operations.unshift({
        kind: 'upload-asset',
        key: '../../etc/hostname',
        sha256: 'a'.repeat(64),
        size: 10,
        contentType: 'image/png',
      });
    });
    expect(err).toContain('the file "../../etc/hostname" is not a path inside the docs tree');
  });

  it('an http iframe, which the renderer never writes', async () => {
    const err = await refused((p) => {
      const [first] = creates(p);
      if (first) first.bodyHtml = `<iframe src="http://evil.example/x"></iframe>${first.bodyHtml}`;
    });
    expect(err).toContain('bodyHtml holds HTML pylon-kb never writes');
    expect(err).toContain('http://evil.example');
  });

  it('a plan file that is a FIFO, a device, a directory or over the size cap, naming the path', async () => {
    const fifo = join(ws.dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    const big = join(ws.dir, 'big.json');
    await writeFile(big, Buffer.alloc(65 * 1024 * 1024, 0x20));
    const cases: Array<[string, RegExp]> = [
      [fifo, /plan\.fifo: it is a named pipe, not a regular file/],
      ['/dev/urandom', /\/dev\/urandom: it is a device, not a regular file/],
      [ws.docs, /docs: it is a directory, not a regular file/],
      [big, /big\.json: it is \d+ bytes, over the \d+-byte limit/],
    ];
    for (const [file, message] of cases) {
      const run = await runCli(['apply', file, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  }, 30_000);

  it('the plan as made still applies', async () => {
    const run = await runCli(['apply', 'plan.json', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    expect(
      (await runCli(['plan', ...CLI_FLAGS, '--detailed-exitcode'], { cwd: ws.dir, env: envFor(emu) })).code,
    ).toBe(0);
  });
});
