import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as emulatorApi from '../../src/emulator/index.js';
import * as api from '../../src/index.js';

/**
 * The public API is a short, deliberate list: changing it means changing this test. Docs show only what
 * the package exports, imported by the package's name.
 */

const ROOT = join(import.meta.dirname, '..', '..');

const VALUES = [
  'ENDPOINT_TABLE',
  'OutcomeUnknownError',
  'PylonApiError',
  'PylonNetworkError',
  'applyPlan',
  'createPlan',
  'createPylonClient',
  'createTrutoTransport',
  'defineConfig',
  'executePlan',
  'formatDiagnostic',
  'formatWatchEvent',
  'loadConfigFile',
  'loadContent',
  'makePlan',
  'openTarget',
  'planFromConfig',
  'rateLimitsFor',
  'readMarker',
  'readRemote',
  'redactConfig',
  'renderMarkdown',
  'renderPlan',
  'resolveConfig',
  'resultsReport',
  'startWatch',
];

const TYPES = [
  'ApplyResult',
  'Article',
  'ClientEvent',
  'Collection',
  'CurrentState',
  'DesiredState',
  'Diagnostic',
  'EndpointName',
  'KnowledgeBase',
  'Operation',
  'Plan',
  'PlanFormat',
  'PlanOptions',
  'PylonApi',
  'PylonClient',
  'PylonClientOptions',
  'RateLimitPreset',
  'ResolvedConfig',
  'UserConfig',
  'WatchEvent',
  'WatchOptions',
  'WatchSession',
];

const EMULATOR_VALUES = [
  'DEFAULT_BEHAVIOUR',
  'DEFAULT_SEED',
  'DEFAULT_TRUTO_ACCOUNT',
  'DEFAULT_TRUTO_TOKEN',
  'EDITOR_KB_SEED',
  'normalizeHtml',
  'startEmulator',
];

/** Names in `export { … }` / `export type { … }` lists of a module's source (`type X` counts as a type). */
function exportedNames(source: string): { values: string[]; types: string[] } {
  const values: string[] = [];
  const types: string[] = [];
  for (const match of source.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    for (const raw of (match[2] as string).split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      if (match[1] || name.startsWith('type ')) types.push(name.replace(/^type\s+/, ''));
      else values.push(name);
    }
  }
  return { values: values.sort(), types: types.sort() };
}

describe('the public API', () => {
  const source = readFileSync(join(ROOT, 'src/index.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('is a named list, with no export *', () => {
    expect(source).not.toMatch(/export\s+(type\s+)?\*/);
  });

  it('exports exactly the pinned values', () => {
    expect(Object.keys(api).sort()).toEqual([...VALUES].sort());
    expect(exportedNames(source).values).toEqual([...VALUES].sort());
  });

  it('exports exactly the pinned types', () => {
    expect(exportedNames(source).types).toEqual([...TYPES].sort());
  });

  it('keeps the emulator behind its own subpath', () => {
    expect(Object.keys(emulatorApi).sort()).toEqual(EMULATOR_VALUES);
    expect(Object.keys(api)).not.toContain('startEmulator');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './emulator']);
    expect(pkg.exports['./emulator']).toEqual({
      types: './dist/emulator/index.d.ts',
      import: './dist/emulator/index.js',
    });
    // Each entry point is built from the source module this test imports.
    for (const entry of Object.values(pkg.exports) as { import: string }[]) {
      const sourcePath = entry.import.replace('./dist/', 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(join(ROOT, sourcePath)), sourcePath).toBe(true);
    }
  });

  it('is what the docs import, by the package name and never from ./src', () => {
    const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => join('docs', name))];
    const seen: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
        const from = match[2] as string;
        expect(['pylon-kb', 'pylon-kb/emulator'], `${file} imports from ${from}`).toContain(from);
        const names = (match[1] as string).split(',').map((n) => n.trim().replace(/^type\s+/, ''));
        const known = from === 'pylon-kb' ? [...VALUES, ...TYPES] : EMULATOR_VALUES;
        for (const name of names.filter(Boolean)) {
          expect(known, `${file} imports ${name} from ${from}`).toContain(name);
          seen.push(name);
        }
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining(['defineConfig', 'startEmulator', 'renderPlan', 'startWatch']),
    );
  });
});
