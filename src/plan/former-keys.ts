import type { CurrentState } from '../remote/types.js';
import type { Plan } from './types.js';

/**
 * The keys each document had before pylon-kb moved it, by its current key: what the live articles' markers
 * recorded, and the moves this plan makes (a rename paired by similarity has no redirect key to say so).
 * With them, a link still written to the old path resolves to the article, with a warning (content layer).
 */
function formerKeysOf(plan: Plan, current: CurrentState): Map<string, string[]> {
  const former = recordedFormerKeys(current);
  for (const op of plan.operations) {
    if (op.kind === 'move-article') addFormer(former, op.key, [op.from.key]);
    if (op.kind === 'update-article' && op.previousKey !== undefined)
      addFormer(former, op.key, [op.previousKey]);
  }
  return former;
}

/** The former keys the live articles' markers record, by their current key. */
export function recordedFormerKeys(current: CurrentState): Map<string, string[]> {
  const former = new Map<string, string[]>();
  for (const { marker } of current.articles)
    if (marker?.formerKeys && !marker.retired) addFormer(former, marker.key, marker.formerKeys);
  return former;
}

/**
 * The former keys to build the content with again, or null when that would change nothing: the plan links
 * to no missing document, or the build already had every former key (`used`) the plan and remote know.
 */
export function formerKeysToRebuildWith(
  plan: Plan,
  current: CurrentState,
  used: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> | null {
  if (!hasMissingLinkTargets(plan)) return null;
  const former = formerKeysOf(plan, current);
  const same =
    former.size === used.size &&
    [...former].every(([key, keys]) => keys.every((k) => used.get(key)?.includes(k)));
  return same ? null : former;
}

function addFormer(former: Map<string, string[]>, key: string, keys: readonly string[]): void {
  const list = former.get(key) ?? [];
  for (const k of keys) if (k !== key && !list.includes(k)) list.push(k);
  if (list.length > 0) former.set(key, list);
}

/** Whether the plan holds a link to a document that is not in the tree (which a former key might explain). */
function hasMissingLinkTargets(plan: Plan): boolean {
  return plan.diagnostics.some((d) => d.code === 'link/missing-target' || d.code === 'link/unresolved');
}
