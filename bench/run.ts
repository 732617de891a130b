/**
 * pylon-kb benchmarks (`npm run bench`; `npm run bench -- --quick`, `npm run bench -- --rows render,limits`).
 * Every comparison is made in this one process (or, for start-up, in processes started alternately), round
 * by round, and printed as the median with the min–max of the rounds. Nothing here is asserted by tests.
 */
import { benchLimits } from './limits.js';
import { benchPlan } from './plan.js';
import { benchRender } from './render.js';
import { benchStartup } from './startup.js';
import { loadNote } from './stats.js';
import { benchWatchLatency, printWatch } from './watch-latency.js';

const ROWS = ['limits', 'plan', 'render', 'watch', 'startup'] as const;
type Row = (typeof ROWS)[number];

function parseArgs(argv: string[]): { quick: boolean; rows: Set<Row> } {
  const quick = argv.includes('--quick');
  const at = argv.findIndex((a) => a === '--rows' || a.startsWith('--rows='));
  const list = at < 0 ? null : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  const rows = new Set<Row>();
  for (const name of list ? list.split(',') : ROWS) {
    if (!(ROWS as readonly string[]).includes(name)) {
      console.error(`unknown row "${name}": choose from ${ROWS.join(', ')}`);
      process.exit(2);
    }
    rows.add(name as Row);
  }
  return { quick, rows };
}

const { quick, rows } = parseArgs(process.argv.slice(2));
const started = performance.now();
console.log(
  `pylon-kb benchmarks, Node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}`,
);
console.log(`at the start: ${await loadNote()}`);
if (rows.has('limits')) await benchLimits({ rounds: quick ? 1 : 2, count: 300, updates: !quick });
if (rows.has('plan')) await benchPlan({ rounds: quick ? 1 : 2, docs: 2000 });
if (rows.has('render')) await benchRender({ rounds: quick ? 3 : 7, docs: 400 });
if (rows.has('watch')) printWatch(await benchWatchLatency(2000, quick ? 15 : 40, 2));
if (rows.has('startup')) await benchStartup({ rounds: quick ? 5 : 15 });
console.log(
  `\nat the end: ${await loadNote()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
