/**
 * A cold content build of a generated tree on the main thread alone against the same build rendering in
 * worker threads (one per core), alternated, wall time: the speed-up the render pool gives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { resolveConfig } from '../src/config/index.js';
import { buildContent, readContentTree } from '../src/run/content.js';
import { writeCorpus } from './corpus.js';
import { alternateClocks, formatMs, formatRatio, ratios, spread } from './stats.js';

export async function benchPool(options: { rounds: number; docs: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-pool-'));
  try {
    await writeCorpus(dir, options.docs);
    const resolved = resolveConfig({
      file: {},
      flags: { contentDir: dir, target: 'emulator' },
      env: {},
      cwd: dir,
    });
    if ('errors' in resolved) throw new Error('the bench config is invalid');
    const config = resolved.config;
    const { tree } = await readContentTree(config);
    const threads = availableParallelism();
    const alone = () => buildContent(config, tree, { pool: { threads: 0 } });
    const pooled = () => buildContent(config, tree, { pool: { threads } });
    const same = isDeepStrictEqual((await alone()).desired, (await pooled()).desired);
    const { wall } = await alternateClocks(options.rounds, { alone, pooled });
    console.log(
      `\n## Cold build of ${tree.docs.length} documents: main thread alone ÷ ${threads} render workers`,
    );
    console.log(
      `main thread ${formatMs(spread(wall.alone ?? []))}, workers ${formatMs(spread(wall.pooled ?? []))}; ` +
        `speed-up ${formatRatio(spread(ratios(wall.alone ?? [], wall.pooled ?? [])))} wall; same result: ${same}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
