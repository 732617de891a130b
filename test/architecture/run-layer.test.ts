import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const RUN = join(SRC, 'run');

describe('the run layer returns data and writes no terminal', () => {
  const files = readdirSync(RUN).filter((name) => name.endsWith('.ts'));

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('src/run/%s writes to no stream, exits nothing and imports nothing from the CLI', (name) => {
    const source = readFileSync(join(RUN, name), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    expect(source).not.toMatch(/process\.(stdout|stderr|exit)|console\./);
    expect(source).not.toMatch(/from ['"]\.\.\/cli\//);
  });

  it('is what the fronts plan and apply through: no front strings read → plan → apply together itself', () => {
    const fronts = ['cli/commands', 'watch', 'mcp'].flatMap((dir) =>
      readdirSync(join(SRC, dir), { recursive: true })
        .map(String)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(dir, name)),
    );
    expect(fronts.length).toBeGreaterThan(10);
    for (const path of fronts) {
      const source = readFileSync(join(SRC, path), 'utf8');
      // Reading the remote, planning and applying go through readRemote, makePlan / planFromConfig, executePlan.
      expect(source, path).not.toMatch(/import[^;]*\b(applyPlan|createPlan|loadCurrentState)\b[^;]*;/);
    }
  });
});
