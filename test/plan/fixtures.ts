import type { DesiredArticle, DesiredState, LocalCollection } from '../../src/content/types.js';
import { digestOf } from '../../src/identity/digest.js';
import type { Article, Collection, Team, User } from '../../src/pylon-api/index.js';
import { toRemoteArticle } from '../../src/remote/snapshot.js';
import type { CurrentState } from '../../src/remote/types.js';

export const users: User[] = [
  { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@acme.test' },
  {
    id: 'u-grace',
    name: 'Grace Hopper',
    email: 'grace@acme.test',
    emails: ['grace@acme.test', 'admiral@acme.test'],
  },
  { id: 'u-alan', name: 'Alan Turing', email: 'alan@acme.test' },
  { id: 'u-kath', name: 'Katherine Johnson', email: 'katherine@acme.test' },
];
export const teams: Team[] = [
  { id: 't-support', name: 'Support', users: [{ id: 'u-kath' }, { id: 'u-grace' }] },
  { id: 't-empty', name: 'Empty', users: [] },
];

export function doc(key: string, overrides: Partial<DesiredArticle> = {}): DesiredArticle {
  const title = overrides.title ?? `Title of ${key}`;
  const html = overrides.html ?? `<p>Body of ${key}</p>`;
  const slash = key.lastIndexOf('/');
  return {
    key,
    path: `${key}.md`,
    collectionKey: slash > 0 ? key.slice(0, slash) : null,
    title,
    slug: key.slice(slash + 1),
    html,
    digest: digestOf(title, html),
    published: true,
    unlisted: false,
    redirectFrom: [],
    ...overrides,
  };
}

export function folder(key: string, overrides: Partial<LocalCollection> = {}): LocalCollection {
  const slash = key.lastIndexOf('/');
  return {
    key,
    parentKey: slash > 0 ? key.slice(0, slash) : null,
    title: key,
    slug: key.slice(slash + 1),
    ...overrides,
  };
}

export function desired(articles: DesiredArticle[], collections: LocalCollection[] = []): DesiredState {
  return { articles, collections, diagnostics: [] };
}

let counter = 0;
export function remoteArticle(overrides: Partial<Article> & { html?: string } = {}): Article {
  counter++;
  const { html, ...rest } = overrides;
  return {
    id: `a-${counter}`,
    identifier: String(1000000000 + counter),
    title: 'Remote',
    slug: 'remote',
    url: `https://help.acme.test/articles/${1000000000 + counter}-remote`,
    collection_id: null,
    is_published: true,
    is_unlisted: false,
    current_draft_content_html: html ?? '<p>Remote</p>',
    current_published_content_html: html ?? '<p>Remote</p>',
    visibility_config: { visibility: 'public' },
    ...rest,
  };
}

export function current(articles: Article[], collections: Collection[] = []): CurrentState {
  return {
    knowledgeBase: { id: 'kb-1', slug: 'help-center', title: 'Help' },
    collections,
    articles: articles.map(toRemoteArticle),
    users,
    teams,
  };
}
