export { type ApplyOptions, applyPlan, failedResults } from './apply.js';
export type { ApplyEvent } from './context.js';
export type { ApplyResult, ApplyStatus, OperationError } from './types.js';
