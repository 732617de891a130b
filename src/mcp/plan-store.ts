import { randomUUID } from 'node:crypto';
import type { Plan } from '../plan/types.js';

/** A plan made by the `plan` tool in this session; `apply` takes only these, by id. */
export interface StoredPlan {
  id: string;
  plan: Plan;
  /** Set once `apply` has run it: a plan is applied at most once. */
  appliedAt?: Date;
}

/** How many plans a session keeps; the oldest is forgotten first (an agent re-plans, it never needs old ones). */
const KEPT_PLANS = 20;

/** The plans this server made, so an agent can only apply what pylon-kb itself planned and it reviewed. */
export class PlanStore {
  readonly #plans = new Map<string, StoredPlan>();

  add(plan: Plan): StoredPlan {
    const stored: StoredPlan = { id: `plan-${randomUUID().slice(0, 8)}`, plan };
    this.#plans.set(stored.id, stored);
    while (this.#plans.size > KEPT_PLANS) {
      const oldest = this.#plans.keys().next().value;
      if (oldest === undefined) break;
      this.#plans.delete(oldest);
    }
    return stored;
  }

  get(id: string): StoredPlan | undefined {
    return this.#plans.get(id);
  }
}
