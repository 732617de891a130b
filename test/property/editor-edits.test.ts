import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_KB_SEED, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { readMarker, stripMarker } from '../../src/identity/marker.js';
import { visibleText } from '../../src/identity/text-digest.js';
import { pull } from '../../src/pull/pull.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { executePlan, planFromConfig } from '../../src/run/index.js';
import { configFor } from '../watch/helpers.js';

/**
 * Nothing an editor wrote is lost: over random sequences of pull, apply, an edit in Pylon (keeping or
 * dropping pylon-kb's marker, published or left in draft) and an edit in git, no text written in Pylon
 * since it was last taken into the docs tree is ever replaced by an apply, unless that apply ran with
 * `onDrift: 'overwrite'`. Apply executes every write the plan holds, errors or not: the drifted article
 * must simply not be among them.
 */
type Step =
  | { kind: 'pull' }
  | { kind: 'apply'; overwrite: boolean }
  | { kind: 'edit-in-pylon'; pick: number; keepMarker: boolean; publish: boolean }
  | { kind: 'edit-in-git'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Step>({ kind: 'pull' }) },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 9 }).map((n): Step => ({ kind: 'apply', overwrite: n === 0 })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ pick: fc.nat(), keepMarker: fc.boolean(), publish: fc.boolean() })
      .map((s): Step => ({ kind: 'edit-in-pylon', ...s })),
  },
  { weight: 3, arbitrary: fc.nat().map((pick): Step => ({ kind: 'edit-in-git', pick })) },
);

interface StoredArticle {
  id: string;
  kb_id: string;
  draft_html: string;
  published_html: string | null;
}

describe('no text written in Pylon is replaced without onDrift: overwrite', () => {
  let emu: RunningEmulator;
  let client: PylonClient;
  let dir: string;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, seed: EDITOR_KB_SEED });
    client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-editor-edits-'));
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  const docs = () => join(dir, 'docs');
  const articles = (): StoredArticle[] => {
    const kb = emu.kb('northwind').id;
    return (emu.snapshot() as unknown as { articles: StoredArticle[] }).articles.filter(
      (a) => a.kb_id === kb && !readMarker(a.draft_html)?.retired,
    );
  };
  const markdownFiles = async () =>
    ((await readdir(docs(), { recursive: true })) as string[])
      .filter((f) => f.endsWith('.md') && !f.endsWith('_index.md'))
      .sort();
  const pullTree = async () => {
    const result = await pull(client, {
      dir: docs(),
      kb: 'northwind',
      force: true,
      apiOrigin: emu.url,
      maxAssetBytes: 10_000_000,
    });
    expect(result.written).toBe(true);
  };

  it('holds over random sequences of pull / apply / edit in Pylon / edit in git', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 6 }), async (steps) => {
        emu.reset();
        await rm(docs(), { recursive: true, force: true });
        await pullTree();
        /** Sentences an editor wrote in Pylon that the docs tree has not taken in, by article id. */
        const pending = new Map<string, { sentence: string; inDraft: boolean; inPublished: boolean }[]>();
        let counter = 0;
        for (const step of steps) {
          if (step.kind === 'pull') {
            await pullTree();
            const tree = (
              await Promise.all((await markdownFiles()).map((f) => readFile(join(docs(), f), 'utf8')))
            ).join('\n');
            for (const [id, list] of pending) {
              // Pull takes the published version of a published article: a draft-only edit stays Pylon's.
              const left = list.filter((p) => !tree.includes(p.sentence));
              if (left.length > 0) pending.set(id, left);
              else pending.delete(id);
            }
          } else if (step.kind === 'edit-in-git') {
            const files = await markdownFiles();
            const file = join(docs(), files[step.pick % files.length] ?? '');
            await writeFile(
              file,
              `${await readFile(file, 'utf8')}\n\nChanged in git, change ${++counter}.\n`,
            );
          } else if (step.kind === 'edit-in-pylon') {
            const list = articles();
            const article = list[step.pick % list.length];
            if (!article) continue;
            const sentence = `An editor wrote change ${++counter} in Pylon.`;
            const base = step.keepMarker ? article.draft_html : stripMarker(article.draft_html);
            const replaced = base.replace(/<p>[\s\S]*?<\/p>/, `<p>${sentence}</p>`);
            const body = replaced.includes(sentence) ? replaced : `<p>${sentence}</p>${base}`;
            const response = await fetch(
              `${emu.url}/knowledge-bases/${emu.kb('northwind').id}/articles/${article.id}`,
              {
                method: 'PATCH',
                headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ body_html: body, publish_updated_body_html: step.publish }),
              },
            );
            expect(response.ok).toBe(true);
            // The editor's own later edit may replace an earlier one: only what is still there is theirs to keep.
            const text = visibleText(body);
            const earlier = (pending.get(article.id) ?? [])
              .map((p) => ({
                ...p,
                inDraft: text.includes(p.sentence),
                inPublished: step.publish ? text.includes(p.sentence) : p.inPublished,
              }))
              .filter((p) => p.inDraft || p.inPublished);
            pending.set(article.id, [...earlier, { sentence, inDraft: true, inPublished: step.publish }]);
          } else {
            const config = configFor(emu, 'docs', dir, {
              knowledgeBase: 'northwind',
              onDrift: step.overwrite ? 'overwrite' : 'fail',
            });
            const { plan } = await planFromConfig(config, client);
            await executePlan(plan, client, { contentDir: config.contentDir });
            if (step.overwrite) {
              pending.clear();
              continue;
            }
            for (const [id, list] of pending) {
              const now = articles().find((a) => a.id === id);
              for (const { sentence, inDraft, inPublished } of list) {
                if (inDraft) expect(visibleText(now?.draft_html ?? ''), sentence).toContain(sentence);
                if (inPublished) expect(visibleText(now?.published_html ?? ''), sentence).toContain(sentence);
              }
            }
          }
        }
      }),
      { numRuns: Number(process.env.EDITOR_EDITS_RUNS ?? 15), seed: 24 },
    );
  }, 240_000);
});
