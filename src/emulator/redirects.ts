import type { RouteRedirect } from '../pylon-api/index.js';
import { badRequest, duplicate } from './errors.js';
import { type HandlerDef, object } from './handler-types.js';
import { randomId } from './ids.js';
import { kbOr404 } from './lookup.js';
import type { RedirectRecord } from './model.js';
import type { Store } from './store.js';
import { jsonObject, optionalString, requiredString, supportedLanguage } from './validate.js';

/**
 * How `from_path` values compare: the path without query or fragment, percent-decoded, case-sensitive,
 * without a trailing slash.
 */
export function redirectKey(path: string): string {
  let bare = path.replace(/[?#].*$/, '');
  try {
    bare = decodeURI(bare);
  } catch {
    // keep it encoded
  }
  return bare.length > 1 ? bare.replace(/\/+$/, '') || '/' : bare;
}

/** The newest redirect of the KB whose `from_path` matches `path`. */
export function findRedirect(store: Store, kbId: string, path: string): RedirectRecord | undefined {
  const key = redirectKey(path);
  let found: RedirectRecord | undefined;
  for (const r of store.redirects.values()) {
    if (r.kb_id === kbId && redirectKey(r.from_path) === key && (!found || r.seq > found.seq)) found = r;
  }
  return found;
}

export function redirectView(r: RedirectRecord): RouteRedirect {
  return {
    id: r.id,
    from_path: r.from_path,
    object_id: r.object_id,
    object_type: r.object_type,
    language: r.language,
    created_at: r.created_at,
  };
}

export const redirectHandlers: HandlerDef[] = [
  {
    endpoint: 'createRouteRedirect',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const body = jsonObject(req.body);
      const fromPath = requiredString(body, 'from_path');
      if (!fromPath.startsWith('/')) throw badRequest('from_path must be a path starting with "/"');
      const objectId = requiredString(body, 'object_id');
      const objectType = requiredString(body, 'object_type');
      if (objectType !== 'article' && objectType !== 'collection') {
        throw badRequest('object_type must be "article" or "collection"');
      }
      const target =
        objectType === 'article' ? ctx.store.articles.get(objectId) : ctx.store.collections.get(objectId);
      if (!target || target.kb_id !== kb.id) {
        throw badRequest(
          `object_id "${objectId}" is not ${objectType === 'article' ? 'an article' : 'a collection'} of this knowledge base`,
        );
      }
      const languageField = optionalString(body, 'language');
      const language = languageField ? supportedLanguage(kb, languageField, 'language') : kb.default_language;
      if (ctx.behaviour.duplicateRedirects === 'reject') {
        const existing = findRedirect(ctx.store, kb.id, fromPath);
        if (existing) throw duplicate(`A route redirect from "${fromPath}" already exists`, existing.id);
      }
      const record: RedirectRecord = {
        id: randomId(),
        kb_id: kb.id,
        seq: ctx.store.nextSeq(),
        from_path: fromPath,
        object_id: objectId,
        object_type: objectType,
        language,
        created_at: ctx.now(),
      };
      ctx.store.redirects.set(record.id, record);
      return object(redirectView(record));
    },
  },
];
