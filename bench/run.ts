/**
 * pylon-kb benchmarks (`npm run bench`; `npm run bench -- --quick`, `npm run bench -- --rows render,limits`;
 * `npm run bench -- --rows trees --trees DIR` over real trees exported by `bench/export-trees.ts`).
 * Every comparison is made in this one process (or, for start-up, in processes started alternately), round
 * by round, and printed as the median with the min–max of the rounds. Nothing here is asserted by tests.
 * The rows run one after another: a row beside another (the limits row waits for rate-limit windows most
 * of the time) measured up to 1.8× the floor instead of 1.1×, so the full bench takes the sum of the rows,
 * about 10 minutes on a loaded 2-core machine.
 */
import { benchLimits } from './limits.js';
import { benchPathological } from './pathological.js';
import { benchPlan } from './plan.js';
import { benchPool } from './pool.js';
import { benchPreview } from './preview.js';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';
import { loadNote } from './stats.js';
import { benchTrees } from './trees.js';
import { benchWatchLatency, printWatch } from './watch-latency.js';

const ROWS = [
  'limits',
  'plan',
  'pool',
  'render',
  'pathological',
  'watch',
  'startup',
  'preview',
  'trees',
] as const;
type Row = (typeof ROWS)[number];

function flagValue(argv: string[], name: string): string | undefined {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  return at < 0 ? undefined : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
}

function parseArgs(argv: string[]): { quick: boolean; rows: Set<Row>; trees: string | undefined } {
  const quick = argv.includes('--quick');
  const trees = flagValue(argv, '--trees');
  const list = flagValue(argv, '--rows');
  const rows = new Set<Row>();
  // The trees row needs a folder of exported trees (bench/export-trees.ts): it runs when one is given.
  for (const name of list ? list.split(',') : ROWS.filter((r) => r !== 'trees' || trees)) {
    if (!(ROWS as readonly string[]).includes(name)) {
      console.error(`unknown row "${name}": choose from ${ROWS.join(', ')}`);
      process.exit(2);
    }
    rows.add(name as Row);
  }
  if (rows.has('trees') && !trees) {
    console.error('the trees row needs --trees DIR (a folder written by bench/export-trees.ts)');
    process.exit(2);
  }
  return { quick, rows, trees };
}

const { quick, rows, trees } = parseArgs(process.argv.slice(2));
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(0)} s`;
/** Runs a row and notes how long it took, so the bench's own cost stays visible. */
async function row(name: Row, work: () => Promise<void>): Promise<void> {
  if (!rows.has(name)) return;
  const at = performance.now();
  await work();
  console.log(`(${name}: ${seconds(at)})`);
}

console.log(
  `pylon-kb benchmarks, Node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}`,
);
console.log(`at the start: ${await loadNote()}`);
await row('limits', () => benchLimits({ rounds: quick ? 1 : 2, count: 300, updates: !quick }));
await row('plan', () => benchPlan({ rounds: quick ? 1 : 2, docs: 2000 }));
await row('pool', () => benchPool({ rounds: quick ? 2 : 4, docs: 2000 }));
await row('render', () => benchRender({ rounds: quick ? 3 : 5, docs: 400 }));
await row('pathological', () => benchPathological());
await row('watch', async () => printWatch(await benchWatchLatency(2000, quick ? 15 : 40, 2)));
await row('startup', () => benchStartup({ rounds: quick ? 5 : 11 }));
await row('preview', () => benchPreview({ rounds: quick ? 1 : 3, docs: 200 }));
await row('trees', () => benchTrees({ dir: trees ?? '', rounds: quick ? 3 : 5 }));
console.log(`\nat the end: ${await loadNote()}; total ${seconds(started)}`);
