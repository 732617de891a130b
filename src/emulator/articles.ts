import { articleView, hasLanguage } from './article-model.js';
import { createArticle, updateArticle } from './article-write.js';
import { notFound } from './errors.js';
import { deleted, type HandlerDef, object } from './handler-types.js';
import { articleOr404, kbOr404 } from './lookup.js';
import { paginate, parseLimit } from './pagination.js';
import { supportedLanguage } from './validate.js';

function languageParam(query: URLSearchParams): string | undefined {
  const value = query.get('language');
  return value === null || value === '' ? undefined : value;
}

export const articleHandlers: HandlerDef[] = [
  {
    endpoint: 'listArticles',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const limit = parseLimit(req.query.get('limit') ?? undefined);
      const language = languageParam(req.query);
      if (language) supportedLanguage(kb, language, 'language');
      const all = ctx.store.articlesOf(kb.id).filter((a) => !language || hasLanguage(a, kb, language));
      const page = paginate(all, req.query.get('cursor') ?? undefined, limit);
      return {
        kind: 'list',
        data: page.items.map((a) => articleView(a, kb, language)),
        pagination: page.pagination,
      };
    },
  },
  {
    endpoint: 'getArticle',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const article = articleOr404(ctx, kb, req.params.article_id);
      const language = languageParam(req.query);
      if (language) {
        supportedLanguage(kb, language, 'language');
        if (!hasLanguage(article, kb, language)) throw notFound(`Translation "${language}" of the article`);
      }
      return object(articleView(article, kb, language));
    },
  },
  {
    endpoint: 'createArticle',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      return object(articleView(createArticle(ctx, kb, req.body), kb));
    },
  },
  {
    endpoint: 'updateArticle',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const article = articleOr404(ctx, kb, req.params.article_id);
      const language = updateArticle(ctx, kb, article, req.body);
      return object(articleView(article, kb, language));
    },
  },
  {
    endpoint: 'deleteArticle',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const article = articleOr404(ctx, kb, req.params.article_id);
      ctx.store.articles.delete(article.id);
      return deleted();
    },
  },
];
