import { type Hold, withoutHeldOperations } from '../plan/hold-back.js';
import type { Plan } from '../plan/types.js';

export type { Hold } from '../plan/hold-back.js';

/**
 * The plan without the operations of files that currently have errors, so one bad save blocks only its own
 * file: the same rule plan and apply follow (plan/hold-back.ts). The result's summary is not recomputed: it
 * is only used to run the writes and report them one by one.
 */
export function holdBrokenFiles(plan: Plan, hold: Hold): Plan {
  return { ...plan, operations: withoutHeldOperations(plan.operations, hold) };
}
