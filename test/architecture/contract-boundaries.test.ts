import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Pylon API contract (`src/pylon-api/`) is the one place both sides of the wire read: the emulator
 * imports it and nothing else of pylon-kb (never the client in `src/pylon/`), the pure core does not
 * reach for the HTTP client, and the contract itself imports nothing and does no I/O.
 */

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The `src/` folder each relative import of a file lands in (`pylon-api`, `pylon`, `emulator`, …). */
function importedFolders(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );
  return specifiers.map(
    (spec) => relative(join(ROOT, 'src'), resolve(dirname(path), spec)).split(/[\\/]/)[0] as string,
  );
}

function externalImports(path: string): string[] {
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^.'"][^'"]*)['"]/g)].map((m) => m[1] as string);
}

const rel = (path: string) => relative(ROOT, path);

describe('contract boundaries', () => {
  const emulatorFiles = filesUnder(join(ROOT, 'src/emulator'));
  const contractFiles = filesUnder(join(ROOT, 'src/pylon-api'));

  it('has files to check', () => {
    expect(emulatorFiles.length).toBeGreaterThan(20);
    expect(contractFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(emulatorFiles.map(rel))('%s imports only the emulator and the contract', (path) => {
    const folders = importedFolders(join(ROOT, path)).filter((f) => f !== 'emulator');
    expect(folders.filter((f) => f !== 'pylon-api')).toEqual([]);
  });

  it.each(contractFiles.map(rel))('%s imports nothing outside the contract and does no I/O', (path) => {
    expect(importedFolders(join(ROOT, path)).filter((f) => f !== 'pylon-api')).toEqual([]);
    expect(externalImports(join(ROOT, path))).toEqual([]);
    const code = readFileSync(join(ROOT, path), 'utf8');
    expect(code).not.toMatch(/\bfetch\(|\bprocess\.|\bDate\.now\(|\bMath\.random\(/);
  });

  const core = ['content', 'markdown', 'plan', 'report', 'identity', 'diagnostics', 'config'];
  const coreFiles = core.flatMap((dir) => filesUnder(join(ROOT, 'src', dir)));
  it.each(coreFiles.map(rel))('%s takes API shapes from the contract, not the client', (path) => {
    expect(importedFolders(join(ROOT, path))).not.toContain('pylon');
  });
});
