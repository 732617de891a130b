import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CORE = [
  'src/content',
  'src/sites',
  'src/markdown',
  'src/plan',
  'src/report',
  'src/identity',
  'src/diagnostics',
  'src/pull',
];
/** The I/O edges that live beside the core they feed. */
const EDGES = new Set([
  'src/content/read-files.ts',
  'src/content/read-assets.ts',
  'src/content/read-includes.ts',
  // pull: reading Pylon, downloading attachments, writing the tree; the conversion and layout are pure.
  'src/pull/pull.ts',
  'src/pull/read-remote.ts',
  'src/pull/download.ts',
  'src/pull/write-tree.ts',
  'src/pull/inside-target.ts',
  'src/pull/drifted.ts',
  'src/content/read-site.ts',
]);

const FORBIDDEN_IMPORTS = [
  /from ['"](node:)?fs(\/promises)?['"]/,
  /from ['"](node:)?(http|https|net|child_process|worker_threads|os|dgram|tls)['"]/,
  /from ['"](node:)?process['"]/,
  /from ['"]chokidar['"]/,
];
const FORBIDDEN_CALLS = [/\bprocess\./, /\bfetch\(/, /\bDate\.now\(/, /\bnew Date\(\)/, /\bMath\.random\(/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the pure core', () => {
  const files = CORE.flatMap((dir) => filesUnder(join(ROOT, dir)))
    .map((path) => relative(ROOT, path))
    .filter((path) => !EDGES.has(path));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s does no I/O and reads no clock or randomness', (path) => {
    const source = readFileSync(join(ROOT, path), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const pattern of [...FORBIDDEN_IMPORTS, ...FORBIDDEN_CALLS]) {
      expect(source, `${path} matches ${pattern}`).not.toMatch(pattern);
    }
  });
});
