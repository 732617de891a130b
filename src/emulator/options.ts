import { ENDPOINTS, type RateLimitPreset } from '../pylon-api/index.js';
import type { EmulatorBehaviour, RateLimitOption } from './types.js';

/** Defaults for every behaviour option (documented in docs/emulator.md). */
export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
  rateLimits: 'off',
  timeScale: 1,
  duplicateSlugs: 'allow',
  duplicateRedirects: 'reject',
  htmlNormalizer: false,
  immutableFields: 'ignore',
  translationUpsert: true,
  urlSuffix: 'title',
  collectionPatch: false,
  maxAttachmentBytes: 50 * 1024 * 1024,
  rateLimitHeaders: false,
};

const PRESETS = ['documented', 'current', 'raised', 'off'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new Error(`${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${field} must be a boolean`);
  return value;
}

function rateLimits(value: unknown): RateLimitOption {
  if (typeof value === 'string') return oneOf(value, PRESETS, 'rateLimits') as RateLimitOption;
  if (typeof value !== 'object' || value === null)
    throw new Error('rateLimits must be a preset or {preset, overrides}');
  const v = value as { preset?: unknown; overrides?: unknown };
  const preset = oneOf(v.preset, PRESETS, 'rateLimits.preset') as RateLimitPreset;
  if (v.overrides === undefined) return { preset };
  if (typeof v.overrides !== 'object' || v.overrides === null)
    throw new Error('rateLimits.overrides must be an object');
  const overrides: Record<string, number> = {};
  for (const [name, limit] of Object.entries(v.overrides)) {
    if (!(ENDPOINTS as readonly string[]).includes(name))
      throw new Error(`rateLimits.overrides: unknown endpoint ${name}`);
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
      throw new Error(`rateLimits.overrides.${name} must be a positive integer`);
    }
    overrides[name] = limit;
  }
  return { preset, overrides };
}

/**
 * Check behaviour options from outside (HTTP, CLI, in-process); throws with a message naming the option.
 * Other keys are ignored, or rejected when `strict`.
 */
export function validateBehaviour(input: unknown, strict = false): Partial<EmulatorBehaviour> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('options must be an object');
  const out: Partial<EmulatorBehaviour> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    switch (key) {
      case 'rateLimits':
        out.rateLimits = rateLimits(value);
        break;
      case 'timeScale':
      case 'maxAttachmentBytes':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
          throw new Error(`${key} must be a positive number`);
        }
        out[key] = value;
        break;
      case 'duplicateSlugs':
      case 'duplicateRedirects':
        out[key] = oneOf(value, ['allow', 'reject'], key);
        break;
      case 'immutableFields':
        out.immutableFields = oneOf(value, ['ignore', 'reject'], key);
        break;
      case 'urlSuffix':
        out.urlSuffix = oneOf(value, ['title', 'slug'], key);
        break;
      case 'htmlNormalizer':
      case 'translationUpsert':
      case 'collectionPatch':
      case 'rateLimitHeaders':
        out[key] = bool(value, key);
        break;
      default:
        if (strict) throw new Error(`unknown option ${key}`);
        break;
    }
  }
  return out;
}
