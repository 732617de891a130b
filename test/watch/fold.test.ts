import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import type { ApplyResult } from '../../src/apply/types.js';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { DesiredState, SourceFile } from '../../src/content/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPlan } from '../../src/plan/plan.js';
import type {
  CreateCollectionOp,
  MoveArticleOp,
  RetireArticleOp,
  UpdateArticleOp,
} from '../../src/plan/types.js';
import { isWrite } from '../../src/plan/types.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { loadCurrentState } from '../../src/remote/snapshot.js';
import type { CurrentState } from '../../src/remote/types.js';
import { foldResults } from '../../src/watch/fold.js';
import { emulator } from '../e2e/helpers.js';
import { current, remoteArticle } from '../plan/fixtures.js';

function collectionOp(key: string, parentKey: string | null, parentId: string | null): CreateCollectionOp {
  return {
    kind: 'create-collection',
    key,
    title: key,
    slug: key.split('/').pop() ?? key,
    parentKey,
    parentId,
  };
}

describe('foldResults (pure)', () => {
  it('adds created collections with their parent: an existing id, or one created in the same apply', () => {
    const results: ApplyResult[] = [
      { status: 'created', op: collectionOp('guides/advanced', 'guides', null), id: 'c-adv', url: '' },
      { status: 'created', op: collectionOp('guides', null, null), id: 'c-guides', url: '' },
      { status: 'created', op: collectionOp('faq/more', 'faq', 'c-faq'), id: 'c-more', url: '' },
    ];
    const { state, uncertain } = foldResults(current([]), results);
    expect(uncertain).toBe(false);
    expect(state.collections).toEqual([
      { id: 'c-adv', title: 'guides/advanced', slug: 'advanced', parent_collection_id: 'c-guides' },
      { id: 'c-guides', title: 'guides', slug: 'guides', parent_collection_id: null },
      { id: 'c-more', title: 'faq/more', slug: 'more', parent_collection_id: 'c-faq' },
    ]);
  });

  it('replaces updated articles, swaps moved ones, drops retired ones, and leaves the input alone', () => {
    const kept = remoteArticle({ title: 'Kept' });
    const edited = remoteArticle({ title: 'Before' });
    const old = remoteArticle({ title: 'Old place' });
    const gone = remoteArticle({ title: 'Gone' });
    const start = current([kept, edited, old, gone]);
    const updated = { ...edited, title: 'After' };
    const moved = remoteArticle({ title: 'New place' });
    const results: ApplyResult[] = [
      {
        status: 'updated',
        op: { kind: 'update-article', changes: ['title'] } as unknown as UpdateArticleOp,
        id: edited.id,
        url: '',
        article: updated,
      },
      {
        status: 'moved',
        op: { kind: 'move-article', from: { articleId: old.id } } as MoveArticleOp,
        id: moved.id,
        url: moved.url,
        redirects: [],
        article: moved,
      },
      { status: 'retired', op: { kind: 'retire-article' } as RetireArticleOp, id: gone.id },
    ];
    const { state, uncertain } = foldResults(start, results);
    expect(uncertain).toBe(false);
    expect(state.articles.map((a) => a.article.title)).toEqual(['Kept', 'After', 'New place']);
    expect(start.articles).toHaveLength(4);
  });

  it('keeps the translations read before an update, and asks to read back the translations it wrote', () => {
    const article = remoteArticle({ title: 'Base' });
    const start = current([article]);
    const fr = { title: 'Base (fr)', html: '<p>fr</p>', marker: null };
    const first = start.articles[0];
    if (first) first.translations = { fr };
    const op = { kind: 'update-article', changes: ['title'], translations: [] } as unknown as UpdateArticleOp;
    const result: ApplyResult = {
      status: 'updated',
      op,
      id: article.id,
      url: '',
      article: { ...article, title: 'Base 2' },
    };
    const kept = foldResults(start, [result]);
    expect(kept).toMatchObject({ uncertain: false, translationsToRead: [] });
    expect(kept.state.articles[0]).toMatchObject({ article: { title: 'Base 2' }, translations: { fr } });

    // Only a translation was written: the answer is the French view, the article itself did not change.
    const translation = { language: 'fr', path: 'a.fr.md', title: 'Base (fr) 2', bodyHtml: '' };
    const onlyFr = { ...op, changes: ['translations'], translations: [translation] } as UpdateArticleOp;
    const frView = { ...article, title: 'Base (fr) 2' };
    const folded = foldResults(start, [{ ...result, op: onlyFr, article: frView }]);
    expect(folded).toMatchObject({
      uncertain: false,
      translationsToRead: [{ articleId: article.id, languages: ['fr'] }],
    });
    expect(folded.state.articles[0]?.article.title).toBe('Base');
  });

  it('is uncertain after a failed write, or a write that did not return the article', () => {
    const op = { kind: 'update-article', changes: ['body'] } as unknown as UpdateArticleOp;
    const failed: ApplyResult = { status: 'failed', op, error: { message: 'HTTP 503' } };
    const bare: ApplyResult = { status: 'updated', op, id: 'x', url: '' };
    expect(foldResults(current([]), [failed]).uncertain).toBe(true);
    expect(foldResults(current([]), [bare]).uncertain).toBe(true);
    expect(foldResults(current([]), [{ status: 'skipped', op, reason: 'x' }]).uncertain).toBe(false);
  });
});

