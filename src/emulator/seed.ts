import { isPylonLanguage, pylonLanguageOf } from '../pylon-api/index.js';
import { publishAll, type UrlSuffix } from './article-model.js';
import { newIdentifier, seededId } from './ids.js';
import type { ArticleRecord, CollectionRecord, KbRecord, StoreData, UserRecord } from './model.js';
import { seedAttachments } from './seed-attachments.js';
import { slugify } from './slug.js';
import type { EmulatorSeed, SeedKnowledgeBase } from './types.js';

/** The default organisation; the example docs tree and tests rely on these exact values. */
export const DEFAULT_SEED: EmulatorSeed = {
  organization: { name: 'Acme Inc' },
  knowledgeBases: [
    {
      title: 'Acme Help Center',
      slug: 'help-center',
      host: 'help.acme.test',
      default_language: 'en',
      supported_languages: ['en', 'fr', 'de', 'es'],
    },
  ],
  roles: [{ name: 'Admin' }, { name: 'Member' }],
  users: [
    { name: 'Ada Lovelace', email: 'ada@acme.test', role: 'Admin' },
    { name: 'Grace Hopper', email: 'grace@acme.test', role: 'Admin' },
    { name: 'Alan Turing', email: 'alan@acme.test', role: 'Member' },
    { name: 'Katherine Johnson', email: 'katherine@acme.test', role: 'Member' },
    { name: 'Margaret Hamilton', email: 'margaret@acme.test', role: 'Member' },
  ],
  teams: [
    { name: 'Support', members: ['grace@acme.test', 'katherine@acme.test'] },
    { name: 'Docs', members: ['ada@acme.test', 'margaret@acme.test'] },
  ],
};

function fail(message: string): never {
  throw new Error(`Invalid emulator seed: ${message}`);
}

/** Turn a seed into store data. Seeded objects get ids derived from their names, so runs are reproducible. */
export function buildStoreData(seed: EmulatorSeed, now: string, suffix: UrlSuffix = 'title'): StoreData {
  if (!seed.organization?.name) fail('organization.name is required');
  if (!Array.isArray(seed.knowledgeBases) || seed.knowledgeBases.length === 0) {
    fail('knowledgeBases must list at least one knowledge base');
  }
  if (!Array.isArray(seed.users)) fail('users must be an array');
  const identifiers = new Set<string>();
  let seq = 1;
  const roles = (seed.roles ?? [{ name: 'Admin' }, { name: 'Member' }]).map((r) => ({
    id: r.id ?? seededId('role', r.name),
    name: r.name,
    slug: r.slug ?? slugify(r.name),
  }));
  const users: UserRecord[] = seed.users.map((u) => {
    if (!u.name || !u.email) fail('every user needs a name and an email');
    const role = roles.find((r) => r.name === u.role || r.id === u.role) ?? roles.at(-1);
    return {
      id: u.id ?? seededId('user', u.email),
      seq: seq++,
      name: u.name,
      email: u.email,
      emails: u.emails ?? [u.email],
      avatar_url: u.avatar_url ?? '',
      role_id: role?.id ?? '',
      status: u.status ?? 'active',
    };
  });
  const findUser = (ref: string) =>
    users.find((u) => u.id === ref || u.email.toLowerCase() === ref.toLowerCase()) ??
    fail(`unknown user "${ref}"`);
  const teams = (seed.teams ?? []).map((t) => ({
    id: t.id ?? seededId('team', t.name),
    name: t.name,
    user_ids: t.members.map((m) => findUser(m).id),
  }));
  const organizationId = seed.organization.id ?? seededId('organization', seed.organization.name);
  const files = seedAttachments(seed.attachments ?? [], organizationId, now);
  const knowledgeBases: KbRecord[] = [];
  const collections: CollectionRecord[] = [];
  const articles: ArticleRecord[] = [];
  for (const k of seed.knowledgeBases) {
    const kb = kbRecord(k);
    knowledgeBases.push(kb);
    const mine: CollectionRecord[] = [];
    const findCollection = (ref: string) =>
      mine.find((c) => c.id === ref || c.slug === ref) ?? fail(`unknown collection "${ref}" in ${k.slug}`);
    for (const c of k.collections ?? []) {
      const slug = c.slug ?? slugify(c.title);
      const record: CollectionRecord = {
        id: c.id ?? seededId('collection', `${k.slug}/${slug}`),
        kb_id: kb.id,
        seq: seq++,
        identifier: newIdentifier(identifiers, `collection:${k.slug}/${slug}`),
        title: c.title,
        slug,
        description: c.description ?? '',
        parent_collection_id: c.parent ? findCollection(c.parent).id : null,
        visibility_config: c.visibility_config ?? { visibility: 'public' },
        created_at: now,
      };
      mine.push(record);
    }
    collections.push(...mine);
    (k.articles ?? []).forEach((a, index) => {
      const slug = a.slug ?? slugify(a.title);
      const name = `${k.slug}/${slug}#${index}`;
      const translations: ArticleRecord['translations'] = {};
      for (const t of a.translations ?? []) {
        translations[t.language] = {
          title: t.title,
          published_title: null,
          draft_html: files.resolveHtml(t.body_html),
          published_html: null,
        };
      }
      const record: ArticleRecord = {
        id: a.id ?? seededId('article', name),
        kb_id: kb.id,
        seq: seq++,
        identifier: a.identifier ?? newIdentifier(identifiers, name),
        title: a.title,
        published_title: null,
        slug,
        collection_id: a.collection ? findCollection(a.collection).id : null,
        author_user_id: a.author ? findUser(a.author).id : (users[0]?.id ?? fail('articles need a user')),
        is_published: false,
        is_unlisted: a.is_unlisted ?? false,
        url: '',
        draft_html: files.resolveHtml(a.body_html),
        published_html: null,
        last_published_at: null,
        visibility_config: a.visibility_config ?? { visibility: 'public' },
        translations,
        created_at: now,
        updated_at: now,
      };
      identifiers.add(record.identifier);
      if (a.is_published) publishAll(record, kb, now, suffix);
      articles.push(record);
    });
  }
  return {
    organization: {
      id: organizationId,
      name: seed.organization.name,
    },
    knowledgeBases,
    collections,
    articles,
    redirects: [],
    users,
    teams,
    roles,
    attachments: files.records,
    nextSeq: seq,
  };
}

function kbRecord(k: SeedKnowledgeBase): KbRecord {
  if (!k.title || !k.slug) fail('every knowledge base needs a title and a slug');
  const defaultLanguage = k.default_language ?? 'en';
  const supported = k.supported_languages ?? [defaultLanguage];
  // Pylon offers a fixed list of languages: a knowledge base cannot enable one outside it.
  for (const code of [defaultLanguage, ...supported]) {
    if (!isPylonLanguage(code)) {
      const mapped = pylonLanguageOf(code);
      fail(
        `knowledge base "${k.slug}" names the language "${code}", which Pylon does not offer${
          mapped.code ? ` (Pylon's code is "${mapped.code}")` : ''
        }`,
      );
    }
  }
  return {
    id: k.id ?? seededId('knowledge-base', k.slug),
    title: k.title,
    slug: k.slug,
    host: k.host ?? `${k.slug}.help.usepylon.com`,
    default_language: defaultLanguage,
    supported_languages: supported.includes(defaultLanguage) ? supported : [defaultLanguage, ...supported],
  };
}
