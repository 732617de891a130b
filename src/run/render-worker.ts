/**
 * A render worker (see render-pool.ts): renders the documents it is sent with the same function the
 * main thread uses, so a rendering made here is the one the main thread would have made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Renderable, renderForCache } from '../content/document-rendering.js';
import type { RenderJobSettings } from './render-pool.js';

const settings = workerData as RenderJobSettings;

parentPort?.on('message', (batch: { id: number; docs: Renderable[] }) => {
  try {
    const renderings = batch.docs.map((doc) =>
      renderForCache(doc, settings.dropLeadingH1, settings.syntax, settings.headingIds),
    );
    parentPort?.postMessage({ id: batch.id, renderings });
  } catch (error) {
    parentPort?.postMessage({ id: batch.id, error: (error as Error).stack ?? String(error) });
  }
});
