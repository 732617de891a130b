import { publishAll, publishLanguage, unpublish } from './article-model.js';
import { badRequest, duplicate, notFound } from './errors.js';
import type { HandlerContext } from './handler-types.js';
import { newIdentifier, randomId } from './ids.js';
import type { ArticleRecord, KbRecord, TranslationRecord } from './model.js';
import { slugify } from './slug.js';
import {
  type Body,
  immutable,
  jsonObject,
  optionalBoolean,
  optionalString,
  requiredString,
  supportedLanguage,
  visibilityConfig,
} from './validate.js';

function html(body: Body, field: string, label = field): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${label} must be a string`);
  return value;
}

function checkSlugFree(ctx: HandlerContext, kb: KbRecord, slug: string): void {
  if (ctx.behaviour.duplicateSlugs === 'allow') return;
  for (const a of ctx.store.articles.values()) {
    if (a.kb_id === kb.id && a.slug === slug) {
      throw duplicate(`An article with slug "${slug}" already exists in this knowledge base`, a.id);
    }
  }
}

function translationsFrom(
  ctx: HandlerContext,
  kb: KbRecord,
  value: unknown,
): Record<string, TranslationRecord> {
  const out: Record<string, TranslationRecord> = {};
  if (value === undefined || value === null) return out;
  if (!Array.isArray(value)) throw badRequest('translations must be an array');
  value.forEach((item: unknown, i) => {
    const field = `translations[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw badRequest(`${field} must be an object`);
    const t = item as Body;
    const language = supportedLanguage(
      kb,
      prefixed(() => requiredString(t, 'language'), field),
      `${field}.language`,
    );
    if (language === kb.default_language) {
      throw badRequest(`${field}.language must differ from the default language "${kb.default_language}"`);
    }
    if (out[language]) throw badRequest(`${field}.language "${language}" appears more than once`);
    const title = prefixed(() => requiredString(t, 'title'), field);
    const bodyHtml = html(t, 'body_html', `${field}.body_html`);
    if (bodyHtml === undefined) throw badRequest(`${field}.body_html is required`);
    out[language] = {
      title,
      published_title: null,
      draft_html: ctx.storeHtml(bodyHtml),
      published_html: null,
    };
  });
  return out;
}

/** Re-throw a validation error with the field's path in front. */
function prefixed<T>(check: () => T, prefix: string): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Error) error.message = `${prefix}.${error.message}`;
    throw error;
  }
}

export function createArticle(ctx: HandlerContext, kb: KbRecord, rawBody: unknown): ArticleRecord {
  const body = jsonObject(rawBody);
  const title = requiredString(body, 'title');
  const bodyHtml = html(body, 'body_html');
  if (bodyHtml === undefined) throw badRequest('body_html is required');
  const authorId = requiredString(body, 'author_user_id');
  if (!ctx.store.users.has(authorId))
    throw badRequest(`author_user_id "${authorId}" is not a user of this organization`);
  const collectionId = optionalString(body, 'collection_id');
  if (collectionId) {
    const c = ctx.store.collections.get(collectionId);
    if (!c || c.kb_id !== kb.id)
      throw badRequest(`collection_id "${collectionId}" is not a collection of this knowledge base`);
  }
  const slug = optionalString(body, 'slug') || slugify(title);
  const isPublished = optionalBoolean(body, 'is_published') ?? false;
  const isUnlisted = optionalBoolean(body, 'is_unlisted') ?? false;
  const visibility = visibilityConfig(body) ?? { visibility: 'public' };
  const translations = translationsFrom(ctx, kb, body.translations);
  checkSlugFree(ctx, kb, slug);
  const now = ctx.now();
  const article: ArticleRecord = {
    id: randomId(),
    kb_id: kb.id,
    seq: ctx.store.nextSeq(),
    identifier: newIdentifier(ctx.store.identifiers),
    title,
    published_title: null,
    slug,
    collection_id: collectionId || null,
    author_user_id: authorId,
    is_published: false,
    is_unlisted: isUnlisted,
    url: '',
    draft_html: ctx.storeHtml(bodyHtml),
    published_html: null,
    last_published_at: null,
    visibility_config: visibility,
    translations,
    created_at: now,
    updated_at: now,
  };
  if (isPublished) publishAll(article, kb, now, ctx.behaviour.urlSuffix);
  ctx.store.articles.set(article.id, article);
  return article;
}

/** PATCH: only the documented fields; `slug`, `collection_id` and `author_user_id` are ignored (or rejected). */
export function updateArticle(
  ctx: HandlerContext,
  kb: KbRecord,
  article: ArticleRecord,
  rawBody: unknown,
): string {
  const body = jsonObject(rawBody);
  immutable(body, ['slug', 'collection_id', 'author_user_id'], ctx.behaviour.immutableFields);
  const languageField = optionalString(body, 'language');
  const language = languageField ? supportedLanguage(kb, languageField, 'language') : kb.default_language;
  const title = optionalString(body, 'title');
  if (title === '') throw badRequest('title must not be empty');
  const bodyHtml = html(body, 'body_html');
  const publishUpdated = optionalBoolean(body, 'publish_updated_body_html') ?? false;
  const isPublished = optionalBoolean(body, 'is_published');
  const isUnlisted = optionalBoolean(body, 'is_unlisted');
  const visibility = visibilityConfig(body);
  if (publishUpdated && isPublished === false) {
    throw badRequest('publish_updated_body_html cannot be true when is_published is false');
  }
  let target: { title: string; draft_html: string } = article;
  if (language !== kb.default_language) {
    const existing = article.translations[language];
    if (existing) target = existing;
    else if (!ctx.behaviour.translationUpsert) throw notFound(`Translation "${language}" of the article`);
    else if (title === undefined || bodyHtml === undefined) {
      throw badRequest(`title and body_html are required to create the "${language}" translation`);
    } else {
      const created = { title, published_title: null, draft_html: '', published_html: null };
      article.translations[language] = created;
      target = created;
    }
  }
  const now = ctx.now();
  if (title !== undefined) target.title = title;
  if (bodyHtml !== undefined) target.draft_html = ctx.storeHtml(bodyHtml);
  if (isUnlisted !== undefined) article.is_unlisted = isUnlisted;
  if (visibility !== undefined) article.visibility_config = { ...article.visibility_config, ...visibility };
  if (isPublished === false) unpublish(article);
  else if (isPublished === true || publishUpdated) {
    publishLanguage(article, kb, language, now, ctx.behaviour.urlSuffix);
  }
  article.updated_at = now;
  return language;
}
