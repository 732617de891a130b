import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LearnedLimit } from '../pylon/index.js';
import type { EndpointName } from '../pylon-api/index.js';

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

interface FileShape {
  format: number;
  targets: Record<string, { savedAt: number; endpoints: Learned }>;
}

/** The key of a target in the file: no secret in it, only a short one-way fingerprint of the token. */
export function targetKey(kind: string, apiUrl: string, token: string, account?: string): string {
  const fingerprint = createHash('sha256').update(token).digest('hex').slice(0, 12);
  return [kind, apiUrl, account ?? '-', fingerprint].join(' ');
}

async function readShape(path: string): Promise<FileShape> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<FileShape>;
    if (data.format === FORMAT && data.targets && typeof data.targets === 'object') {
      return { format: FORMAT, targets: data.targets };
    }
  } catch {
    // No file yet, or one that cannot be read: nothing learned.
  }
  return { format: FORMAT, targets: {} };
}

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
  const entry = (await readShape(join(rootDir, LEARNED_LIMITS_PATH))).targets[key];
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
  const shape = await readShape(path);
  const before = JSON.stringify(shape.targets[key]?.endpoints ?? {});
  if (Object.keys(learned).length === 0 && !shape.targets[key]) return;
  if (before === JSON.stringify(learned)) return;
  shape.targets[key] = { savedAt: nowEpochMs, endpoints: learned };
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(shape, null, 2)}\n`);
  await rename(temporary, path);
}
