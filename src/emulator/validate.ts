import {
  AI_AGENT_ACCESS_VALUES,
  isPylonLanguage,
  pylonLanguageOf,
  VISIBILITIES,
  type VisibilityConfig,
} from '../pylon-api/index.js';
import { badRequest } from './errors.js';
import type { KbRecord } from './model.js';

/** Small checks for request bodies; every message names the field. */

export type Body = Record<string, unknown>;

export function jsonObject(body: unknown): Body {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('request body must be a JSON object');
  }
  return body as Body;
}

export function requiredString(body: Body, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') throw badRequest(`${field} is required`);
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}

export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${field} must be a string`);
  return value;
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${field} must be a boolean`);
  return value;
}

export function stringArray(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(`${field} must be an array of strings`);
  }
  return value as string[];
}

const VISIBILITY: readonly string[] = VISIBILITIES;
const AI_ACCESS: readonly string[] = AI_AGENT_ACCESS_VALUES;

export function visibilityConfig(body: Body, field = 'visibility_config'): VisibilityConfig | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${field} must be an object`);
  const v = value as Body;
  const out: VisibilityConfig & Body = {};
  if (v.visibility !== undefined) {
    if (typeof v.visibility !== 'string' || !VISIBILITY.includes(v.visibility)) {
      throw badRequest(`${field}.visibility must be one of ${VISIBILITY.join(', ')}`);
    }
    out.visibility = v.visibility as VisibilityConfig['visibility'] & string;
  }
  if (v.ai_agent_access !== undefined) {
    if (typeof v.ai_agent_access !== 'string' || !AI_ACCESS.includes(v.ai_agent_access)) {
      throw badRequest(`${field}.ai_agent_access must be one of ${AI_ACCESS.join(', ')}`);
    }
    out.ai_agent_access = v.ai_agent_access as VisibilityConfig['ai_agent_access'] & string;
  }
  if (v.allowed_agent_ids !== undefined) {
    out.allowed_agent_ids = stringArray(v.allowed_agent_ids, `${field}.allowed_agent_ids`);
  }
  if (v.customer_visibility_condition !== undefined) {
    out.customer_visibility_condition = v.customer_visibility_condition;
  }
  return out;
}

/** A language code accepted by the KB; `field` names where it came from. */
export function supportedLanguage(kb: KbRecord, language: string, field: string): string {
  if (!kb.supported_languages.includes(language)) {
    // Pylon's codes are its own (`pt-br`, `no`): a BCP 47 spelling of a supported one is refused too.
    const pylon = isPylonLanguage(language) ? undefined : pylonLanguageOf(language).code;
    throw badRequest(
      `${field} "${language}" is not supported by this knowledge base (supported: ${kb.supported_languages.join(', ')})${
        pylon ? `; Pylon's code for it is "${pylon}"` : ''
      }`,
    );
  }
  return language;
}

/** Fields a request may not change; ignored, or rejected in strict mode. */
export function immutable(body: Body, fields: string[], mode: 'ignore' | 'reject'): void {
  if (mode === 'ignore') return;
  for (const f of fields) {
    if (body[f] !== undefined) throw badRequest(`${f} cannot be changed after creation`);
  }
}
