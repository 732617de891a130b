/**
 * CLI start-up: `pylon-kb --help` and `pylon-kb check` (on content-example) against `node -e 0`, each a
 * fresh process, alternated. Uses the built CLI (`npm run bench` builds first).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { alternate, formatMs, formatRatio, ratios, spread } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'pylon-kb.mjs');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
}

export async function benchStartup(options: { rounds: number }): Promise<void> {
  const times = await alternate(options.rounds, {
    node: () => run(['-e', '0']),
    help: () => run([BIN, '--help']),
    check: () => run([BIN, 'check']),
  });
  const [node, help, check] = [times.node ?? [], times.help ?? [], times.check ?? []];
  console.log('\n## CLI start-up (fresh processes, alternated)');
  console.log(
    `node -e 0: ${formatMs(spread(node))}; --help: ${formatMs(spread(help))}; check: ${formatMs(spread(check))}`,
  );
  console.log(
    `--help / node -e 0: ${formatRatio(spread(ratios(help, node)))}; check / node -e 0: ${formatRatio(spread(ratios(check, node)))}`,
  );
}
