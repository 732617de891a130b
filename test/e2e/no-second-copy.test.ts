import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import {
  CLI_FLAGS,
  emulator,
  envFor,
  managedByKey,
  runCli,
  workspace,
  writeCount,
  writeText,
} from './helpers.js';

type StateArticle = { id: string; title: string; slug: string; collection_id?: string; draft_html: string };
const state = (emu: RunningEmulator) =>
  emu.snapshot() as unknown as {
    articles: StateArticle[];
    collections: { id: string; slug: string }[];
    users: { id: string }[];
  };
const words = (topic: string) =>
  Array.from({ length: 6 }, (_, i) => `Paragraph ${i} explains ${topic} in practice.`).join('\n\n');

/** No second copy of any article: hand-written look-alikes and articles whose marker was edited away. */
describe('no second copy of an article', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const api = (path: string, method: string, body: unknown) =>
    fetch(`${emu.url}/knowledge-bases/${emu.kb().id}${path}`, {
      method,
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
    await writeText(join(ws.docs, 'a', 'x.md'), `---\ntitle: Exports\n---\n\n${words('exports')}\n`);
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('stops on a hand-written article with a new document’s slug, naming both, and adopts it when asked', async () => {
    const folderId = state(emu).collections.find((c) => c.slug === 'a')?.id;
    const created = await api('/articles', 'POST', {
      title: 'Billing FAQ (written in Pylon)',
      slug: 'billing',
      body_html: '<p>Old answers.</p>',
      author_user_id: state(emu).users[0]?.id,
      collection_id: folderId,
      is_published: true,
    });
    const handWritten = ((await created.json()) as { data: StateArticle }).data;
    await writeText(join(ws.docs, 'a', 'billing.md'), `---\ntitle: Billing\n---\n\n${words('billing')}\n`);
    const writes = writeCount(emu);

    const refused = await cli('apply');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a/billing.md');
    expect(refused.stderr).toContain('article/conflict');
    expect(refused.stderr).toContain(handWritten.id);
    expect(refused.stderr).toContain('adopt: true');
    expect(writeCount(emu)).toBe(writes);
    expect(state(emu).articles.filter((a) => a.slug === 'billing')).toHaveLength(1);

    await writeText(join(ws.dir, 'pylon-kb.config.ts'), 'export default { adopt: true };\n');
    // A reviewer sees the take-over before it happens.
    const planned = await cli('plan');
    expect(planned.stdout).toContain('takes over an article without a pylon-kb marker (adopt: true)');
    const markdown = await cli('plan', '--format', 'markdown');
    expect(markdown.stdout).toContain('takes over an article without a pylon-kb marker (adopt: true)');
    expect((await cli('apply')).code).toBe(0);
    const billing = state(emu).articles.filter((a) => a.slug === 'billing');
    expect(billing.map((a) => a.id)).toEqual([handWritten.id]);
    expect(readMarker(billing[0]?.draft_html ?? '')?.key).toBe('a/billing');
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });

  it("treats an article whose body was replaced in Pylon's editor as drift, not as absent", async () => {
    const article = managedByKey(emu).get('a/x')?.[0];
    await api(`/articles/${article?.id}`, 'PATCH', {
      body_html: '<p>Rewritten from scratch in the editor.</p>',
      publish_updated_body_html: true,
    });
    expect(readMarker(state(emu).articles.find((a) => a.id === article?.id)?.draft_html ?? '')).toBeNull();
    const writes = writeCount(emu);

    const refused = await cli('apply');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('drift/marker-lost');
    expect(refused.stderr).toContain('a/x.md');
    expect(writeCount(emu)).toBe(writes);
    expect(state(emu).articles.filter((a) => a.slug === 'x')).toHaveLength(1);

    const repaired = await cli('apply', '--on-drift', 'overwrite');
    expect(repaired.code).toBe(0);
    const copies = state(emu).articles.filter((a) => a.slug === 'x');
    expect(copies.map((a) => a.id)).toEqual([article?.id]);
    expect(readMarker(copies[0]?.draft_html ?? '')?.key).toBe('a/x');
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});

describe('redirect_from', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('of a new document is redirected in its first apply, so the next plan is empty', async () => {
    await writeText(
      join(ws.docs, 'a', 'new.md'),
      `---\ntitle: New\nredirect_from: ["/articles/123-old-page", "/docs/old/"]\n---\n\n${words('new things')}\n`,
    );
    expect((await cli('apply')).code).toBe(0);
    const article = managedByKey(emu).get('a/new')?.[0];
    expect(readMarker(article?.draft_html ?? '')?.redirects).toEqual([
      '/articles/123-old-page',
      '/docs/old/',
    ]);
    const redirects = (
      emu.snapshot() as unknown as { route_redirects: { from_path: string; object_id: string }[] }
    ).route_redirects;
    expect(
      redirects
        .filter((r) => r.object_id === article?.id)
        .map((r) => r.from_path)
        .sort(),
    ).toEqual(['/articles/123-old-page', '/docs/old/']);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });

  it('reports a redirect the server refuses as a failed operation, and the next run finishes it', async () => {
    await writeText(
      join(ws.docs, 'a', 'new.md'),
      `---\ntitle: New\nredirect_from: ["/docs/old/"]\n---\n\n${words('new things')}\n`,
    );
    emu.setFaults([{ route: 'createRouteRedirect', share: 1, status: 500 }]);
    const failed = await cli('apply');
    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).toMatch(/1 failed/);
    const created = managedByKey(emu).get('a/new')?.[0];
    // Not recorded in the marker while it does not exist, so the next run still creates it.
    expect(readMarker(created?.draft_html ?? '')?.redirects).toEqual([]);
    emu.setFaults([]);
    expect((await cli('apply')).code).toBe(0);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
    expect(managedByKey(emu).get('a/new')).toHaveLength(1);
    const redirects = (
      emu.snapshot() as unknown as { route_redirects: { from_path: string; object_id: string }[] }
    ).route_redirects;
    expect(redirects.filter((r) => r.object_id === created?.id).map((r) => r.from_path)).toEqual([
      '/docs/old/',
    ]);
  });

  it('refuses a full URL and a ".." path (those documents held back), and gives a path two documents claim to the first', async () => {
    await writeText(
      join(ws.docs, 'a', 'one.md'),
      `---\ntitle: One\nredirect_from: ["https://old.example.com/page"]\n---\n\nOne.\n`,
    );
    await writeText(
      join(ws.docs, 'a', 'two.md'),
      `---\ntitle: Two\nredirect_from: ["/docs/../secret"]\n---\n\nTwo.\n`,
    );
    await writeText(
      join(ws.docs, 'a', 'three.md'),
      `---\ntitle: Three\nredirect_from: ["/old/shared"]\n---\n\nThree.\n`,
    );
    await writeText(
      join(ws.docs, 'a', 'four.md'),
      `---\ntitle: Four\nredirect_from:\n  - /old/shared/\n---\n\nFour.\n`,
    );
    const checked = await runCli(['check', '--content-dir', 'docs'], { cwd: ws.dir, env: envFor(emu) });
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('a/one.md:3');
    expect(checked.stderr).toMatch(/a\/one\.md:3.*full URL/);
    expect(checked.stderr).toMatch(/a\/two\.md:3.*"\.\."/);
    expect(checked.stderr).toMatch(/content\/duplicate-redirect/);
    expect(checked.stderr).toContain('a/four.md');
    expect(checked.stderr).toMatch(
      /a\/two\.md:3 warning \[content\/duplicate-redirect\]|warning \[content\/duplicate-redirect\]/,
    );
    const applied = await cli('apply');
    expect(applied.code).toBe(2);
    const managed = managedByKey(emu);
    expect([...managed.keys()].sort()).toEqual(['a/four', 'a/three']);
    // The old path redirects to the first document that claims it (path order: four before three).
    const redirects = (
      emu.snapshot() as unknown as { route_redirects: { from_path: string; object_id: string }[] }
    ).route_redirects;
    const shared = redirects.filter((r) => r.from_path.replace(/\/+$/, '') === '/old/shared');
    expect(shared.map((r) => r.object_id)).toEqual([managed.get('a/four')?.[0]?.id]);
  });
});
