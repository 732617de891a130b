import { unsanitisedHtml } from '../markdown/body-check.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { ABSENT, articleVersionKey, collectionVersionKey, documentVersionKey } from './fingerprint.js';
import { planSchema } from './plan-schema.js';
import { bodiesOf, definitionOf, OPERATION_KINDS, OPERATIONS, type Operation, type Plan } from './types.js';

/**
 * A saved plan is checked, not trusted: its shape by the schema, then, against the knowledge base as it is
 * now, that it is for the configured KB, that every article it changes or retires is still pylon-kb's for
 * that document (the marker), that its bodies hold nothing the renderer would not write, that no operation
 * is doubled, and that no fingerprint was taken out. Each problem is one readable line.
 */

const describeOp = (i: number, op: { kind?: unknown; key?: unknown }) =>
  `operation ${i + 1} (${String(op.kind)}${typeof op.key === 'string' ? ` "${op.key}"` : ''})`;

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The plan, or the reasons it is not a valid plan file (each naming the operation and field). */
export function parseSavedPlan(data: unknown): { plan: Plan } | { problems: string[] } {
  const top = planSchema.safeParse(data);
  if (!top.success) return { problems: top.error.issues.slice(0, 5).map(issueText) };
  const problems: string[] = [];
  top.data.operations.forEach((raw, i) => {
    const op = (typeof raw === 'object' && raw !== null ? raw : {}) as { kind?: unknown; key?: unknown };
    if (!OPERATION_KINDS.includes(op.kind as never)) {
      problems.push(
        `${describeOp(i, op)}: unknown kind ${JSON.stringify(op.kind)} (known: ${OPERATION_KINDS.join(', ')})`,
      );
      return;
    }
    const parsed = OPERATIONS[op.kind as Operation['kind']].schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3))
        problems.push(`${describeOp(i, op)}: ${issueText(issue)}`);
    }
  });
  if (problems.length > 0) return { problems };
  return { plan: top.data as unknown as Plan };
}

function articleIdsOf(op: Operation): Array<{ id: string; key: string; role: string }> {
  return definitionOf(op).articleIds(op);
}

/** Why the article may not be written by this operation of a saved plan, or undefined. */
function ownershipProblem(
  op: Operation,
  target: { id: string; key: string; role: string },
  remote: RemoteArticle | undefined,
  adopt: boolean,
): string | undefined {
  if (!remote) return undefined; // gone: reported as a change since planning
  const marker = remote.marker;
  const title = `"${remote.article.title}" (${target.id})`;
  if (!marker || marker.retired) {
    const adoption =
      op.kind === 'update-article' && (op.matchedBy === 'pulled' || (op.matchedBy === 'adopted' && adopt));
    if (adoption) return undefined;
    return `it would ${target.role} article ${title}, which pylon-kb does not manage (no pylon-kb marker${marker?.retired ? ': retired' : ''}); a saved plan may only change pylon-kb's own articles${op.kind === 'update-article' && op.matchedBy === 'adopted' ? ' (adoption needs adopt: true in the config)' : ''}`;
  }
  const keys = op.kind === 'update-article' && op.previousKey ? [op.key, op.previousKey] : [target.key];
  if (!keys.includes(marker.key)) {
    return `it would ${target.role} article ${title}, which pylon-kb manages for document "${marker.key}", not "${target.key}"`;
  }
  return undefined;
}

export interface SavedPlanContext {
  /** The knowledge base configured now (flags, env, config file), read from the remote. */
  current: CurrentState;
  /** Config `adopt`: a hand-written article may be taken over by slug. */
  adopt: boolean;
}

/** Why this saved plan must not be applied to the configured knowledge base; empty when it may. */
export function savedPlanRefusals(plan: Plan, context: SavedPlanContext): string[] {
  const { current } = context;
  if (plan.knowledgeBase.id !== current.knowledgeBase.id) {
    return [
      `the plan is for knowledge base "${plan.knowledgeBase.slug}" (${plan.knowledgeBase.id}), but the configured one is "${current.knowledgeBase.slug}" (${current.knowledgeBase.id}); plan again with the same --kb`,
    ];
  }
  const refusals: string[] = [];
  const byId = new Map(current.articles.map((a) => [a.article.id, a]));
  const seenOps = new Map<string, number>();
  const seenArticles = new Map<string, number>();
  plan.operations.forEach((op, i) => {
    const name = describeOp(i, op);
    const identity =
      op.kind === 'upload-asset'
        ? `${op.kind}:${op.sha256}`
        : op.kind === 'retire-article'
          ? `${op.kind}:${op.articleId}`
          : `${op.kind}:${op.key}`;
    const first = seenOps.get(identity);
    if (first !== undefined) refusals.push(`${name} repeats operation ${first + 1}`);
    else seenOps.set(identity, i);

    for (const target of articleIdsOf(op)) {
      const retiring = op.kind === 'retire-article' || op.kind === 'move-article';
      const slot = `${retiring ? 'retire' : op.kind}:${target.id}`;
      const earlier = seenArticles.get(slot);
      if (earlier !== undefined)
        refusals.push(`${name} touches article ${target.id} again (as operation ${earlier + 1} does)`);
      else seenArticles.set(slot, i);
      const version = plan.remoteVersions[articleVersionKey(target.id)];
      if (version === undefined || version === ABSENT) {
        refusals.push(`${name}: the fingerprint of article ${target.id} is missing from remoteVersions`);
      }
      const problem = ownershipProblem(op, target, byId.get(target.id), context.adopt);
      if (problem) refusals.push(`${name}: ${problem}`);
    }
    const version =
      op.kind === 'create-article'
        ? { key: documentVersionKey(op.key), what: `document "${op.key}"` }
        : op.kind === 'create-collection'
          ? { key: collectionVersionKey(op.parentId, op.slug), what: `collection "${op.slug}"` }
          : undefined;
    if (version && plan.remoteVersions[version.key] !== ABSENT) {
      refusals.push(`${name}: the fingerprint of ${version.what} is missing from remoteVersions`);
    }
    for (const body of bodiesOf(op)) {
      const added = unsanitisedHtml(body.html);
      if (added)
        refusals.push(`${name}: ${body.field} holds HTML pylon-kb never writes (${JSON.stringify(added)})`);
    }
  });
  return refusals;
}
