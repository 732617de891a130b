import type { EndpointName } from '../pylon-api/index.js';
import type { FaultRule } from './types.js';

export type FaultAction =
  | { kind: 'status'; status: 500 | 502 | 503 | 429; retryAfterSeconds?: number }
  /** Commit the write (now, or `commitDelayMs` later), then reset the connection or answer `status`. */
  | { kind: 'drop'; commitDelayMs?: number }
  | { kind: 'after-commit'; status: 502 | 503 | 504; commitDelayMs?: number };

export interface FaultOutcome {
  latencyMs: number;
  action: FaultAction | null;
}

interface RuleState {
  rule: FaultRule;
  matches: number;
  fired: number;
  random: () => number;
}

/** mulberry32: a small seeded PRNG, so `share` rules fire on the same requests every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = [500, 502, 503, 429];

/** Throws a message naming the bad field; used for rules that arrive over HTTP or from a file. */
export function validateFaultRules(value: unknown): FaultRule[] {
  if (!Array.isArray(value)) throw new Error('rules must be an array');
  return value.map((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Error(`rules[${i}] must be an object`);
    const r = raw as Record<string, unknown>;
    const num = (k: string, min: number, max = Number.POSITIVE_INFINITY) => {
      const v = r[k];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)) {
        throw new Error(
          `rules[${i}].${k} must be a number from ${min}${max < Number.POSITIVE_INFINITY ? ` to ${max}` : ''}`,
        );
      }
    };
    num('nth', 1);
    num('everyNth', 1);
    num('share', 0, 1);
    num('seed', 0);
    num('latencyMs', 0);
    num('times', 0);
    num('retryAfterSeconds', 0);
    num('commitDelayMs', 0, 600_000);
    if (r.statusAfterCommit !== undefined && ![502, 503, 504].includes(r.statusAfterCommit as number)) {
      throw new Error(`rules[${i}].statusAfterCommit must be one of 502, 503, 504`);
    }
    if (r.route !== undefined && typeof r.route !== 'string')
      throw new Error(`rules[${i}].route must be a string`);
    if (r.status !== undefined && !STATUSES.includes(r.status as number)) {
      throw new Error(`rules[${i}].status must be one of ${STATUSES.join(', ')}`);
    }
    if (r.dropAfterCommit !== undefined && typeof r.dropAfterCommit !== 'boolean') {
      throw new Error(`rules[${i}].dropAfterCommit must be a boolean`);
    }
    return raw as FaultRule;
  });
}

/** Decides, per API request, which fault rules fire. Each rule counts its own matching requests. */
export class FaultInjector {
  private states: RuleState[] = [];

  constructor(rules: FaultRule[] = []) {
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.states = rules.map((rule) => ({
      rule: { ...rule },
      matches: 0,
      fired: 0,
      random: prng(rule.seed ?? 1),
    }));
  }

  rules(): FaultRule[] {
    return this.states.map((s) => ({ ...s.rule }));
  }

  evaluate(route: string, endpoint: EndpointName | null): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0, action: null };
    for (const state of this.states) {
      const { rule } = state;
      if (rule.route !== undefined && rule.route !== route && rule.route !== endpoint) continue;
      state.matches++;
      if (!this.fires(state)) continue;
      state.fired++;
      outcome.latencyMs += rule.latencyMs ?? 0;
      if (outcome.action) continue;
      const delay = rule.commitDelayMs !== undefined ? { commitDelayMs: rule.commitDelayMs } : {};
      if (rule.dropAfterCommit) outcome.action = { kind: 'drop', ...delay };
      else if (rule.statusAfterCommit !== undefined)
        outcome.action = { kind: 'after-commit', status: rule.statusAfterCommit, ...delay };
      else if (rule.status !== undefined || rule.latencyMs === undefined) {
        outcome.action = { kind: 'status', status: rule.status ?? 500 };
        if (rule.retryAfterSeconds !== undefined) outcome.action.retryAfterSeconds = rule.retryAfterSeconds;
      }
    }
    return outcome;
  }

  private fires(state: RuleState): boolean {
    const { rule, matches, fired } = state;
    const times = rule.times ?? (rule.nth !== undefined ? 1 : Number.POSITIVE_INFINITY);
    if (fired >= times) return false;
    if (rule.nth !== undefined && matches < rule.nth) return false;
    if (rule.everyNth !== undefined && matches % rule.everyNth !== 0) return false;
    if (rule.share !== undefined && !(state.random() < rule.share)) return false;
    return true;
  }
}
