import type { ApplyResult } from '../apply/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DriftNotice, OrphanNotice } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';

/** One file event, relative to the content directory (posix), as the watcher saw it. */
export interface FileChange {
  path: string;
  kind: 'write' | 'delete';
  /** Not a document or folder metadata but another file (an image, a PDF…) a document may embed. */
  asset?: boolean;
  /** A Markdown file `exclude` or the site leaves out (a partial, a draft): links to it say so. */
  excluded?: boolean;
  /** When the save happened (epoch ms): the file's mtime when plausible, else the watcher's event time. */
  savedAt: number;
}

/** Why a cycle (read → plan → apply) runs. */
export type CycleReason = 'initial' | 'change' | 'refresh' | 'config';

/** What the watch engine reports. `at` is epoch ms. The CLI turns these into terminal lines (format.ts). */
export type WatchEvent =
  | { type: 'cycle'; at: number; reason: CycleReason; paths: string[] }
  /** A cycle finished (all its writes answered); `writes` is how many it attempted. */
  | { type: 'settled'; at: number; reason: CycleReason; writes: number }
  | { type: 'diagnostics'; at: number; diagnostics: Diagnostic[]; blocked: string[] }
  | {
      type: 'result';
      at: number;
      result: ApplyResult;
      /** The source file of the operation, when it has one. */
      path?: string;
      /** From the save to the server's acknowledgement; null when no save caused it (start-up, refresh). */
      latencyMs: number | null;
      /** First write of this article in the session: say where to see it. */
      firstWrite: boolean;
    }
  | { type: 'notice'; at: number; notice: OrphanNotice | DriftNotice; path?: string }
  | { type: 'unchanged'; at: number; paths: string[] }
  | { type: 'fixed'; at: number; paths: string[] }
  | { type: 'refreshed'; at: number; articles: number; collections: number }
  | { type: 'config'; at: number; path: string; applied: boolean; note?: string }
  | { type: 'ready'; at: number; documents: number; knowledgeBase: string; publish: boolean }
  | { type: 'stopped'; at: number; unsent: number }
  | { type: 'error'; at: number; message: string };

export interface WatchOptions {
  config: ResolvedConfig;
  /** The client to write with (rate limits, retries and their events are the client's business). */
  client: PylonApi;
  onEvent: (event: WatchEvent) => void;
  /** Publish what is applied. Default: `config.watch.publish` (false: drafts). */
  publish?: boolean | undefined;
  /** Quiet time after the last file event before a batch runs. Default: `config.watch.debounceMs`. */
  debounceMs?: number | undefined;
  /** How long a file's size must stay unchanged before its save counts as finished. Default 40 ms. */
  writeFinishMs?: number | undefined;
  /** Re-read the whole knowledge base this often (changes made by others). Default 300 000; 0 turns it off. */
  refreshIntervalMs?: number | undefined;
  /**
   * Keep renderings in `.pylon-kb/render-cache.json` (as plan and apply do): the session starts from what
   * the last run rendered and saves what it used at start-up and when it closes. Default false.
   */
  renderCache?: boolean | undefined;
  /** Called when the config file changes; the new config is used from the next cycle on. */
  reloadConfig?: (() => Promise<ResolvedConfig>) | undefined;
  /** Wall clock (epoch ms). Default `Date.now`. */
  now?: (() => number) | undefined;
}

export interface WatchStats {
  /** Markdown renderings since the session started (unchanged files are never re-rendered). */
  renders: number;
  /** Completed read → plan → apply cycles, the start-up sync included. */
  cycles: number;
  /** Files of the docs tree held in memory. */
  files: number;
}

export interface WatchSession {
  /** Resolves when the start-up sync has been applied (or failed and was reported). */
  readonly initialSync: Promise<void>;
  /** Re-reads the knowledge base (changes made by others), re-plans and applies; resolves when done. */
  refresh(): Promise<void>;
  stats(): WatchStats;
  /** Stops watching: no new writes start, writes in flight finish, every timer and watcher is closed. */
  close(): Promise<void>;
}
