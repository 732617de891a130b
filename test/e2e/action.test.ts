import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, REPO, workspace, writeCount } from './helpers.js';

const run = promisify(execFile);

interface ActionStep {
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
const action = parse(await readFile(join(REPO, 'action.yml'), 'utf8')) as {
  runs: { steps: ActionStep[] };
  outputs: Record<string, unknown>;
};
const runStep = action.runs.steps.find((s) => s.id === 'run') as ActionStep;

/** The action's main step, run by bash as the runner would, with its inputs as environment variables. */
async function runAction(
  dir: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; outputs: Record<string, string> }> {
  const temp = join(dir, 'runner-temp');
  await mkdir(temp, { recursive: true });
  const outputFile = join(temp, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(outputFile, '');
  const script = runStep.run as string;
  let code = 0;
  let stdout = '';
  try {
    ({ stdout } = await run('bash', ['-c', script], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        GITHUB_ACTION_PATH: REPO,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: temp,
        PYLON_KB_COMMAND: inputs.command ?? 'plan',
        PYLON_KB_CONFIG: '',
        PYLON_KB_CONTENT_DIR: inputs['content-dir'] ?? 'docs',
        PYLON_KB_ARGS: inputs.args ?? '',
        PYLON_KB_CACHE: 'true',
        ...env,
      },
    }));
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    code = failed.code ?? -1;
    stdout = failed.stdout ?? '';
  }
  const outputs = Object.fromEntries(
    (await readFile(outputFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, stdout, outputs };
}

describe('the GitHub Action', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const ARGS = '--kb help-center --author ada@acme.test --rate-limits off';
  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });
  const env = () => ({ PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token });

  it("runs pylon-kb from the action's own checkout, never by name from the registry", () => {
    const text = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(text).not.toMatch(/\bnpx\b/);
    expect(text).toContain('"$GITHUB_ACTION_PATH/bin/pylon-kb.mjs"');
    expect(text).toContain('npm ci');
    const caches = action.runs.steps.filter((s) => s.uses?.startsWith('actions/cache@'));
    expect(caches.map((c) => c.with?.path)).toEqual([
      expect.stringContaining('node_modules'),
      expect.stringContaining('.pylon-kb'),
    ]);
    expect(caches[1]?.with?.key).toContain('steps.version.outputs.version');
    expect(Object.keys(action.outputs)).toEqual(
      expect.arrayContaining(['changes', 'plan-file', 'summary-file', 'results']),
    );
  });

  it.each([
    ['the secret is missing', { args: ARGS }, { PYLON_API_TOKEN: '' }],
    ['the KB slug is wrong', { args: '--kb help-centre --author ada@acme.test' }, {}],
    ['the docs path is wrong', { args: ARGS, 'content-dir': 'doc' }, {}],
    ['a flag is misspelt', { args: `${ARGS} --on-drfit skip` }, {}],
  ])('plan fails the step when %s (no "changes" output, no write)', async (_name, inputs, extraEnv) => {
    const before = writeCount(emu);
    const result = await runAction(ws.dir, inputs, { ...env(), ...extraEnv });
    expect(result.code).toBe(1);
    expect(result.outputs.changes).toBeUndefined();
    expect(writeCount(emu)).toBe(before);
  });

  it('plan → changes, plan file and a comment-sized summary; apply → results; plan again → no changes', async () => {
    const planned = await runAction(ws.dir, { args: ARGS }, env());
    expect(planned.code).toBe(0);
    expect(planned.outputs.changes).toBe('true');
    const plan = JSON.parse(await readFile(planned.outputs['plan-file'] as string, 'utf8'));
    expect(plan.version).toBe(1);
    const comment = await readFile(planned.outputs['summary-file'] as string, 'utf8');
    expect(comment.startsWith('<!-- pylon-kb plan -->\n')).toBe(true);
    expect(comment.length).toBeLessThanOrEqual(65_536);
    const applied = await runAction(ws.dir, { command: 'apply', args: ARGS }, env());
    expect(applied.code).toBe(0);
    const results = JSON.parse(await readFile(applied.outputs.results as string, 'utf8'));
    expect(results.results.length).toBe(
      plan.operations.filter((o: { kind: string }) => o.kind !== 'orphan').length,
    );
    const again = await runAction(ws.dir, { args: ARGS }, env());
    expect(again.outputs.changes).toBe('false');
  });
});
