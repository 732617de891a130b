import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { definitionOf, NOTICE_KINDS, type Operation, type OperationKind } from './operations/index.js';

export * from './operations/index.js';

export const PLAN_VERSION = 1 as const;
export type PlanSummary = Partial<Record<OperationKind, number>> & { unchanged: number };

/** The difference between the docs tree and the knowledge base: versioned, JSON-serialisable data. */
export interface Plan {
  version: typeof PLAN_VERSION;
  knowledgeBase: { id: string; slug: string; title: string };
  summary: PlanSummary;
  operations: Operation[];
  diagnostics: Diagnostic[];
  /**
   * For every remote object an operation touches: a fingerprint of its state when planned
   * (`apply plan.json` refuses when one changed since).
   */
  remoteVersions: Record<string, string>;
  /** What the bodies in this plan link to and embed, so reports show a reader's view (absent in older plans). */
  references?: PlanReferences;
  /**
   * Articles that stay but whose public URL this run may change (published, unpublished or retitled), which
   * bodies in this plan link to by placeholder: document key → the URL they have now. Apply fills in the URL
   * their update returns, or this one when their update does not run (absent when there is none).
   */
  urlsBefore?: Record<string, string>;
  /** Where the plan was made (set by the run layer; absent in older plans): checked by `apply plan.json`. */
  origin?: PlanOrigin;
}

/** The target (no secret in it) and the content directory (relative to the config's folder) of a plan. */
export interface PlanOrigin {
  target: string;
  contentDir: string;
}

/** A document a body links to: its title, its source file, and its public URL once known. */
export interface DocumentReference {
  title: string;
  path: string;
  url?: string;
  /** The URL of the article it replaces (a move), which bodies not yet updated still link to. */
  previousUrl?: string;
}

/** A local file a body embeds: its source file, and its uploaded URL once known. */
export interface AssetReference {
  path: string;
  contentType: string;
  url?: string;
}

export interface PlanReferences {
  /** By document key. */
  articles: Record<string, DocumentReference>;
  /** By sha256 of the file's bytes. */
  assets: Record<string, AssetReference>;
}

export function isWrite(op: Operation): boolean {
  return !NOTICE_KINDS.includes(op.kind);
}

/** The HTML bodies an operation writes (where its file and link placeholders are). */
export function operationBodies(op: Operation): string[] {
  return bodiesOf(op).map((body) => body.html);
}

/** The HTML bodies an operation writes, with their field in the saved plan. */
export function bodiesOf(op: Operation): { field: string; html: string }[] {
  return definitionOf(op).bodies(op);
}

export type { OperationKind };
