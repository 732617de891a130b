import { type BuildMemo, createBuildMemo } from '../content/build-memo.js';
import { keyFromPath } from '../content/document.js';
import type { DesiredState, SourceFile } from '../content/types.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import { memoryRenderCache, type RenderCacheStore } from '../run/render-cache.js';
import type { ContentPipeline } from './pipeline.js';

/** A desired state built from the files as they are now, with broken files held at their last good text. */
export interface DesiredBuild {
  /** What to plan against. A file whose text has errors contributes its last good version (or nothing). */
  desired: DesiredState;
  /** The problems of the files as they are on disk now (not of the stand-ins). */
  diagnostics: Diagnostic[];
  /** Files whose current text has errors: nothing is written for them. */
  broken: Set<string>;
  /** Keys that belong to broken files (their last good key, or the key their path implies). */
  brokenKeys: Set<string>;
  /** Document key of each path in `desired`. */
  keyOf: Map<string, string>;
}

interface FileEntry {
  text: string;
  digest: string;
  /** The bytes were not valid UTF-8 (SourceFile.undecodable). */
  undecodable: boolean;
}

function errorFiles(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(
    diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file as string),
  );
}

/**
 * The docs tree held in memory between saves. Files are replaced one by one as they change; a build runs
 * the run layer's content steps over the whole tree, through a memo of the last build's per-file results
 * (content/build-memo.ts): only the files that changed are parsed again, only documents whose body, title
 * or syntax inputs changed are rendered (the render cache), and only pages whose rendering or link targets
 * changed are resolved again. The result is what a build from scratch gives.
 */
export class DesiredCache {
  private readonly files = new Map<string, FileEntry>();
  /** Last text of each file that parsed without errors. */
  private readonly lastGood = new Map<string, string>();
  private lastKeys = new Map<string, string>();
  /** Markdown files `exclude` or the site leaves out. */
  private readonly excluded = new Set<string>();

  /** `renderCache`: the session's (from `openRenderCache`, so it may start from `.pylon-kb/`). */
  constructor(
    private readonly renderCache: RenderCacheStore = memoryRenderCache(),
    /** The build memo; null builds without one (each build computes everything, as `plan` does). */
    readonly memo: BuildMemo | null = createBuildMemo(),
  ) {}

  get renders(): number {
    return this.renderCache.renders;
  }

  get size(): number {
    return this.files.size;
  }

  /** Replaces every file (start-up, or a config change that changes which files are content). */
  replaceAll(files: readonly SourceFile[], excluded: readonly string[] = []): void {
    this.files.clear();
    this.lastGood.clear();
    this.excluded.clear();
    for (const file of files) this.put(file.path, file.text, file.undecodable === true);
    for (const path of excluded) this.excluded.add(path);
  }

  /** Records that a left-out Markdown file appeared or went; returns false when nothing changed. */
  setExcluded(path: string, present: boolean): boolean {
    if (this.excluded.has(path) === present) return false;
    if (present) this.excluded.add(path);
    else this.excluded.delete(path);
    return true;
  }

  /** Sets a file's text; returns false when the text is what the cache already held. */
  put(path: string, text: string, undecodable = false): boolean {
    const digest = digestOf(text);
    const held = this.files.get(path);
    if (held?.digest === digest && held.undecodable === undecodable) return false;
    this.files.set(path, { text, digest, undecodable });
    return true;
  }

  /** Forgets a deleted file; returns false when the cache did not hold it. */
  remove(path: string): boolean {
    this.lastGood.delete(path);
    return this.files.delete(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The key the file's document had in the last build (for files deleted since). */
  lastKeyOf(path: string): string | undefined {
    return this.lastKeys.get(path);
  }

  async build(pipeline: ContentPipeline): Promise<DesiredBuild> {
    const current: SourceFile[] = [...this.files].map(([path, entry]) => ({
      path,
      text: entry.text,
      ...(entry.undecodable && { undecodable: true }),
    }));
    const excluded = [...this.excluded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const tree = pipeline.tree(current, excluded);
    const brokenNow = errorFiles(tree.diagnostics);
    const standIns = new Map<string, string>();
    for (const path of brokenNow) {
      const good = this.lastGood.get(path);
      if (good !== undefined && good !== this.files.get(path)?.text) standIns.set(path, good);
    }
    for (const file of current) if (!brokenNow.has(file.path)) this.lastGood.set(file.path, file.text);

    const planned =
      standIns.size === 0
        ? tree
        : pipeline.tree(
            current.map((f) => {
              const good = standIns.get(f.path);
              return good === undefined ? f : { path: f.path, text: good };
            }),
            excluded,
          );
    // Render without the tree's diagnostics: those of the stand-ins describe old text nobody is editing.
    const rendered = await pipeline.desired({ ...planned, diagnostics: [] }, this.renderCache);
    this.renderCache.sweep();
    this.memo?.sweep();
    const renderDiagnostics = rendered.diagnostics.filter(
      (d) => d.file === undefined || !standIns.has(d.file),
    );
    const diagnostics = sortDiagnostics([...tree.diagnostics, ...renderDiagnostics]);

    const keyOf = new Map(rendered.articles.map((a) => [a.path, a.key]));
    const broken = errorFiles(diagnostics);
    const brokenKeys = new Set<string>();
    for (const path of broken)
      brokenKeys.add(keyOf.get(path) ?? this.lastKeys.get(path) ?? keyFromPath(path));
    this.lastKeys = keyOf;
    return { desired: { ...rendered, diagnostics }, diagnostics, broken, brokenKeys, keyOf };
  }
}