describe('foldResults against the emulator: the folded state plans like a re-read one', () => {
  let emu: RunningEmulator;
  let client: PylonClient;
  let files: SourceFile[];
  const desiredOf = (list: SourceFile[]) => buildDesiredState(buildContentTree(list));
  const options = { publish: false, defaultAuthor: 'ada@acme.test' };
  const writes = (state: CurrentState, desired: DesiredState) =>
    createPlan(desired, state, options).operations.filter(isWrite);
  const shape = (state: CurrentState) => ({
    collections: state.collections.map((c) => [c.id, c.slug, c.parent_collection_id ?? null]).sort(),
    articles: state.articles
      .map((a) => [a.article.id, a.article.slug, a.article.collection_id ?? null, a.marker?.digest])
      .sort(),
  });

  beforeAll(async () => {
    emu = await emulator();
    client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    files = [
      { path: 'guides/_category_.json', text: '{ "label": "Guides" }' },
      { path: 'guides/setup.md', text: '---\ntitle: Set up\n---\nInstall the agent.\n' },
      { path: 'guides/advanced/tuning.md', text: '---\ntitle: Tuning\n---\nTune it.\n' },
      { path: 'guides/advanced/limits.md', text: '---\ntitle: Limits\nid: limits\n---\nThe limits.\n' },
      { path: 'billing/invoices.md', text: '---\ntitle: Invoices\n---\nPay them.\n' },
      { path: 'faq.md', text: '---\ntitle: FAQ\n---\nAsk us.\n' },
    ];
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
  });

  it('after creating the whole tree, then after an edit and a move', async () => {
    const original = desiredOf(files);
    let state = await loadCurrentState(client, 'help-center');
    const first = await applyPlan(createPlan(original, state, options), client);
    state = foldResults(state, first).state;
    expect(writes(state, original)).toEqual([]);
    expect(shape(state)).toEqual(shape(await loadCurrentState(client, 'help-center')));

    const edited = files.map((f) =>
      f.path === 'guides/setup.md' ? { ...f, text: `${f.text}\nOne more line.\n` } : f,
    );
    const moved = edited.map((f) =>
      f.path === 'guides/advanced/limits.md' ? { ...f, path: 'billing/limits.md' } : f,
    );
    const changed = desiredOf(moved);
    const planned = writes(state, changed).map((op) => op.kind);
    expect(planned.sort()).toEqual(['move-article', 'update-article']);
    const second = await applyPlan(createPlan(changed, state, options), client);
    state = foldResults(state, second).state;
    expect(writes(state, changed)).toEqual([]);
    expect(shape(state)).toEqual(shape(await loadCurrentState(client, 'help-center')));
  });
});
