import { trutoPathFor } from '../../pylon-api/index.js';
import type { TransportRequest } from '../transport.js';

/**
 * The full Truto URL: the Truto path for the Pylon path (see pylon-api/truto.ts), `integrated_account_id`
 * on every call, and a page asked for with Truto's own parameters (`next_cursor`, `limit`), as query
 * parameters whatever the method.
 */
export function trutoUrl(base: string, req: TransportRequest, integratedAccountId: string): string {
  const params = new URLSearchParams(req.query);
  params.set('integrated_account_id', integratedAccountId);
  if (req.page?.cursor !== undefined) params.set('next_cursor', req.page.cursor);
  if (req.page?.limit !== undefined) params.set('limit', String(req.page.limit));
  return `${base}${trutoPathFor(req.path)}?${params.toString()}`;
}
