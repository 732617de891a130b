import { stripMarker } from '../identity/marker.js';
import { textDigest } from '../identity/text-digest.js';
import type { PylonApi } from '../pylon/api.js';
import type { KnowledgeBase } from '../pylon-api/index.js';
import { bodyToPull, convertArticle } from './convert-article.js';
import { collectionFile, documentFile, translationFile } from './document-file.js';
import { downloadFiles } from './download.js';
import { documentPathRule, inertFilePath } from './file-names.js';
import { layoutTree, type PulledDocument } from './layout.js';
import { folderOf, joinPath } from './paths.js';
import { hostedFileUrls } from './pylon-urls.js';
import { authorEmail, chosenCollections, readPullSource } from './read-remote.js';
import { slugWarnings } from './slug-warnings.js';
import type { PullWarning } from './warning.js';
import { checkTarget, openStaging, type Staging, type TreeFile, writeTree } from './write-tree.js';

export type { PullWarning } from './warning.js';

export interface PullOptions {
  /** Absolute directory to write the tree into. */
  dir: string;
  kb?: string | undefined;
  /** Collection slugs or ids; empty: the whole knowledge base. */
  collections?: readonly string[];
  force?: boolean;
  dryRun?: boolean;
  /** The API's origin: files under its `/_assets/` count as Pylon-hosted (the emulator). */
  apiOrigin: string;
  maxAssetBytes: number;
  /** The longest one download may take (`pull.downloadTimeoutMs`, default 30 s). */
  downloadTimeoutMs?: number | undefined;
  /** The config's `include` globs: a downloaded file they would read as a document is renamed. */
  include?: readonly string[] | undefined;
  fetch?: typeof fetch;
}

export interface PullResult {
  knowledgeBase: KnowledgeBase;
  files: Array<{ path: string; kind: 'article' | 'translation' | 'collection' | 'file'; bytes: number }>;
  warnings: PullWarning[];
  skipped: Array<{ id: string; title: string; reason: string }>;
  /** Files not written because their place in the target is a symbolic link to outside it (`--force`). */
  refused: Array<{ path: string; reason: string }>;
  written: boolean;
}

/**
 * `pylon-kb pull`: the knowledge base (or some collections) as a docs tree pylon-kb publishes back
 * unchanged. Reads only from Pylon; writes the tree into a temporary directory and moves it into place.
 */
export async function pull(api: PylonApi, options: PullOptions): Promise<PullResult> {
  if (!options.dryRun) await checkTarget(options.dir, options.force === true);
  const source = await readPullSource(api, options.kb);
  const staging = options.dryRun ? undefined : await openStaging(options.dir);
  try {
    return await pullInto(source, options, staging);
  } finally {
    await staging?.discard();
  }
}

