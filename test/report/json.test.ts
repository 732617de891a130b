import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanJson } from '../../src/report/index.js';
import { emptyPlan, fullPlan } from './fixtures.js';

/** The same plan with every object's keys inserted in reverse order. */
function reversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversed) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    ) as T;
  }
  return value;
}

describe('renderPlanJson', () => {
  it('parses back to the same plan', () => {
    const plan = fullPlan();
    expect(JSON.parse(renderPlanJson(plan))).toEqual(plan);
    expect(JSON.parse(renderPlanJson(emptyPlan()))).toEqual(emptyPlan());
  });

  it('has a stable key order whatever order the plan was built in', () => {
    const plan = fullPlan();
    const json = renderPlanJson(plan);
    expect(renderPlanJson(reversed(plan))).toBe(json);
    const parsed = JSON.parse(json) as Plan;
    expect(Object.keys(parsed)).toEqual([
      'version',
      'summary',
      'operations',
      'diagnostics',
      'knowledgeBase',
      'remoteVersions',
    ]);
    for (const op of parsed.operations) expect(Object.keys(op).slice(0, 2)).toEqual(['kind', 'key']);
    expect(Object.keys(parsed.summary).at(-1)).toBe('unchanged');
    expect(Object.keys(parsed.diagnostics[0] ?? {}).slice(0, 3)).toEqual(['severity', 'code', 'message']);
  });

  it('is pretty-printed with a trailing newline and version 1 first', () => {
    const json = renderPlanJson(emptyPlan());
    expect(json.startsWith('{\n  "version": 1,\n  "summary": {')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
  });
});
