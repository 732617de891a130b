/**
 * Exports the corpus's real docs trees from their git mirrors into one folder for the `trees` bench row:
 * `node --import tsx bench/export-trees.ts --corpus ../shared/corpus/trees.json --mirrors DIR --out DIR [TREE …]`.
 * Each tree lands in `<out>/<name>/` with `.bench-tree.json` ({cwd, content}) naming its site root and
 * content directory as the corpus runs it. The corpus's fixes and partials are not applied: the bench
 * measures rendering cost, not publishing results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface CorpusTree {
  name: string;
  repo: string;
  commit: string;
  paths: string[];
  cwd: string;
  content: string;
  /** Files the mirror lacks (4 MiB and over): left out of the export. */
  missing?: string[];
}

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
}

const argv = process.argv.slice(2);
const corpus = flag(argv, '--corpus');
const mirrors = flag(argv, '--mirrors') ?? process.env.MIRRORS;
const out = flag(argv, '--out');
if (!corpus || !mirrors || !out) {
  console.error('usage: export-trees.ts --corpus trees.json --mirrors DIR --out DIR [TREE …]');
  process.exit(2);
}
const named = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const trees = (JSON.parse(readFileSync(corpus, 'utf8')) as { trees: CorpusTree[] }).trees.filter(
  (t) => named.length === 0 || named.includes(t.name),
);
for (const tree of trees) {
  const gitDir = join(resolve(mirrors), tree.repo.replace('/', '+'), 'repo');
  const dest = join(resolve(out), tree.name);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const present = tree.paths.includes('.')
    ? ['.']
    : execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', tree.commit, '--', ...tree.paths], {
        encoding: 'utf8',
      })
        .split('\n')
        .filter(Boolean);
  const wanted = present;
  const leftOut = (tree.missing ?? []).map((path) => `:(exclude)${path}`);
  const archive = execFileSync(
    'git',
    ['--git-dir', gitDir, 'archive', '--format=tar', tree.commit, '--', ...wanted, ...leftOut],
    {
      maxBuffer: 1024 * 1024 * 1024,
    },
  );
  execFileSync('tar', ['-x', '-C', dest], { input: archive });
  writeFileSync(join(dest, '.bench-tree.json'), JSON.stringify({ cwd: tree.cwd, content: tree.content }));
  console.log(`${tree.name}: exported`);
}
