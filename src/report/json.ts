import type { Plan } from '../plan/types.js';
import { OPERATION_KINDS } from './summary.js';

const TOP_LEVEL = ['version', 'summary', 'operations', 'diagnostics', 'knowledgeBase', 'remoteVersions'];
const OPERATION_FIRST = ['kind', 'key'];
const SUMMARY_ORDER = [...OPERATION_KINDS, 'unchanged'];
const DIAGNOSTIC_ORDER = ['severity', 'code', 'message', 'file', 'line', 'column', 'field', 'hint'];

/**
 * The plan as pretty-printed JSON (2 spaces, trailing newline) with a stable key order whatever order the
 * plan's objects were built in: top level `version, summary, operations, diagnostics, knowledgeBase,
 * remoteVersions`; summary in report order of kinds then `unchanged`; each operation `kind, key` first;
 * diagnostics in their documented field order; every other object's keys sorted. `JSON.parse` gives the
 * plan back, so this is also the `plan --out plan.json` file format.
 */
export function renderPlanJson(plan: Plan): string {
  const doc = {
    ...pick(plan, TOP_LEVEL),
    summary: ordered(plan.summary, SUMMARY_ORDER),
    operations: plan.operations.map((op) => ordered(op, OPERATION_FIRST)),
    diagnostics: plan.diagnostics.map((d) => ordered(d, DIAGNOSTIC_ORDER)),
    knowledgeBase: ordered(plan.knowledgeBase, ['id', 'slug', 'title']),
    remoteVersions: ordered(plan.remoteVersions, []),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function pick(value: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of keys) if (key in record) out[key] = record[key];
  for (const key of Object.keys(record).sort()) if (!(key in out)) out[key] = record[key];
  return out;
}

/** `first` keys in that order, then the rest sorted; nested plain objects sorted recursively. */
function ordered(value: object, first: readonly string[]): Record<string, unknown> {
  const out = pick(value, first);
  for (const [key, child] of Object.entries(out)) out[key] = sortDeep(child);
  return out;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') return ordered(value, []);
  return value;
}
