import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/plan/types.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount } from './helpers.js';

/**
 * `apply plan.json` applies a file someone may have edited: each tampered plan is refused with exit 2, a
 * message that names the operation and says why, and no write; the untampered plan still applies.
 */
describe('saved plans are checked, not trusted', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let plan: Plan;
  let handWrittenId: string;
  let otherManagedId: string;

  beforeAll(async () => {
    emu = await emulator({
      seed: {
        ...DEFAULT_SEED,
        knowledgeBases: [...DEFAULT_SEED.knowledgeBases, { title: 'Other', slug: 'other-kb' }],
      },
    });
    ws = await workspace();
    const env = envFor(emu);
    expect((await runCli(['apply', ...CLI_FLAGS], { cwd: ws.dir, env })).code).toBe(0);
    const kb = emu.kb('help-center');
    const state = emu.snapshot();
    const collectionId = state.collections.find((c) => c.kb_id === kb.id)?.id;
    const author = state.users[0]?.id;
    const res = await fetch(`${emu.url}/knowledge-bases/${kb.id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Written by hand in Pylon',
        body_html: '<p>Keep me.</p>',
        author_user_id: author,
        collection_id: collectionId,
      }),
    });
    handWrittenId = ((await res.json()) as { data: { id: string } }).data.id;
    // One change to plan: an edited document (an update) and a new one (a create).
    const welcome = join(ws.docs, 'getting-started', 'invite-your-team.md');
    await writeFile(welcome, `${await readFile(welcome, 'utf8')}\nOne more paragraph.\n`);
    await writeFile(join(ws.docs, 'brand-new.md'), '---\ntitle: Brand new\n---\n\nNew text.\n');
    const out = await runCli(['plan', ...CLI_FLAGS, '--json', '--out', 'plan.json'], { cwd: ws.dir, env });
    expect(out.code, out.stderr).toBe(0);
    plan = JSON.parse(await readFile(join(ws.dir, 'plan.json'), 'utf8'));
    const update = plan.operations.find((op) => op.kind === 'update-article');
    expect(update).toBeDefined();
    expect(plan.operations.some((op) => op.kind === 'create-article')).toBe(true);
    otherManagedId = state.articles.find(
      (a) =>
        a.kb_id === kb.id &&
        a.id !== handWrittenId &&
        update &&
        'articleId' in update &&
        a.id !== update.articleId,
    )?.id as string;
  });
  afterAll(async () => {
    await ws.cleanup();
    await emu.close();
  });

  async function applyTampered(edit: (plan: Plan) => unknown, extra: string[] = []) {
    const tampered = structuredClone(plan);
    const replaced = edit(tampered);
    await writeFile(join(ws.dir, 'tampered.json'), JSON.stringify(replaced ?? tampered));
    const before = writeCount(emu);
    const run = await runCli(['apply', 'tampered.json', ...CLI_FLAGS, ...extra], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(writeCount(emu), 'writes').toBe(before);
    expect(run.code, run.stderr).toBe(2);
    return run.stderr;
  }
  const index = (kind: string) => plan.operations.findIndex((op) => op.kind === kind);

  it('a plan for another knowledge base than --kb', async () => {
    const err = await applyTampered(() => plan, ['--kb', 'other-kb']);
    expect(err).toContain('the plan is for knowledge base "help-center"');
    expect(err).toContain('the configured one is "other-kb"');
  });

  it('<script> and an event handler added to a body', async () => {
    const err = await applyTampered((p) => {
      const op = p.operations[index('update-article')] as { bodyHtml: string };
      op.bodyHtml = `<p onclick="steal()">Hi</p><script>alert(document.cookie)</script>${op.bodyHtml}`;
    });
    expect(err).toMatch(
      /operation \d+ \(update-article "getting-started\/invite-your-team"\): bodyHtml holds HTML pylon-kb never writes/,
    );
    expect(err).toContain('onclick');
  });

  it('a retire operation added for a hand-written article (with a forged fingerprint)', async () => {
    const err = await applyTampered((p) => {
      p.operations.push({
        kind: 'retire-article',
        key: 'hand-written',
        articleId: handWrittenId,
        title: 'Written by hand in Pylon',
        url: 'https://help.acme.test/articles/1',
        action: 'delete',
      });
      p.remoteVersions[`article:${handWrittenId}`] = 'forged';
    });
    expect(err).toContain(`would delete article "Written by hand in Pylon" (${handWrittenId})`);
    expect(err).toContain('which pylon-kb does not manage');
    expect(emu.snapshot().articles.some((a) => a.id === handWrittenId)).toBe(true);
  });

  it('an update pointed at another managed article', async () => {
    const err = await applyTampered((p) => {
      const op = p.operations[index('update-article')] as { articleId: string };
      p.remoteVersions[`article:${otherManagedId}`] = 'forged';
      op.articleId = otherManagedId;
    });
    expect(err).toMatch(
      /which pylon-kb manages for document "[^"]+", not "getting-started\/invite-your-team"/,
    );
  });

  it('a doubled operation', async () => {
    const err = await applyTampered((p) => {
      p.operations.push(structuredClone(p.operations[index('create-article')] as Plan['operations'][number]));
    });
    expect(err).toMatch(/operation \d+ \(create-article "brand-new"\) repeats operation \d+/);
  });

  it('an unknown operation kind', async () => {
    const err = await applyTampered((p) => {
      p.operations.push({ kind: 'delete-everything', key: 'x' } as never);
    });
    expect(err).toMatch(/operation \d+ \(delete-everything "x"\): unknown kind "delete-everything"/);
  });

  it('a missing field names the operation and the field (no TypeError)', async () => {
    const err = await applyTampered((p) => {
      delete (p.operations[index('update-article')] as { bodyHtml?: string }).bodyHtml;
    });
    expect(err).toMatch(/operation \d+ \(update-article "getting-started\/invite-your-team"\): bodyHtml: /);
    expect(err).not.toContain('TypeError');
  });

  it('a field pylon-kb never writes, and a wrong version', async () => {
    const err = await applyTampered((p) => {
      (p.operations[index('create-article')] as unknown as Record<string, unknown>).publishEverywhere = true;
    });
    expect(err).toContain('publishEverywhere');
    expect(await applyTampered((p) => ({ ...p, version: 2 }))).toContain('version');
  });

  it('emptied fingerprints', async () => {
    const err = await applyTampered((p) => {
      p.remoteVersions = {};
    });
    expect(err).toMatch(/the fingerprint of article \S+ is missing from remoteVersions/);
    expect(err).toContain('the fingerprint of document "brand-new" is missing');
  });

  it('a link URL of its own put in urlsBefore', async () => {
    const err = await applyTampered((p) => {
      p.urlsBefore = { 'getting-started/invite-your-team': 'https://elsewhere.test/articles/1-phish' };
    });
    expect(err).toContain(
      `urlsBefore: "https://elsewhere.test/articles/1-phish" is not the URL of pylon-kb's article for "getting-started/invite-your-team"`,
    );
    const scheme = await applyTampered((p) => {
      p.urlsBefore = { 'getting-started/invite-your-team': 'javascript:alert(1)' };
    });
    expect(scheme).toContain('urlsBefore');
  });

  it('the plan as it was made still applies, once', async () => {
    const run = await runCli(['apply', 'plan.json', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    const again = await runCli(['apply', 'plan.json', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('changed');
  });
});
