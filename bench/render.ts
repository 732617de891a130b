/**
 * Render per document: pylon-kb's pipeline against a bare remark→rehype pipeline and against an
 * equivalent safe one (raw HTML parsed, sanitised, heading ids), on the same documents, alternated round
 * by round: the generated help center, then the site fixture trees (each generator's syntax, more raw HTML).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { type RenderOptions, renderDocument } from '../src/markdown/render.js';
import { bodyOf, generateCorpus } from './corpus.js';
import { alternateClocks, formatRatio, ratios, type Spread, spread } from './stats.js';

export const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();

export const safe = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(rehypeSlug)
  .use(rehypeStringify)
  .freeze();

interface BenchDoc {
  body: string;
  options: RenderOptions;
}

/** The documents of the site fixture trees, with the generator named by their folder. */
function siteFixtureDocs(): BenchDoc[] {
  const root = join(import.meta.dirname, '..', 'test', 'fixtures', 'sites');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.mdx?$/.test(path))
    .sort()
    .map((path) => {
      const site = path.split(/[\\/]/)[0] ?? '';
      const format = path.endsWith('.mdx') ? ('mdx' as const) : ('md' as const);
      const file = relative(root, join(root, path));
      return { body: bodyOf(readFileSync(join(root, path), 'utf8')), options: { site, format, file } };
    });
}

async function benchDocs(label: string, docs: BenchDoc[], rounds: number): Promise<void> {
  const withRaw = docs.filter((d) => /<[a-z]/.test(d.body)).length;
  // As the content core renders: no heading list (it does not use one).
  const ours = () => {
    for (const d of docs) renderDocument(d.body, { ...d.options, headings: false });
  };
  const bareRun = () => {
    for (const d of docs) String(bare.processSync(d.body));
  };
  const safeRun = () => {
    for (const d of docs) String(safe.processSync(d.body));
  };
  // Warm-up: JIT and lazily built parser tables.
  for (const d of docs.slice(0, 30)) {
    renderDocument(d.body, d.options);
    bare.processSync(d.body);
    safe.processSync(d.body);
  }
  const { wall, cpu } = await alternateClocks(rounds, { ours, bare: bareRun, safe: safeRun });
  const perDoc = (ms: number[]) => spread(ms.map((t) => (t / docs.length) * 1000));
  const fmt = (s: Spread) => `${s.median.toFixed(0)} µs (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const ratio = (times: Record<string, number[]>, a: string, b: string) =>
    formatRatio(spread(ratios(times[a] ?? [], times[b] ?? [])));
  console.log(`\n## Render per document: ${label} (${docs.length} documents, ${withRaw} with raw HTML)`);
  console.log(
    `CPU time: pylon-kb ${fmt(perDoc(cpu.ours ?? []))}, bare ${fmt(perDoc(cpu.bare ?? []))}, safe ${fmt(perDoc(cpu.safe ?? []))} per document`,
  );
  console.log(`pylon-kb / bare: ${ratio(cpu, 'ours', 'bare')} CPU, ${ratio(wall, 'ours', 'bare')} wall`);
  console.log(`pylon-kb / safe: ${ratio(cpu, 'ours', 'safe')} CPU, ${ratio(wall, 'ours', 'safe')} wall`);
}

export async function benchRender(options: { rounds: number; docs: number }): Promise<void> {
  const generated = generateCorpus(options.docs)
    .filter((d) => !d.path.endsWith('_index.md'))
    .map((d, i) => ({ body: bodyOf(d.text), options: { title: `Article ${i}`, file: d.path } }));
  await benchDocs('generated help center', generated, options.rounds);
  // The fixture trees are small: more rounds of them.
  await benchDocs('site fixture trees', siteFixtureDocs(), options.rounds * 3);
}
