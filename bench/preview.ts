/**
 * Time until `pylon-kb preview` prints its URL (the start-up sync into its embedded emulator done), as a
 * fresh process, on content-example and on a generated 200-document tree. Uses the built CLI (`npm run
 * bench` builds first) and no render cache, so every round renders and publishes the whole tree.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from './generate.js';
import { formatMs, spread } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'pylon-kb.mjs');

/** Milliseconds from spawning `preview` to the line with its URL; the process is stopped then. */
function timeToUrl(cwd: string, contentDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [BIN, 'preview', '--content-dir', contentDir, '--no-cache', '--author', 'ada@acme.test'],
      { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Preview: http/.test(out)) {
        const ms = performance.now() - started;
        child.kill('SIGINT');
        resolve(ms);
      }
    });
    child.on('exit', (code) => {
      if (!/Preview: http/.test(out))
        reject(new Error(`preview exited (${code}) without a URL:\n${out}\n${err}`));
    });
  });
}

export async function benchPreview(options: { rounds: number; docs: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-preview-'));
  try {
    await writeTree(join(dir, 'docs'), options.docs, 20);
    const example: number[] = [];
    const generated: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      example.push(await timeToUrl(ROOT, 'content-example'));
      generated.push(await timeToUrl(dir, 'docs'));
    }
    console.log('\n## preview: time to the URL (fresh process, embedded emulator, no render cache)');
    console.log(
      `content-example: ${formatMs(spread(example))}; ${options.docs} generated documents: ${formatMs(spread(generated))}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
