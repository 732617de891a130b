import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { SourceFile } from '../../src/content/types.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createPlan } from '../../src/plan/plan.js';
import { isWrite } from '../../src/plan/types.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { loadCurrentState } from '../../src/remote/snapshot.js';

/**
 * Convergence: for generated docs trees (nested folders, drafts, unlisted pages, explicit ids), applying
 * the plan and planning again gives no write; after a random second version of the tree (edits, moves,
 * deletions, new files) the same holds.
 */
const folder = fc.constantFrom('', 'guides', 'guides/advanced', 'faq', 'faq/billing');
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'setup', 'billing', 'api', 'sso');
const docArb = fc.record({
  folder,
  name: fc.tuple(word, fc.integer({ min: 0, max: 30 })).map(([w, n]) => `${w}-${n}`),
  title: fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
  body: fc.array(
    fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => ws.join(' ')),
    { minLength: 1, maxLength: 4 },
  ),
  draft: fc.boolean(),
  unlisted: fc.boolean(),
  id: fc.option(fc.constantFrom('stable-a', 'stable-b', 'stable-c'), { nil: undefined }),
});
const treeArb = fc.uniqueArray(docArb, { minLength: 1, maxLength: 6, selector: (d) => d.name });

type GeneratedDoc = typeof docArb extends fc.Arbitrary<infer D> ? D : never;

function files(tree: GeneratedDoc[]): SourceFile[] {
  const seenIds = new Set<string>();
  return tree.map((d) => {
    // Two documents must not share an `id`; later ones fall back to their path.
    const id = d.id && !seenIds.has(d.id) ? d.id : undefined;
    if (id) seenIds.add(id);
    const front = [
      `title: ${d.title}`,
      d.draft ? 'draft: true' : '',
      d.unlisted ? 'unlisted: true' : '',
      id ? `id: ${id}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      path: `${d.folder ? `${d.folder}/` : ''}${d.name}.md`,
      text: `---\n${front}\n---\n\n${d.body.join('\n\n')}\n`,
    };
  });
}

describe('convergence over generated trees', () => {
  let emu: RunningEmulator;
  let client: PylonClient;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      concurrency: 8,
    });
  });
  afterAll(() => emu.close());

  async function publish(sources: SourceFile[]): Promise<number> {
    const desired = buildDesiredState(buildContentTree(sources));
    const options = {
      publish: true,
      defaultAuthor: 'ada@acme.test',
      orphans: 'delete' as const,
      force: true,
    };
    const plan = createPlan(desired, await loadCurrentState(client, 'help-center'), options);
    const results = await applyPlan(plan, client);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    const again = createPlan(desired, await loadCurrentState(client, 'help-center'), options);
    return again.operations.filter(isWrite).length;
  }

  it('apply then plan gives an empty plan, for a first publish and for a second version', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, treeArb, async (first, second) => {
        const v1 = files(first);
        const v2 = files(second);
        fc.pre(!hasErrors(buildContentTree(v1).diagnostics) && !hasErrors(buildContentTree(v2).diagnostics));
        emu.reset();
        expect(await publish(v1)).toBe(0);
        expect(await publish(v2)).toBe(0);
      }),
      { numRuns: 30, seed: 42 },
    );
  }, 120_000);
});
