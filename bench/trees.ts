/**
 * Real docs trees: pylon-kb's cold content build (what `check --no-cache` does: read, parse, render,
 * resolve) against a bare unified pipeline (remark-parse + remark-gfm → remark-rehype → rehype-stringify,
 * `processSync` per file) reading and rendering the same Markdown files, alternated round by round in this
 * process, CPU time; then a warm build (every rendering from the render cache) against the cold one.
 * The trees come from `bench/export-trees.ts` (the corpus's trees), one folder each with `.bench-tree.json`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../src/config/index.js';
import { loadContent } from '../src/run/content.js';
import { openRenderCache } from '../src/run/render-cache.js';
import { bodyOf } from './corpus.js';
import { bare } from './render.js';
import { alternateClocks, formatRatio, ratios, spread } from './stats.js';

const MARKDOWN = /\.(md|mdx|markdown)$/;

interface TreeMeta {
  cwd: string;
  content: string;
}

function treeDirs(dir: string): { name: string; root: string; content: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, '.bench-tree.json')))
    .map((entry) => {
      const meta = JSON.parse(readFileSync(join(dir, entry.name, '.bench-tree.json'), 'utf8')) as TreeMeta;
      return { name: entry.name, root: join(dir, entry.name, meta.cwd), content: meta.content };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function configFor(root: string, content: string) {
  const resolved = resolveConfig({
    file: {},
    flags: { contentDir: content, target: 'emulator' },
    env: {},
    cwd: root,
  });
  if ('errors' in resolved) throw new Error(resolved.errors.map((e) => e.message).join('; '));
  return resolved.config;
}

export async function benchTrees(options: {
  dir: string;
  rounds: number;
  only?: readonly string[];
}): Promise<void> {
  const trees = treeDirs(options.dir).filter((t) => !options.only?.length || options.only.includes(t.name));
  console.log(
    `\n## Real trees (${trees.length} from ${options.dir}): check --no-cache CPU ÷ bare pipeline CPU`,
  );
  const summary: number[] = [];
  for (const tree of trees) {
    const config = configFor(tree.root, tree.content);
    const first = await loadContent(config);
    const paths = first.files
      .filter((f) => MARKDOWN.test(f.path))
      .map((f) => join(config.contentDir, f.path));
    const bytes = paths.reduce((sum, path) => sum + readFileSync(path).length, 0);
    const cold = async () => {
      await loadContent(config);
    };
    const bareRun = () => {
      for (const path of paths) String(bare.processSync(bodyOf(readFileSync(path, 'utf8'))));
    };
    const cache = await openRenderCache(config.rootDir, { persist: false });
    await loadContent(config, { renderCache: cache });
    const warm = async () => {
      await loadContent(config, { renderCache: cache });
    };
    const { cpu } = await alternateClocks(options.rounds, { cold, bare: bareRun, warm });
    const vsBare = spread(ratios(cpu.cold ?? [], cpu.bare ?? []));
    summary.push(vsBare.median);
    const kbPerS = (bytes / 1024 / ((spread(cpu.cold ?? []).median || 1) / 1000)).toFixed(0);
    console.log(
      `${tree.name}: ${paths.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB, ` +
        `${first.desired.diagnostics.length} diagnostics; cold ÷ bare ${formatRatio(vsBare)} CPU ` +
        `(${kbPerS} KB/s cold); warm ÷ cold ${formatRatio(spread(ratios(cpu.warm ?? [], cpu.cold ?? [])))} CPU`,
    );
  }
  if (summary.length > 0) {
    const s = spread(summary);
    console.log(
      `over ${s.n} trees, cold ÷ bare medians: ${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`,
    );
  }
}
