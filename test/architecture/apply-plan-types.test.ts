import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const APPLY = join(import.meta.dirname, '..', '..', 'src', 'apply');

describe('apply depends on the plan’s types only', () => {
  const files = readdirSync(APPLY).filter((name) => name.endsWith('.ts'));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('src/apply/%s imports nothing from src/plan but plan/types.ts', (name) => {
    const source = readFileSync(join(APPLY, name), 'utf8');
    const fromPlan = [...source.matchAll(/from ['"](\.\.\/plan\/[^'"]+)['"]/g)].map((m) => m[1]);
    expect(fromPlan.filter((path) => path !== '../plan/types.js')).toEqual([]);
  });
});
