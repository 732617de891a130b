import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { stripMarker } from '../identity/marker.js';
import { uploadedAssetUrls } from '../identity/placeholders.js';
import { textDigest } from '../identity/text-digest.js';
import type { DriftNotice } from '../plan/types.js';
import type { PlanRun } from '../run/index.js';
import { convertArticle } from './convert-article.js';
import { downloadFiles } from './download.js';
import { documentPathRule, inertFilePath } from './file-names.js';
import { type RefusedWrite, TargetBoundary } from './inside-target.js';
import { folderOf, joinPath } from './paths.js';
import { hostedFileUrls } from './pylon-urls.js';
import type { PullWarning } from './warning.js';

export interface DriftedResult {
  files: Array<{ path: string; kind: 'article' | 'file' }>;
  warnings: PullWarning[];
  /** Files not written because their place is a symbolic link to outside the docs tree. */
  refused: RefusedWrite[];
}

type StagedFile = { path: string; content: string | Uint8Array | { from: string }; kind: 'article' | 'file' };

/**
 * `pylon-kb pull --drifted`: for each article the plan reports as edited in Pylon, writes Pylon's version
 * (title and body) into its file, keeping the rest of its frontmatter. Links to other documents and files
 * the tree already has point at them; files added in Pylon are downloaded beside the document. Every file
 * is written beside its target first and moved into place once all are ready.
 */
export async function pullDrifted(
  run: PlanRun,
  options: {
    contentDir: string;
    apiOrigin: string;
    maxAssetBytes: number;
    downloadTimeoutMs?: number | undefined;
    include?: readonly string[] | undefined;
    dryRun?: boolean;
    fetch?: typeof fetch;
  },
): Promise<DriftedResult> {
  // Downloads stream into a hidden folder of the tree (never read as content), moved into place from there.
  const downloads = options.dryRun ? undefined : await mkdtemp(join(options.contentDir, '.pylon-kb-pull-'));
  try {
    return await pullDriftedInto(run, options, downloads);
  } finally {
    if (downloads) await rm(downloads, { recursive: true, force: true });
  }
}

async function pullDriftedInto(
  run: PlanRun,
  options: Parameters<typeof pullDrifted>[1],
  downloads: string | undefined,
): Promise<DriftedResult> {
  const isDocument = documentPathRule(options.include);
  const drifts = run.plan.operations.filter((op): op is DriftNotice => op.kind === 'drift');
  const pathByKey = new Map(run.content.desired.articles.map((a) => [a.key, a.path]));
  const articles = new Map<string, string>();
  for (const remote of run.current.articles) {
    const path = remote.marker && !remote.marker.retired ? pathByKey.get(remote.marker.key) : undefined;
    if (path) articles.set(remote.article.identifier, path);
  }
  const localBySha = new Map(
    run.content.desired.articles.flatMap((a) =>
      (a.assets ?? []).map((ref) => [ref.sha256, ref.path] as const),
    ),
  );
  const warnings: PullWarning[] = [];
  const staged: StagedFile[] = [];
  for (const op of drifts) {
    const remote = run.current.articles.find((r) => r.article.id === op.articleId);
    if (!remote) continue;
    const html = stripMarker(remote.article.current_draft_content_html);
    const files = new Map<string, string>();
    for (const [sha, url] of uploadedAssetUrls(html)) {
      const local = localBySha.get(sha);
      if (local) files.set(url, local);
    }
    const missing = hostedFileUrls(html, options.apiOrigin).filter((url) => !files.has(url));
    for (const [url, outcome] of await downloadFiles(missing, {
      maxBytes: options.maxAssetBytes,
      timeoutMs: options.downloadTimeoutMs,
      into: downloads,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    })) {
      const about = { article: { id: op.articleId, title: remote.article.title }, path: op.path };
      if (!outcome.ok) {
        warnings.push({
          code: 'pull/download-failed',
          message: `A file added in Pylon could not be downloaded (${outcome.reason}); the file keeps pointing at ${url.split('?')[0]}.`,
          ...about,
        });
        continue;
      }
      const named = joinPath(folderOf(op.path), outcome.file.name);
      const path = inertFilePath(named, isDocument);
      if (path !== named) {
        warnings.push({
          code: 'pull/document-name',
          message:
            path === null
              ? `A file added in Pylon would be named ${named}, which the next apply would read as a document, and every other name tried is one too; it was not written and keeps pointing at ${url.split('?')[0]}.`
              : `A file added in Pylon would be named ${named}, which the next apply would read as a document; it is written as ${path} and the article's link points there.`,
          ...about,
        });
      }
      if (path === null) continue;
      files.set(url, path);
      staged.push({
        path,
        content: outcome.file.tempPath ? { from: outcome.file.tempPath } : new Uint8Array(),
        kind: 'file',
      });
    }
    const converted = convertArticle(html, op.path, remote.article.title, { articles, files });
    for (const w of converted.warnings)
      warnings.push({ ...w, article: { id: op.articleId, title: remote.article.title }, path: op.path });
    const existing = await readFile(join(options.contentDir, op.path), 'utf8');
    staged.push({
      path: op.path,
      content: replaceBody(existing, remote.article.title, converted.markdown, textDigest(html)),
      kind: 'article',
    });
  }
  const refused = options.dryRun ? [] : await moveIntoPlace(options.contentDir, staged);
  const notWritten = new Set(refused.map((r) => r.path));
  return {
    files: staged.filter((f) => !notWritten.has(f.path)).map(({ path, kind }) => ({ path, kind })),
    warnings,
    refused,
  };
}

/**
 * The file with a new body and title; the other frontmatter keys, comments and order stay. A `pulled_from`
 * records the digest of the text taken in (`text`), so the next apply knows the file holds Pylon's version.
 */
export function replaceBody(file: string, title: string, body: string, pulledText?: string): string {
  const match = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(file);
  if (!match) return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}`;
  const yaml = parseDocument(match[1] ?? '');
  const pulled = yaml.get('pulled_from');
  const recordText = pulledText !== undefined && isMap(pulled) && pulled.get('text') !== pulledText;
  // Unchanged frontmatter is kept byte for byte; a new title is set through the YAML document (comments kept).
  if (yaml.get('title') === title && !recordText) return `${match[0].replace(/\s*$/, '')}\n\n${body}`;
  yaml.set('title', title);
  if (recordText) yaml.setIn(['pulled_from', 'text'], pulledText);
  return `---\n${String(yaml)}---\n\n${body}`;
}

/**
 * Writes each file beside its place and moves them all into place once all are written. A file whose place
 * is reached through a symbolic link to outside the tree is refused (returned), the others written.
 */
async function moveIntoPlace(root: string, files: readonly StagedFile[]): Promise<RefusedWrite[]> {
  const boundary = await TargetBoundary.of(root);
  const refused: RefusedWrite[] = [];
  const temps: Array<[string, string]> = [];
  try {
    for (const file of files) {
      const place = await boundary.place(file.path);
      if (!place.ok) {
        refused.push({ path: file.path, reason: place.reason });
        continue;
      }
      if (typeof file.content === 'object' && 'from' in file.content) {
        temps.push([file.content.from, place.absolute]);
        continue;
      }
      const temp = `${place.absolute}.pylon-kb-pull-${process.pid}.tmp`;
      await rm(temp, { force: true });
      await writeFile(temp, file.content, { flag: 'wx' });
      temps.push([temp, place.absolute]);
    }
    for (const [temp, to] of temps) await rename(temp, to);
    return refused;
  } finally {
    for (const [temp] of temps) await rm(temp, { force: true });
  }
}
