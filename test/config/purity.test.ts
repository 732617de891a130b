import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// resolveConfig is pure (defaults, file, env and flags all come in as arguments); only load.ts touches disk.
const DIR = join(import.meta.dirname, '../../src/config');
const EDGE = 'load.ts';

describe('src/config', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== EDGE);

  it.each(files)('%s does no I/O and reads no environment', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/^\s*\/\*\*.*$/gm, '');
    expect(source).not.toMatch(/from ['"](node:)?(fs|fs\/promises|os|http|https|child_process|process)['"]/);
    expect(source).not.toMatch(/from ['"]jiti['"]/);
    expect(source).not.toMatch(/\bprocess\.|\bfetch\(|\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(/);
  });
});
