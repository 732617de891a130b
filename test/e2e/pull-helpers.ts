import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker, stripMarker } from '../../src/identity/marker.js';
import { visibleText } from '../../src/identity/text-digest.js';

export interface ArticleState {
  id: string;
  identifier: string;
  title: string;
  slug: string;
  url: string;
  collection_id: string | null;
  is_published: boolean;
  is_unlisted: boolean;
  draft_html: string;
  published_html: string | null;
  visibility_config: { visibility?: string };
  translations: Record<string, { title: string; draft_html: string; published_html: string | null }>;
}

export const articlesOf = (emu: RunningEmulator, kbSlug?: string): ArticleState[] => {
  const kbId = emu.kb(kbSlug).id;
  return (emu.snapshot() as unknown as { articles: Array<ArticleState & { kb_id: string }> }).articles.filter(
    (a) => a.kb_id === kbId,
  );
};

/** What a reader sees: the published body (the draft for an unpublished article), as text. */
export const readerText = (html: string | null): string => visibleText(stripMarker(html ?? ''));

export const seenText = (a: ArticleState): string =>
  readerText(a.is_published ? a.published_html : a.draft_html);

/** Every live article pylon-kb manages, by document key: the reader's title and text (translations too). */
export function textsByKey(emu: RunningEmulator): Map<string, string> {
  const texts = new Map<string, string>();
  for (const a of articlesOf(emu)) {
    const marker = readMarker(a.draft_html);
    if (!marker || marker.retired) continue;
    texts.set(marker.key, `${a.title}\n${seenText(a)}`);
    for (const [language, t] of Object.entries(a.translations)) {
      texts.set(`${marker.key}.${language}`, `${t.title}\n${readerText(t.published_html ?? t.draft_html)}`);
    }
  }
  return texts;
}

/** Pylon's API, called as someone editing in Pylon would (not through pylon-kb). */
export async function editInPylon(emu: RunningEmulator, articleId: string, body: Record<string, unknown>) {
  const response = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles/${articleId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PATCH failed: ${response.status} ${await response.text()}`);
}

/** Write requests by method (API routes only). */
export function writesByMethod(emu: RunningEmulator): Record<string, number> {
  const counts = emu.snapshot().requests.counts as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [route, n] of Object.entries(counts)) {
    const [method = '', path = ''] = route.split(' ');
    if (!['POST', 'PATCH', 'PUT', 'DELETE'].includes(method) || path.startsWith('/_emulator')) continue;
    out[method] = (out[method] ?? 0) + n;
  }
  return out;
}

async function pylonApi(
  emu: RunningEmulator,
  method: string,
  path: string,
  body: string | FormData,
  type?: string,
) {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emu.token}`, ...(type ? { 'content-type': type } : {}) },
    body,
  });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/** A collection made in Pylon's editor (through Pylon's API, not pylon-kb). */
export async function createCollectionInPylon(emu: RunningEmulator, title: string, slug: string) {
  const data = await pylonApi(
    emu,
    'POST',
    `/knowledge-bases/${emu.kb().id}/collections`,
    JSON.stringify({ title, slug }),
    'application/json',
  );
  return data.id as string;
}

/** A published article written in Pylon's editor (through Pylon's API, not pylon-kb); its body verbatim. */
export async function createArticleInPylon(
  emu: RunningEmulator,
  article: { title: string; slug: string; body_html: string; collection_id?: string },
) {
  const users = (emu.snapshot() as unknown as { users: { id: string }[] }).users;
  const data = await pylonApi(
    emu,
    'POST',
    `/knowledge-bases/${emu.kb().id}/articles`,
    JSON.stringify({ ...article, author_user_id: users[0]?.id, is_published: true }),
    'application/json',
  );
  return data.id as string;
}

/** A file uploaded to Pylon (its attachment endpoint): the signed URL an article embeds. */
export async function uploadToPylon(emu: RunningEmulator, name: string, text: string, type: string) {
  const form = new FormData();
  form.set('file', new Blob([text], { type }), name);
  const data = await pylonApi(emu, 'POST', '/attachments', form);
  return data.url as string;
}
