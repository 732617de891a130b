import type { CurrentState } from '../remote/types.js';
import { ABSENT, articleFingerprint, collectionVersionKey } from './fingerprint.js';
import { PLAN_VERSION, type Plan } from './types.js';

/**
 * What changed on the remote since a saved plan was made, as readable lines; empty when the plan is still
 * safe to apply.
 */
export function staleReasons(plan: Plan, current: CurrentState): string[] {
  const reasons: string[] = [];
  if (plan.version !== PLAN_VERSION)
    reasons.push(`the plan file has version ${plan.version}; this pylon-kb reads ${PLAN_VERSION}`);
  if (plan.knowledgeBase.id !== current.knowledgeBase.id) {
    reasons.push(
      `the plan is for knowledge base ${plan.knowledgeBase.slug}, not ${current.knowledgeBase.slug}`,
    );
  }
  const articlesById = new Map(current.articles.map((a) => [a.article.id, a]));
  const managedKeys = new Set(current.articles.flatMap((a) => (a.marker ? [a.marker.key] : [])));
  const collectionSlots = new Set(
    current.collections.map((c) => collectionVersionKey(c.parent_collection_id ?? null, c.slug)),
  );
  for (const [key, version] of Object.entries(plan.remoteVersions)) {
    if (key.startsWith('article:')) {
      const id = key.slice('article:'.length);
      const remote = articlesById.get(id);
      if (!remote) reasons.push(`article ${id} was deleted`);
      else if (articleFingerprint(remote.article) !== version) {
        reasons.push(`article "${remote.article.title}" (${id}) changed`);
      }
    } else if (key.startsWith('document:') && version === ABSENT) {
      const docKey = key.slice('document:'.length);
      if (managedKeys.has(docKey)) reasons.push(`an article for "${docKey}" was created`);
    } else if (key.startsWith('collection:') && version === ABSENT && collectionSlots.has(key)) {
      reasons.push(`collection ${key.slice('collection:'.length)} was created`);
    }
  }
  return reasons;
}