async function pullInto(
  source: Awaited<ReturnType<typeof readPullSource>>,
  options: PullOptions,
  staging: Staging | undefined,
): Promise<PullResult> {
  const layout = layoutTree(
    source.collections,
    source.articles,
    chosenCollections(source.collections, options.collections ?? []),
  );
  const warnings: PullWarning[] = [];
  const about = (doc: PulledDocument) => ({
    article: { id: doc.remote.article.id, title: doc.remote.article.title },
    path: doc.path,
  });

  warnings.push(...slugWarnings(layout));
  const bodies = layout.documents.map((doc) => {
    const body = bodyToPull(doc.remote.article);
    for (const w of body.warnings) warnings.push({ ...w, ...about(doc) });
    const translations = [...source.translations].flatMap(([language, byId]) => {
      const t = byId.get(doc.remote.article.id);
      if (!t) return [];
      const html = t.is_published
        ? (t.current_published_content_html ?? t.current_draft_content_html)
        : t.current_draft_content_html;
      return [{ language, title: t.title, html, path: doc.path.replace(/\.md$/, `.${language}.md`) }];
    });
    return { doc, html: body.html, translations };
  });

  // Each Pylon-hosted file is downloaded once and stored once (by digest), next to the first article using it.
  const firstUser = new Map<string, PulledDocument>();
  for (const { doc, html, translations } of bodies) {
    for (const url of [html, ...translations.map((t) => t.html)].flatMap((h) =>
      hostedFileUrls(h, options.apiOrigin),
    )) {
      if (!firstUser.has(url)) firstUser.set(url, doc);
    }
  }
  const downloads = await downloadFiles([...firstUser.keys()], {
    maxBytes: options.maxAssetBytes,
    timeoutMs: options.downloadTimeoutMs,
    into: staging?.downloads,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const isDocument = documentPathRule(options.include);
  const filePaths = new Map<string, string>();
  const bySha = new Map<string, string>();
  const treeFiles: TreeFile[] = [];
  const result: PullResult['files'] = [];
  for (const [url, outcome] of downloads) {
    const doc = firstUser.get(url);
    if (!outcome.ok) {
      const users = bodies.filter((b) =>
        [b.html, ...b.translations.map((t) => t.html)].some((h) => h.includes(url.split('?')[0] ?? url)),
      );
      for (const b of users.length > 0 ? users : doc ? [{ doc }] : []) {
        warnings.push({
          code: 'pull/download-failed',
          message: `A file this article uses could not be downloaded (${outcome.reason}); the file keeps pointing at ${url.split('?')[0]}.`,
          ...about(b.doc),
        });
      }
      continue;
    }
    let path = bySha.get(outcome.file.sha256);
    if (!path) {
      const named = joinPath(folderOf(doc?.path ?? ''), outcome.file.name);
      const inert = inertFilePath(named, isDocument);
      if (inert === null || inert !== named) {
        warnings.push({
          code: 'pull/document-name',
          message:
            inert === null
              ? `A file this article uses would be named ${named}, which the next apply would read as a document, and every other name tried is one too (the config's include); it was not written and keeps pointing at ${url.split('?')[0]}.`
              : `A file this article uses would be named ${named}, which the next apply would read as a document; it is written as ${inert} and the article's link points there.`,
          ...(doc ? about(doc) : {}),
        });
        if (inert === null) continue;
      }
      path = inert;
      bySha.set(outcome.file.sha256, path);
      treeFiles.push({
        path,
        content: outcome.file.tempPath ? { from: outcome.file.tempPath } : new Uint8Array(),
      });
      result.push({ path, kind: 'file', bytes: outcome.file.size });
    }
    filePaths.set(url, path);
  }

  const targets = {
    articles: new Map(layout.documents.map((d) => [d.remote.article.identifier, d.path])),
    files: filePaths,
  };
  for (const folder of layout.folders) {
    const content = collectionFile(folder.collection);
    treeFiles.push({ path: `${folder.path}/_index.md`, content });
    result.push({ path: `${folder.path}/_index.md`, kind: 'collection', bytes: Buffer.byteLength(content) });
  }
  for (const { doc, html, translations } of bodies) {
    const { article } = doc.remote;
    const converted = convertArticle(html, doc.path, article.title, targets);
    const files = { ...converted.files };
    for (const w of converted.warnings) warnings.push({ ...w, ...about(doc) });
    for (const t of translations) {
      const tc = convertArticle(t.html, t.path, t.title, targets);
      Object.assign(files, tc.files);
      for (const w of tc.warnings) warnings.push({ ...w, article: about(doc).article, path: t.path });
      const content = translationFile(t.title, tc.markdown);
      treeFiles.push({ path: t.path, content });
      result.push({ path: t.path, kind: 'translation', bytes: Buffer.byteLength(content) });
    }
    const author = authorEmail(article, source.users);
    const text = textDigest(stripMarker(html));
    const content = documentFile(
      { key: doc.key, remote: doc.remote, author, files, text },
      converted.markdown,
    );
    treeFiles.push({ path: doc.path, content });
    result.push({ path: doc.path, kind: 'article', bytes: Buffer.byteLength(content) });
  }
  const refused = staging ? (await writeTree(options.dir, treeFiles, staging)).refused : [];
  const notWritten = new Set(refused.map((r) => r.path));
  return {
    knowledgeBase: source.knowledgeBase,
    files: result.filter((f) => !notWritten.has(f.path)).sort((a, b) => a.path.localeCompare(b.path)),
    warnings,
    skipped: layout.skipped.map((s) => ({
      id: s.remote.article.id,
      title: s.remote.article.title,
      reason: s.reason,
    })),
    refused,
    written: !options.dryRun,
  };
}
