import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type CachedRendering,
  type Renderable,
  type RenderCache,
  renderCacheKey,
} from '../content/document-rendering.js';
import type { SyntaxInputs } from '../content/render-syntax.js';
import type { HeadingIdRule } from '../markdown/heading-slugs.js';

/** What every rendering of one build shares: sent once to each worker. */
export interface RenderJobSettings {
  dropLeadingH1: boolean;
  syntax: SyntaxInputs | undefined;
  headingIds: HeadingIdRule;
}

export interface RenderPoolOptions {
  /** Worker threads to use; default: the machine's cores (`PYLON_KB_RENDER_THREADS` overrides; 0 or 1: none). */
  threads?: number | undefined;
  /** Fewer documents to render than this are rendered on the main thread (starting workers costs more). */
  minDocuments?: number | undefined;
}

/** Below this many documents to render, workers start up for longer than they save. */
const MIN_DOCUMENTS = 96;
/** Documents per message: small enough to balance the workers, large enough that messages are few. */
const BATCH = 12;

/** The worker count a build may use: the option, else `PYLON_KB_RENDER_THREADS`, else the cores. */
export function renderThreads(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return Math.max(0, Math.floor(option));
  const fromEnv = env.PYLON_KB_RENDER_THREADS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv.trim());
  return availableParallelism();
}

/**
 * Renders, in worker threads, every document of `docs` whose rendering `cache` lacks, and puts the
 * renderings in `cache`: the build that follows finds them there and renders nothing itself. The workers
 * run the main thread's own render function, so the build's result is the same with or without them
 * (a test compares the two). Returns how many documents the workers rendered (0: the pool was not worth it).
 */
export async function prerenderInWorkers(
  docs: readonly Renderable[],
  cache: RenderCache,
  settings: RenderJobSettings,
  options: RenderPoolOptions = {},
): Promise<number> {
  const threads = renderThreads(options.threads);
  const missing = new Map<string, Renderable>();
  for (const doc of docs) {
    const key = renderCacheKey(doc, settings.dropLeadingH1, settings.syntax, settings.headingIds);
    const held = cache.has ? cache.has(key) : cache.get(key) !== undefined;
    if (!held && !missing.has(key)) missing.set(key, renderableOf(doc));
  }
  if (threads < 2 || missing.size < (options.minDocuments ?? MIN_DOCUMENTS)) return 0;
  const entries = [...missing];
  const batches: [string, Renderable][][] = [];
  for (let at = 0; at < entries.length; at += BATCH) batches.push(entries.slice(at, at + BATCH));
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => startWorker(settings));
  try {
    let next = 0;
    await Promise.all(
      workers.map(async (worker) => {
        while (next < batches.length) {
          const id = next++;
          const batch = batches[id] ?? [];
          const renderings = await renderBatch(
            worker,
            id,
            batch.map(([, doc]) => doc),
          );
          batch.forEach(([key], i) => {
            const rendering = renderings[i];
            if (rendering) cache.set(key, rendering);
          });
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return missing.size;
}

/** Only what rendering reads is sent to a worker (a document carries more). */
function renderableOf(doc: Renderable): Renderable {
  const { path, markdown, title, bodyStartLine, frontmatter } = doc;
  return { path, markdown, title, bodyStartLine, ...(frontmatter !== undefined && { frontmatter }) };
}

function startWorker(settings: RenderJobSettings): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./render-worker.js', import.meta.url), { workerData: settings });
  }
  // Under the TypeScript sources (tests, the bench) the worker loads the .ts module through tsx's loader.
  // require.resolve finds the CommonJS entry; the worker imports its ES module twin beside it.
  const tsxCjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const tsx = pathToFileURL(tsxCjs.replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL('./render-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(boot, { eval: true, workerData: settings });
}

function renderBatch(worker: Worker, id: number, docs: Renderable[]): Promise<CachedRendering[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; renderings?: CachedRendering[]; error?: string }) => {
      if (message.id !== id) return;
      cleanUp();
      if (message.error !== undefined) reject(new Error(`A render worker failed: ${message.error}`));
      else resolve(message.renderings ?? []);
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanUp();
      reject(new Error(`A render worker stopped (exit code ${code}) before it answered.`));
    };
    const cleanUp = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, docs });
  });
}
