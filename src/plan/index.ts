export { resolveAuthor } from './authors.js';
export type { PlanOptions } from './options.js';
export { createPlan } from './plan.js';
export { staleReasons } from './staleness.js';
export * from './types.js';
