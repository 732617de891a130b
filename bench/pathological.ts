/**
 * Pathological pages (issue 25): each case of test/markdown/pathological.ts rendered once in a fresh
 * process (the built renderer, `npm run bench` builds first), printed with its wall and CPU time, the
 * process's peak RSS and the outcome (rendered, warned, refused). `node --import tsx bench/pathological.ts
 * CASE` renders one case and prints its figures as JSON (what the row runs per case).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as generate from '../test/markdown/pathological.js';

const ROOT = join(import.meta.dirname, '..');

const CASES: Record<string, () => string> = {
  'underscore runs, 20 KB': () => generate.delimiterRuns('_a_ _b__ ', 20_000),
  '_* runs, 20 KB': () => generate.delimiterRuns('_*', 20_000),
  '*a runs, 20 KB': () => generate.delimiterRuns('*a', 20_000),
  '<details> 5,000 deep, one per paragraph': () => generate.nestedDetails(5000, '\n\n'),
  'blockquotes 5,000 deep': () => generate.nestedQuotes(5000),
  'lists 3,000 deep': () => generate.nestedLists(3000),
  '10,000 equal headings': () => generate.equalHeadings(10_000),
  '300,000 &amp;': () => generate.entities(300_000),
};

interface Figures {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  outcome: string;
}

async function renderOne(name: string): Promise<Figures> {
  const make = CASES[name];
  if (!make) throw new Error(`unknown case ${name}`);
  const rendering = join(ROOT, 'dist', 'content', 'document-rendering.js');
  const { renderForCache } = (await import(
    pathToFileURL(rendering).href
  )) as typeof import('../src/content/document-rendering.js');
  const markdown = make();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const rendered = renderForCache(
    { path: 'case.md', markdown, title: 'Case', bodyStartLine: 1 },
    true,
    undefined,
    'github',
  );
  const used = process.cpuUsage(cpu);
  const codes = [...new Set(rendered.diagnostics.map((d) => `${d.severity} ${d.code}:${d.line ?? ''}`))];
  return {
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    outcome: codes.length > 0 ? codes.join(', ') : 'rendered',
  };
}

export async function benchPathological(): Promise<void> {
  console.log(
    '\n## Pathological pages (one fresh process each: wall, CPU, peak RSS of the process, outcome)',
  );
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'pathological.ts'), name],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(
        `${name}: failed (${child.signal ?? `exit ${child.status}`}) ${child.stderr.trim().split('\n').at(-1) ?? ''}`,
      );
      continue;
    }
    const f = JSON.parse(line) as Figures;
    console.log(
      `${name}: ${f.ms.toFixed(0)} ms wall, ${f.cpuMs.toFixed(0)} ms CPU, ${f.peakRssMb.toFixed(0)} MB peak RSS; ${f.outcome}`,
    );
  }
}

const asked = process.argv[2];
if (asked !== undefined && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await renderOne(asked)));
}
