import type {
  ArticleRecord,
  AttachmentRecord,
  CollectionRecord,
  KbRecord,
  OrgRecord,
  RedirectRecord,
  RoleRecord,
  StoreData,
  TeamRecord,
  UserRecord,
} from './model.js';

/** The in-memory store: maps keyed by id, in insertion order. Handlers read and write it directly. */
export class Store {
  organization: OrgRecord = { id: '', name: '' };
  readonly knowledgeBases = new Map<string, KbRecord>();
  readonly collections = new Map<string, CollectionRecord>();
  readonly articles = new Map<string, ArticleRecord>();
  readonly redirects = new Map<string, RedirectRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly attachments = new Map<string, AttachmentRecord>();
  /** Identifiers in use (articles and collections), to keep new ones unique. */
  readonly identifiers = new Set<string>();
  private seq = 1;

  constructor(data?: StoreData) {
    if (data) this.load(data);
  }

  nextSeq(): number {
    return this.seq++;
  }

  load(data: StoreData): void {
    this.clear();
    this.organization = { ...data.organization };
    for (const kb of data.knowledgeBases) this.knowledgeBases.set(kb.id, kb);
    for (const c of data.collections) {
      this.collections.set(c.id, c);
      this.identifiers.add(c.identifier);
    }
    for (const a of data.articles) {
      this.articles.set(a.id, a);
      this.identifiers.add(a.identifier);
    }
    for (const r of data.redirects) this.redirects.set(r.id, r);
    for (const u of data.users) this.users.set(u.id, u);
    for (const t of data.teams) this.teams.set(t.id, t);
    for (const r of data.roles) this.roles.set(r.id, r);
    for (const a of data.attachments) this.attachments.set(a.key, a);
    this.seq = data.nextSeq;
  }

  /** Everything, as a deep copy (or live references when `copy` is false, e.g. to serialise at once). */
  toData(copy = true): StoreData {
    const data: StoreData = {
      organization: this.organization,
      knowledgeBases: [...this.knowledgeBases.values()],
      collections: [...this.collections.values()],
      articles: [...this.articles.values()],
      redirects: [...this.redirects.values()],
      users: [...this.users.values()],
      teams: [...this.teams.values()],
      roles: [...this.roles.values()],
      attachments: [...this.attachments.values()],
      nextSeq: this.seq,
    };
    return copy ? structuredClone(data) : data;
  }

  private clear(): void {
    for (const map of [
      this.knowledgeBases,
      this.collections,
      this.articles,
      this.redirects,
      this.users,
      this.teams,
      this.roles,
      this.attachments,
    ]) {
      map.clear();
    }
    this.identifiers.clear();
    this.seq = 1;
  }

  kbBySlug(slug: string): KbRecord | undefined {
    for (const kb of this.knowledgeBases.values()) if (kb.slug === slug) return kb;
    return undefined;
  }

  kbByHost(host: string): KbRecord | undefined {
    const bare = host.toLowerCase();
    for (const kb of this.knowledgeBases.values()) if (kb.host.toLowerCase() === bare) return kb;
    return undefined;
  }

  collectionsOf(kbId: string): CollectionRecord[] {
    return [...this.collections.values()].filter((c) => c.kb_id === kbId);
  }

  articlesOf(kbId: string): ArticleRecord[] {
    return [...this.articles.values()].filter((a) => a.kb_id === kbId);
  }

  articleByIdentifier(kbId: string, identifier: string): ArticleRecord | undefined {
    for (const a of this.articles.values()) if (a.kb_id === kbId && a.identifier === identifier) return a;
    return undefined;
  }

  collectionByIdentifier(kbId: string, identifier: string): CollectionRecord | undefined {
    for (const c of this.collections.values()) if (c.kb_id === kbId && c.identifier === identifier) return c;
    return undefined;
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    for (const u of this.users.values()) {
      if (u.email.toLowerCase() === wanted || u.emails.some((e) => e.toLowerCase() === wanted)) return u;
    }
    return undefined;
  }

  /** Delete a collection, its descendants and all their articles. Returns how many objects went. */
  deleteCollectionCascade(collectionId: string): number {
    const doomed = new Set<string>([collectionId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of this.collections.values()) {
        if (c.parent_collection_id && doomed.has(c.parent_collection_id) && !doomed.has(c.id)) {
          doomed.add(c.id);
          grew = true;
        }
      }
    }
    let removed = 0;
    for (const a of [...this.articles.values()]) {
      if (a.collection_id && doomed.has(a.collection_id)) {
        this.articles.delete(a.id);
        removed++;
      }
    }
    for (const id of doomed) if (this.collections.delete(id)) removed++;
    return removed;
  }
}
