import { formerKeysToRebuildWith, recordedFormerKeys } from '../plan/former-keys.js';
import { isWrite, type Operation } from '../plan/types.js';
import { executePlan } from '../run/apply.js';
import { makePlan } from '../run/plan.js';
import { readRemote } from '../run/remote.js';
import { uploadJournal, withJournaledUploads } from '../run/upload-journal.js';
import { blockedFiles, diagnosticsToShow, noticesToShow } from './announce.js';
import type { Batch, CycleContext } from './cycle-context.js';
import { foldResults } from './fold.js';
import { type ContentPipeline, contentPipeline } from './pipeline.js';
import { holdBrokenFiles } from './plan-filter.js';
import { readChanges } from './read-changes.js';
import { reportResult } from './result-report.js';
import { readBackTranslations } from './translations.js';

/** The files an operation writes from: the document's, and those of the translations it sends. */
function sourcePaths(op: Operation): string[] {
  const translations = 'translations' in op ? op.translations.map((t) => t.path) : [];
  const path = 'path' in op ? op.path : undefined;
  return path === undefined ? translations : [path, ...translations];
}

/** The run layer's content steps under the session's config and site, through the cache's memo. */
export function pipelineOf(
  ctx: Pick<CycleContext, 'config' | 'site' | 'cache' | 'memory'>,
  formerKeys: ReadonlyMap<string, readonly string[]> = recordedFormerKeys(ctx.memory.state),
): ContentPipeline {
  return contentPipeline(ctx.config, ctx.site, ctx.cache.memo ?? undefined, formerKeys);
}

/**
 * One pass: re-read the saved files, rebuild the desired state, plan, hold broken files, apply, fold.
 * Returns how many writes it attempted.
 */
export async function runCycle(ctx: CycleContext, batch: Batch): Promise<number> {
  const { memory, config } = ctx;
  const full = batch.reason !== 'change';
  ctx.emit({
    type: 'cycle',
    at: ctx.now(),
    reason: batch.reason,
    paths: [...new Set(batch.changes.map((c) => c.path))],
  });
  const read = await readChanges(config.contentDir, ctx.cache, batch.changes);
  if (!full && read.touched.length === 0 && read.assets.length === 0) {
    if (read.same.length > 0) ctx.emit({ type: 'unchanged', at: ctx.now(), paths: read.same });
    return 0;
  }
  const recorded = recordedFormerKeys(memory.state);
  let build = await ctx.cache.build(pipelineOf(ctx, recorded));
  if (memory.stale || batch.reason === 'refresh') {
    memory.state = await withJournaledUploads(
      await readRemote(ctx.api, config, build.desired),
      uploadJournal(config),
    );
    memory.stale = false;
    if (batch.reason === 'refresh') {
      const { articles, collections } = memory.state;
      ctx.emit({
        type: 'refreshed',
        at: ctx.now(),
        articles: articles.length,
        collections: collections.length,
      });
    }
  }
  const planOf = () =>
    makePlan(build.desired, memory.state, config, { publish: ctx.publish, planMemo: ctx.planMemo });
  let plan = planOf();
  // A move made in this cycle: links still written to the old path resolve once it is known (as plan does).
  const formerKeys = formerKeysToRebuildWith(plan, memory.state, recorded);
  if (formerKeys) {
    build = await ctx.cache.build(pipelineOf(ctx, formerKeys));
    plan = planOf();
  }
  const touched = new Set(read.touched);
  const blocked = blockedFiles(plan.diagnostics);
  const keys = new Set(build.brokenKeys);
  for (const path of blocked.paths) {
    const key = build.keyOf.get(path);
    if (key !== undefined) keys.add(key);
  }
  const shown = diagnosticsToShow(plan.diagnostics, full, touched, memory.diagnosed);
  if (shown.length > 0) {
    const named = new Set(shown.flatMap((d) => (d.file !== undefined ? [d.file] : [])));
    const inView = [...blocked.paths].filter((p) => named.has(p));
    ctx.emit({ type: 'diagnostics', at: ctx.now(), diagnostics: shown, blocked: inView });
  }
  const fixed = [...memory.broken].filter((p) => !blocked.paths.has(p) && ctx.cache.has(p));
  if (fixed.length > 0) ctx.emit({ type: 'fixed', at: ctx.now(), paths: fixed });
  memory.broken = blocked.paths;

  const runnable = holdBrokenFiles(plan, { paths: blocked.paths, keys, all: blocked.all });
  const notices = noticesToShow(runnable.operations, memory.announced, {
    full,
    touched,
    deletedKeys: read.deletedKeys,
  });
  for (const { notice, path } of notices) {
    ctx.emit({ type: 'notice', at: ctx.now(), notice, ...(path !== undefined ? { path } : {}) });
  }
  if (ctx.isClosed()) return 0;

  const results = await executePlan(runnable, ctx.api, {
    contentDir: config.contentDir,
    site: config.site,
    uploadJournal: uploadJournal(config),
    onEvent: (event) => {
      if (event.type === 'done') reportResult(ctx, read, full, event.result);
    },
  });
  const folded = foldResults(memory.state, results);
  memory.state = folded.state;
  if (folded.uncertain) memory.stale = true;
  try {
    memory.state = await readBackTranslations(ctx.api, memory.state, folded.translationsToRead);
  } catch {
    memory.stale = true; // read the whole knowledge base before the next plan instead
  }

  const answered = new Set(runnable.operations.filter(isWrite).flatMap(sourcePaths));
  const noticed = new Set(notices.flatMap((n) => (n.path !== undefined ? [n.path] : [])));
  // Saved files that led to nothing (a deleted file that was never published says nothing either).
  const quiet = read.touched.filter(
    (p) => ctx.cache.has(p) && !answered.has(p) && !noticed.has(p) && !blocked.paths.has(p),
  );
  if (!full && quiet.length > 0) ctx.emit({ type: 'unchanged', at: ctx.now(), paths: quiet });
  return results.length;
}
