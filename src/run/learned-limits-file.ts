import { join } from 'node:path';
import type { LearnedLimit } from '../pylon/index.js';
import type { EndpointName } from '../pylon-api/index.js';
import { readTargetState, writeTargetState } from './target-state-file.js';

/**
 * Rate limits learned against a target, kept in `<rootDir>/.pylon-kb/rate-limits.json` so the next run
 * starts from them (CI keeps `.pylon-kb/` in its cache). Entries are per target, keyed by the transport, the
 * API URL and a fingerprint of the token (limits are per organisation; the token itself is never written),
 * and per endpoint. A ceiling (the count a server refused) is forgotten after a day, so a raised plan is
 * found again. A missing or unreadable file is no knowledge: it only saves time, it never decides anything.
 */
const FORMAT = 1;
export const LEARNED_LIMITS_PATH = join('.pylon-kb', 'rate-limits.json');
export const CEILING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

type Learned = Partial<Record<EndpointName, LearnedLimit>>;

type Entry = { savedAt: number; endpoints: Learned };

function valid(limit: unknown): limit is LearnedLimit {
  const l = limit as LearnedLimit | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    Number.isInteger(l.limit) &&
    l.limit >= 1 &&
    (l.ceiling === undefined || (Number.isInteger(l.ceiling) && l.ceiling > l.limit))
  );
}

/** What was learned against `key`, with ceilings older than a day dropped. */
export async function readLearnedLimits(rootDir: string, key: string, nowEpochMs: number): Promise<Learned> {
  const entry = (await readTargetState<Entry>(join(rootDir, LEARNED_LIMITS_PATH), FORMAT)).targets[key];
  if (!entry) return {};
  const fresh = nowEpochMs - entry.savedAt <= CEILING_MAX_AGE_MS;
  const out: Learned = {};
  for (const [name, limit] of Object.entries(entry.endpoints ?? {})) {
    if (!valid(limit)) continue;
    out[name as EndpointName] = fresh ? limit : { limit: limit.limit };
  }
  return out;
}

/** Records what was learned against `key` (other targets' entries are kept). */
export async function writeLearnedLimits(
  rootDir: string,
  key: string,
  learned: Learned,
  nowEpochMs: number,
): Promise<void> {
  const path = join(rootDir, LEARNED_LIMITS_PATH);
  const shape = await readTargetState<Entry>(path, FORMAT);
  const before = JSON.stringify(shape.targets[key]?.endpoints ?? {});
  if (Object.keys(learned).length === 0 && !shape.targets[key]) return;
  if (before === JSON.stringify(learned)) return;
  shape.targets[key] = { savedAt: nowEpochMs, endpoints: learned };
  await writeTargetState(path, shape);
}
