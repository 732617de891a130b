import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The content and Markdown cores do no I/O: only the I/O edges (read-files.ts, read-assets.ts, read-includes.ts, read-site.ts) may touch the file system. */
const SRC = join(import.meta.dirname, '../../src');
const FORBIDDEN =
  /from 'node:(fs|fs\/promises|child_process|net|http|https|os)'|\bprocess\.|\bfetch\(|Date\.now|new Date\(|Math\.random/;

function sources(dir: string): string[] {
  return readdirSync(join(SRC, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);
}

describe('content and markdown cores', () => {
  it.each(
    [...sources('content'), ...sources('markdown')].filter(
      (path) =>
        path !== 'content/read-files.ts' &&
        path !== 'content/read-assets.ts' &&
        path !== 'content/read-includes.ts' &&
        path !== 'content/read-site.ts',
    ),
  )('%s does no I/O', (path) => {
    expect(readFileSync(join(SRC, path), 'utf8')).not.toMatch(FORBIDDEN);
  });
});
