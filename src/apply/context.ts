import type { Operation } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import type { ApplyResult } from './types.js';

export type ApplyEvent = { type: 'start'; op: Operation } | { type: 'done'; result: ApplyResult };

export interface ApplyContext {
  api: PylonApi;
  kbId: string;
  /** Local collection key → remote id, filled as collections are created. */
  collectionIds: Map<string, string>;
}
