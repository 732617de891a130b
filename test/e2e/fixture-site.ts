import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type CliRun, emulator, envFor, REPO, runCli } from './helpers.js';

/** What the site e2e suites publish with: the seed's knowledge base and author, no pacing. */
export const SITE_FLAGS = ['--kb', 'help-center', '--author', 'ada@acme.test', '--rate-limits', 'off'];

export interface FixtureSiteCopy {
  /** The emulator this suite publishes into (set before the first test). */
  readonly emu: RunningEmulator;
  /** The copy of the fixture site the CLI runs in. */
  readonly dir: string;
  /** Runs a pylon-kb command on the copy's content directory against the emulator. */
  run(command: string, extra?: string[]): Promise<CliRun>;
}

/**
 * For a describe block: a fresh emulator and a copy of `test/fixtures/sites/<name>` for the whole block,
 * closed and removed after it.
 */
export function fixtureSiteCopy(site: { name: string; contentDir: string }): FixtureSiteCopy {
  let emu: RunningEmulator | undefined;
  let dir: string | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('fixtureSiteCopy is used before its beforeAll ran');
    return value;
  };
  beforeAll(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), `pylon-kb-${site.name}-`));
    await cp(join(REPO, 'test', 'fixtures', 'sites', site.name), dir, { recursive: true });
  });
  afterAll(async () => {
    await emu?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get emu() {
      return ready(emu);
    },
    get dir() {
      return ready(dir);
    },
    run: (command, extra = []) =>
      runCli([command, '--content-dir', site.contentDir, ...extra], {
        env: envFor(ready(emu)),
        cwd: ready(dir),
      }),
  };
}
