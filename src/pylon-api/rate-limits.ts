import { ENDPOINT_TABLE, type EndpointName, type RateClass } from './endpoints.js';

/**
 * Pylon's rate limits: per organisation, per endpoint, per minute. Each endpoint belongs to one class
 * (its column in ENDPOINT_TABLE); a preset gives requests per minute for each class.
 *
 * `documented` is the April 2026 OpenAPI prose (60 / 20 / 10: simple reads; lists, searches, PATCHes and
 * article deletes; creates, redirects, attachments and collection deletes). `raised` follows the later
 * reports (about 300 / 120 / 30: reads; updates and searches; creates and deletes). The two tiers do not
 * group the endpoints the same way, hence the two small classes: `getCollection` is a list-tier read in
 * the April document but a plain read later, and the article DELETE moves from the middle tier to the
 * delete tier.
 *
 * `current` is what Pylon's rate-limit page states now (December 2026): one of three tiers per organization
 * and endpoint, 30, 120 or 300 a minute — reads 300, updates and searches 120, creates and deletes 30 — with
 * `X-Rate-Limit-*` headers on the answers. The same numbers as `raised`, now documented rather than observed.
 */
export const RATE_LIMIT_PRESET_NAMES = ['documented', 'current', 'raised', 'off'] as const;
export type RateLimitPreset = (typeof RATE_LIMIT_PRESET_NAMES)[number];

/** Requests per minute for each class, per preset (`off` has no limits). */
export const RATE_LIMIT_PRESETS: Readonly<
  Record<Exclude<RateLimitPreset, 'off'>, Record<RateClass, number>>
> = {
  documented: { read: 60, list: 20, write: 10, 'collection-read': 20, 'article-delete': 20 },
  current: { read: 300, list: 120, write: 30, 'collection-read': 300, 'article-delete': 30 },
  raised: { read: 300, list: 120, write: 30, 'collection-read': 300, 'article-delete': 30 },
};

/** Limits per endpoint, or `null` for no limit; an override wins over the preset. */
export function rateLimitsFor(
  preset: RateLimitPreset,
  overrides: Partial<Record<EndpointName, number>> = {},
): Record<EndpointName, number | null> {
  const classes = preset === 'off' ? null : RATE_LIMIT_PRESETS[preset];
  const out = {} as Record<EndpointName, number | null>;
  for (const row of ENDPOINT_TABLE) out[row.name] = overrides[row.name] ?? classes?.[row.rateClass] ?? null;
  return out;
}
