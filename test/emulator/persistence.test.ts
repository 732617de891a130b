import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorState, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createArticle, readJson, startTestEmulator } from './helpers.js';

const withoutRequests = ({ requests: _r, ...rest }: EmulatorState) => rest;

describe('state file', () => {
  let dir: string;
  let statePath: string;
  const running: RunningEmulator[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pylon-emulator-state-'));
    statePath = join(dir, 'nested', 'state.json');
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the whole store: KBs, collections, articles with drafts and translations, redirects, attachments', async () => {
    const first = await startTestEmulator({ statePath });
    running.push(first.emu);
    const { api, kb, author } = first;
    const c = (await api.post(`/knowledge-bases/${kb.id}/collections`, { title: 'Saved' })).body.data;
    const a = await createArticle(api, kb.id, {
      title: 'Persisted',
      body_html: '<p>v1</p>',
      author_user_id: author,
      collection_id: c.id,
      is_published: true,
      translations: [{ language: 'de', title: 'Gespeichert', body_html: '<p>de</p>' }],
    });
    await api.patch(`/knowledge-bases/${kb.id}/articles/${a.id}`, { body_html: '<p>draft v2</p>' });
    await api.post(`/knowledge-bases/${kb.id}/route-redirects`, {
      from_path: '/old',
      object_id: a.id,
      object_type: 'article',
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([7, 8, 9])], { type: 'image/gif' }), 'tiny.gif');
    const upload = (await api.post('/attachments', form)).body.data;
    const before = first.emu.snapshot();
    await first.emu.close();

    const second = await startEmulator({ statePath });
    running.push(second);
    const after = second.snapshot();
    expect(withoutRequests(after)).toEqual(withoutRequests(before));
    const article = after.articles.find((s) => s.id === a.id);
    expect(article).toMatchObject({ draft_html: '<p>draft v2</p>', published_html: '<p>v1</p>', url: a.url });
    expect(article?.translations.de?.title).toBe('Gespeichert');
    const served = await fetch(`${second.url}${new URL(upload.url).pathname}`);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array([7, 8, 9]));
    // New objects keep unique identifiers after a reload.
    const res = await fetch(`${second.url}/knowledge-bases/${kb.id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'After reload', body_html: '', author_user_id: author }),
    });
    const created = (await readJson(res)).data;
    expect(created.identifier).not.toBe(a.identifier);
    expect(second.snapshot().articles.map((s) => s.title)).toEqual(['Persisted', 'After reload']);
  });

  it('saves soon after every write, atomically (no temporary files left behind)', async () => {
    const { api, kb, emu } = await startTestEmulator({ statePath });
    running.push(emu);
    const initial = JSON.parse(await readFile(statePath, 'utf8'));
    expect(initial.format).toBe('pylon-emulator-state');
    expect(initial.data.collections).toEqual([]);
    await api.post(`/knowledge-bases/${kb.id}/collections`, { title: 'One' });
    await emu.flushState();
    expect(
      JSON.parse(await readFile(statePath, 'utf8')).data.collections.map((c: { title: string }) => c.title),
    ).toEqual(['One']);
    const id = emu.snapshot().collections[0]?.id;
    await api.delete(`/knowledge-bases/${kb.id}/collections/${id}`);
    await emu.flushState();
    expect(JSON.parse(await readFile(statePath, 'utf8')).data.collections).toEqual([]);
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('loads the state file over the seed, and reset returns to the loaded state', async () => {
    const first = await startTestEmulator({ statePath });
    running.push(first.emu);
    await first.api.post(`/knowledge-bases/${first.kb.id}/collections`, { title: 'Kept' });
    await first.emu.close();
    const second = await startTestEmulator({
      statePath,
      seed: { organization: { name: 'Other' }, knowledgeBases: [{ title: 'X', slug: 'x' }], users: [] },
    });
    running.push(second.emu);
    expect(second.emu.snapshot().organization.name).toBe('Acme Inc');
    await second.api.post(`/knowledge-bases/${second.kb.id}/collections`, { title: 'Dropped on reset' });
    second.emu.reset();
    expect(second.emu.snapshot().collections.map((c) => c.title)).toEqual(['Kept']);
    await second.emu.flushState();
    expect(
      JSON.parse(await readFile(statePath, 'utf8')).data.collections.map((c: { title: string }) => c.title),
    ).toEqual(['Kept']);
  });

  it('refuses a file that is not an emulator state file, with a message that names it', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"hello": 1}');
    await expect(startEmulator({ statePath: bad })).rejects.toThrow(
      `Emulator state file ${bad} is not a pylon-emulator-state v1 file`,
    );
    await writeFile(bad, 'not json');
    await expect(startEmulator({ statePath: bad })).rejects.toThrow(/is not valid JSON/);
  });
});
