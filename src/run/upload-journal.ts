import { join } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { uploadedAssetUrls } from '../identity/placeholders.js';
import type { CurrentState } from '../remote/types.js';
import { readTargetState, targetKey, updateTargetStateSync } from './target-state-file.js';

/**
 * Files uploaded to a target whose URL no remote body records yet, kept in `<rootDir>/.pylon-kb/uploads.json`.
 * Apply writes an entry as soon as each upload is answered (synchronously); a run killed before the
 * articles that use the file were written leaves it here, and the next plan reuses the URL instead of
 * uploading the file again. Once a body
 * in the knowledge base carries the file (`data-pylon-kb-asset`), the remote is the record and the entry is
 * dropped. Entries are per target (transport, API URL, token fingerprint, as for learned rate limits), used
 * only while their URL still answers, and forgotten after 30 days. A missing or unreadable file is no
 * knowledge: at worst a file is uploaded again.
 */
const FORMAT = 1;
export const UPLOAD_JOURNAL_PATH = join('.pylon-kb', 'uploads.json');
export const UPLOAD_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

interface Entry {
  url: string;
  uploadedAt: number;
}
/** sha256 → what was uploaded, for one target. */
type Entries = Record<string, Entry>;

/** Whether an uploaded file's URL still serves it: `gone` only for an answer that says so. */
export type ServedCheck = (url: string) => Promise<'served' | 'gone' | 'unknown'>;

export interface UploadJournal {
  /**
   * The URLs of files uploaded earlier that still answer, by digest; entries for `recorded` digests (found
   * in remote bodies), old entries and gone URLs are dropped from the file.
   */
  recall(recorded: ReadonlySet<string>): Promise<Record<string, string>>;
  /** Adds one upload; resolves once the file is written. */
  record(sha256: string, url: string): Promise<void>;
}

/** A HEAD request without credentials (uploaded files are served from public, signed URLs). */
export const headCheck: ServedCheck = async (url) => {
  if (!/^https?:\/\//i.test(url)) return 'unknown';
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(5000),
    });
    if (response.ok) return 'served';
    return response.status === 404 || response.status === 410 ? 'gone' : 'unknown';
  } catch {
    return 'unknown';
  }
};

const validEntry = (e: unknown): e is Entry =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as Entry).url === 'string' &&
  Number.isFinite((e as Entry).uploadedAt);

/**
 * The journal of the configured target, or null for an embedded emulator (it starts empty on each run
 * unless it has a state file, and its URL changes with its port).
 */
export function uploadJournal(
  config: Pick<ResolvedConfig, 'rootDir' | 'target'>,
  options: { now?: () => number; served?: ServedCheck } = {},
): UploadJournal | null {
  const target = config.target;
  if (target.kind === 'emulator') return null;
  const key = targetKey(
    target.kind,
    target.apiUrl,
    target.token,
    target.kind === 'truto' ? target.integratedAccountId : undefined,
  );
  const path = join(config.rootDir, UPLOAD_JOURNAL_PATH);
  const now = options.now ?? Date.now;
  const served = options.served ?? headCheck;
  // Synchronous, so an entry is on disk before the loop runs anything else (a process killed a moment after
  // an upload was answered keeps it), and two changes never interleave.
  const update = (change: (entries: Entries) => void): Promise<void> => {
    try {
      updateTargetStateSync<Entries>(path, FORMAT, key, (current) => {
        const entries = { ...(current ?? {}) };
        change(entries);
        return Object.keys(entries).length > 0 ? entries : undefined;
      });
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    async recall(recorded) {
      const entries = (await readTargetState<Entries>(path, FORMAT)).targets[key] ?? {};
      const drop = new Set<string>();
      const checks = Object.entries(entries).map(async ([sha, entry]) => {
        if (!validEntry(entry) || recorded.has(sha) || now() - entry.uploadedAt > UPLOAD_MAX_AGE_MS) {
          drop.add(sha);
          return null;
        }
        const state = await served(entry.url);
        if (state === 'gone') drop.add(sha);
        return state === 'served' ? ([sha, entry.url] as const) : null;
      });
      const usable = (await Promise.all(checks)).filter((e) => e !== null);
      if (drop.size > 0) {
        await update((current) => {
          for (const sha of drop) delete current[sha];
        }).catch(() => undefined);
      }
      return Object.fromEntries(usable);
    },
    record(sha256, url) {
      return update((current) => {
        current[sha256] = { url, uploadedAt: now() };
      });
    },
  };
}

/** Digests of the files the knowledge base's bodies (and translations) carry: their URLs are on record. */
export function recordedDigests(current: Pick<CurrentState, 'articles'>): Set<string> {
  const digests = new Set<string>();
  for (const remote of current.articles) {
    const bodies = [
      remote.article.current_draft_content_html,
      ...Object.values(remote.translations ?? {}).map((t) => t.html),
    ];
    for (const html of bodies) for (const sha of uploadedAssetUrls(html ?? '').keys()) digests.add(sha);
  }
  return digests;
}

/** The current state with the journal's still-served uploads the remote does not record yet. */
export async function withJournaledUploads(
  current: CurrentState,
  journal: UploadJournal | null,
): Promise<CurrentState> {
  if (!journal) return current;
  const uploadedFiles = await journal.recall(recordedDigests(current));
  return Object.keys(uploadedFiles).length > 0 ? { ...current, uploadedFiles } : current;
}
