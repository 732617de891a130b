import { z } from 'zod';
import type { RemoteArticle } from '../../remote/types.js';
import { plural } from '../../report/summary.js';
import {
  articleText,
  collectionTree,
  collectionTreeText,
  describeArticle,
  searchArticles,
} from '../knowledge-base.js';
import { failed, ok } from '../result.js';
import type { ToolDefinition } from './tool.js';

export const listCollectionsTool: ToolDefinition<Record<string, never>> = {
  name: 'list_collections',
  description:
    "List the knowledge base's collections as a tree (title, slug, id, how many articles each holds). " +
    'Docs folders become collections; use it to see where an article would live.',
  input: {},
  readOnly: true,
  async run(session) {
    const current = await session.current();
    const tree = collectionTree(current);
    const lines = collectionTreeText(tree);
    const head = `Knowledge base "${current.knowledgeBase.title}" (${current.knowledgeBase.slug}): ${plural(current.collections.length, 'collection')}, ${plural(current.articles.length, 'article')}.`;
    return ok([head, ...lines].join('\n'), { knowledgeBase: current.knowledgeBase, collections: tree });
  },
};

export const getArticleInput = {
  key: z.string().min(1).optional().describe('Document key: frontmatter id, else the path without .md.'),
  path: z.string().min(1).optional().describe('Source file path relative to the content directory.'),
  id: z.string().min(1).optional().describe('Pylon article id (or its numeric identifier).'),
  url: z.string().min(1).optional().describe('Public article URL or path (/articles/<identifier>-<slug>).'),
};

/** `get_article`: one article's text as readers see it, and where it lives. */
export const getArticleTool: ToolDefinition<typeof getArticleInput> = {
  name: 'get_article',
  description:
    'Read one article of the knowledge base as readers see it (plain text) and where it lives (collection, ' +
    'URL, source file). Give exactly one of key, path, id or url.',
  input: getArticleInput,
  readOnly: true,
  async run(session, args) {
    const given = Object.entries(args).filter(([, v]) => v !== undefined);
    if (given.length !== 1) {
      return failed({
        code: 'input/invalid',
        message: `Give exactly one of key, path, id or url (got ${given.length === 0 ? 'none' : given.map(([k]) => k).join(', ')}).`,
        hint: 'For a docs file pass path, e.g. {"path": "guides/setup.md"}.',
      });
    }
    const [[by, value] = ['', '']] = given as [string, string][];
    const current = await session.current();
    const paths = await session.sourcePaths();
    const keyOfPath = new Map([...paths].map(([k, p]) => [p, k]));
    const wantedKey =
      by === 'path' ? keyOfPath.get(value.replace(/^\.\//, '')) : by === 'key' ? value : undefined;
    const found = current.articles.find((remote) => matches(remote, by, value, wantedKey));
    if (!found) {
      const notInTree = by === 'path' && wantedKey === undefined;
      return failed({
        code: 'article/not-found',
        message: notInTree
          ? `${value} is not a document of the docs tree.`
          : `No article of knowledge base "${current.knowledgeBase.slug}" matches ${by} "${value}".`,
        hint: notInTree
          ? 'Paths are relative to the content directory; run check to see the tree.'
          : 'It may not be published yet: run plan to see what would be created, or search_articles to find it.',
      });
    }
    const source = found.marker ? paths.get(found.marker.key) : undefined;
    const text = articleText(found);
    const where = describeArticle(current, found, source);
    const location = [...where.collection, found.article.title].join(' / ');
    return ok(`# ${found.article.title}\n${location}\n${found.article.url || '(not published)'}\n\n${text}`, {
      ...where,
      text,
    });
  },
};

function matches(remote: RemoteArticle, by: string, value: string, key: string | undefined): boolean {
  const { article } = remote;
  if (by === 'key' || by === 'path') return key !== undefined && remote.marker?.key === key;
  if (by === 'id') return article.id === value || article.identifier === value;
  const path = value.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  return (
    article.url === value ||
    (article.url !== '' && article.url.endsWith(path) && path.startsWith('/articles/')) ||
    path.startsWith(`/articles/${article.identifier}-`)
  );
}

export const searchInput = {
  query: z.string().min(1).describe('Words to find in titles and text (all of them must appear).'),
  limit: z.number().int().min(1).max(50).optional().describe('At most this many results. Default 10.'),
};

export const searchArticlesTool: ToolDefinition<typeof searchInput> = {
  name: 'search_articles',
  description:
    'Search the knowledge base by title and text. Use it before writing a new page, to find an existing ' +
    'article to update or link to instead of creating a duplicate.',
  input: searchInput,
  readOnly: true,
  async run(session, { query, limit }) {
    const current = await session.current();
    const paths = await session.sourcePaths();
    const hits = searchArticles(current, query, limit ?? 10);
    const results = hits.map((hit) => ({
      ...describeArticle(
        current,
        hit.remote,
        hit.remote.marker ? paths.get(hit.remote.marker.key) : undefined,
      ),
      snippet: hit.snippet,
    }));
    const lines = results.map(
      (r) => `- ${r.title} — ${r.url || '(not published)'}${r.path ? ` (${r.path})` : ''}\n  ${r.snippet}`,
    );
    const head = `${results.length} article${results.length === 1 ? '' : 's'} match "${query}".`;
    return ok([head, ...lines].join('\n'), { query, results });
  },
};
