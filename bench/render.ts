/**
 * Render per document: pylon-kb's pipeline against a bare remark→rehype pipeline and against an
 * equivalent safe one (raw HTML parsed, sanitised, heading ids), on the same realistic documents,
 * alternated round by round.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { renderDocument } from '../src/markdown/render.js';
import { bodyOf, generateCorpus } from './corpus.js';
import { alternate, formatRatio, ratios, spread } from './stats.js';

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

export async function benchRender(options: { rounds: number; docs: number }): Promise<void> {
  const docs = generateCorpus(options.docs)
    .filter((d) => !d.path.endsWith('_index.md'))
    .map((d, i) => ({ body: bodyOf(d.text), title: `Article ${i}`, path: d.path }));
  const withRaw = docs.filter((d) => /<[a-z]/.test(d.body)).length;
  const ours = () => {
    for (const d of docs) renderDocument(d.body, { title: d.title, file: d.path });
  };
  const bareRun = () => {
    for (const d of docs) String(bare.processSync(d.body));
  };
  const safeRun = () => {
    for (const d of docs) String(safe.processSync(d.body));
  };
  // Warm-up: JIT and lazily built parser tables.
  for (const d of docs.slice(0, 30)) {
    renderDocument(d.body, { title: d.title });
    bare.processSync(d.body);
    safe.processSync(d.body);
  }
  const times = await alternate(options.rounds, { ours, bare: bareRun, safe: safeRun });
  const perDoc = (ms: number[]) => spread(ms.map((t) => (t / docs.length) * 1000));
  console.log(`\n## Render per document (${docs.length} generated documents, ${withRaw} with raw HTML)`);
  const fmt = (s: ReturnType<typeof spread>) =>
    `${s.median.toFixed(0)} µs (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  console.log(
    `pylon-kb ${fmt(perDoc(times.ours ?? []))}, bare ${fmt(perDoc(times.bare ?? []))}, safe ${fmt(perDoc(times.safe ?? []))} per document`,
  );
  console.log(`pylon-kb / bare: ${formatRatio(spread(ratios(times.ours ?? [], times.bare ?? [])))}`);
  console.log(`pylon-kb / safe: ${formatRatio(spread(ratios(times.ours ?? [], times.safe ?? [])))}`);
}
