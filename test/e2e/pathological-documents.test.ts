import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  delimiterRuns,
  entities,
  entityLines,
  nestedDetails,
  nestedQuotes,
} from '../markdown/pathological.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace, writeText } from './helpers.js';

const page = (title: string, body = `Some text about ${title}.`) => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** Pathological pages cost bounded work: nesting past the limits is held back, the rest of the tree publishes. */
describe('pathological documents over HTTP', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const put = (path: string, text: string) => writeText(join(ws.docs, path), text);

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await put('intro.md', page('Intro'));
    await put('guides/setup.md', page('Setup'));
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('holds back pages nested thousands deep with file and line, publishes the rest and the emphasis-heavy page', async () => {
    await put('guides/details.md', page('Details', `Intro.\n\n${nestedDetails(5000, '\n\n')}`));
    await put('guides/quotes.md', page('Quotes', `Intro.\n\n${nestedQuotes(5000)}`));
    await put('guides/runs.md', page('Runs', delimiterRuns('_*', 20_000)));
    const run = await cli('apply');
    expect(run.code, run.stderr).toBe(2);
    expect([...managedByKey(emu).keys()].sort()).toEqual(['guides/runs', 'guides/setup', 'intro']);
    // Each <details> its own paragraph: only the rendered tree shows how deep they nest.
    expect(run.stderr).toContain('guides/details.md:7 error [markdown/too-deep]');
    expect(run.stderr).toContain('guides/quotes.md:7 error');
    expect(run.stderr).toContain('guides/runs.md:5');
    expect(run.stderr).toContain('markdown/emphasis-as-text');
    expect(run.stderr).toMatch(/2 documents were held back \(not written\)/);
  });

  it('holds back a page of 300,000 character references at its line, publishes one of 20,000', async () => {
    await put('guides/entities.md', page('Entities', `Intro.\n\n${entities(300_000)}`));
    await put('guides/symbols.md', page('Symbols', entityLines(20, 1000)));
    const run = await cli('apply');
    expect(run.code, run.stderr).toBe(2);
    expect([...managedByKey(emu).keys()].sort()).toEqual(['guides/setup', 'guides/symbols', 'intro']);
    expect(run.stderr).toContain('guides/entities.md:7 error [markdown/too-many-references]');
    expect(run.stderr).toMatch(/1 document was held back \(not written\)/);
  });

  it('names the config file and its reason when its default export rejects', async () => {
    const config = join(ws.dir, 'pylon-kb.config.mjs');
    await writeFile(config, 'export default Promise.reject(new Error("nope"));\n');
    const run = await cli('plan');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The default export of ${config} is a promise that was rejected: nope.`);
  });
});
