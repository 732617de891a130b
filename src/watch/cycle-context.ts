import type { ResolvedConfig } from '../config/types.js';
import type { PlanMemo } from '../plan/article-memo.js';
import type { PylonApi } from '../pylon/api.js';
import type { CurrentState } from '../remote/types.js';
import type { SiteContext } from '../sites/types.js';
import type { DesiredCache } from './desired-cache.js';
import type { CycleReason, FileChange, WatchEvent } from './types.js';

/** What a session remembers between cycles. */
export interface CycleMemory {
  /** The knowledge base as pylon-kb believes it is: loaded once, then folded from write results. */
  state: CurrentState;
  /** Re-read the knowledge base before the next plan (a write's outcome is unknown). */
  stale: boolean;
  /** Keys of articles written for a save in this session (the first such write says where to see it). */
  written: Set<string>;
  /** Files that had errors after the last cycle. */
  broken: Set<string>;
  /** The problems of the last pass (a new one is printed even when its file was not saved). */
  diagnosed: Set<string>;
  /** Orphan and drift notices already printed. */
  announced: Set<string>;
  /** Writes refused because the session was closing. */
  unsent: number;
}

/** A session's memory before its first cycle: the knowledge base is read at start. */
export function emptyMemory(): CycleMemory {
  const knowledgeBase = { id: '', slug: '', title: '' };
  const state = { knowledgeBase, collections: [], articles: [], users: [], teams: [] };
  return {
    state,
    stale: false,
    written: new Set(),
    broken: new Set(),
    diagnosed: new Set(),
    announced: new Set(),
    unsent: 0,
  };
}

export interface CycleContext {
  config: ResolvedConfig;
  api: PylonApi;
  cache: DesiredCache;
  /** Each document's planning in the last cycles: only documents whose inputs changed are planned again. */
  planMemo: PlanMemo;
  /** The site generator's conventions, read with the files (as `plan` and `apply` read them). */
  site: SiteContext | undefined;
  publish: boolean;
  memory: CycleMemory;
  now: () => number;
  emit: (event: WatchEvent) => void;
  isClosed: () => boolean;
}

export interface Batch {
  reason: CycleReason;
  changes: FileChange[];
}
