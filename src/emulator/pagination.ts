import { badRequest } from './errors.js';

/**
 * Cursor pagination over items in insertion order. The cursor is an opaque base64url token holding the
 * `seq` of the last item returned, so deleting items between pages neither skips nor repeats any.
 */

export interface Page<T> {
  items: T[];
  pagination: { cursor: string; has_next_page: boolean };
}

export function parseLimit(raw: unknown, field = 'limit'): number {
  if (raw === undefined || raw === null || raw === '') return 100;
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 999) {
    throw badRequest(`${field} must be an integer greater than 0 and less than 1000`);
  }
  return n;
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^after:(\d+)$/.exec(text);
  if (!match?.[1]) throw badRequest('cursor is invalid');
  return Number(match[1]);
}

export function paginate<T extends { seq: number }>(items: T[], cursor: unknown, limit: number): Page<T> {
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') {
    throw badRequest('cursor must be a string');
  }
  const after = cursor ? decodeCursor(cursor) : 0;
  const rest = items.filter((i) => i.seq > after);
  const page = rest.slice(0, limit);
  const hasNext = rest.length > limit;
  const last = page.at(-1);
  return {
    items: page,
    pagination: {
      cursor: hasNext && last ? Buffer.from(`after:${last.seq}`).toString('base64url') : '',
      has_next_page: hasNext,
    },
  };
}
