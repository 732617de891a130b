import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-list.js';
import { flagsOf } from '../../src/cli/command-spec.js';
import { renderCommandHelp } from '../../src/cli/help.js';
import type { CliIO } from '../../src/cli/io.js';
import { runCommand } from '../../src/cli/main.js';
import { parseFlags } from '../../src/cli/parse.js';
import { CONFIG_FLAG_KEYS } from '../../src/config/flag-keys.js';
import { REPO, runCli } from '../e2e/helpers.js';

const silent: CliIO = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: REPO };

describe('the command table', () => {
  it('renders each command’s help from its entry; help <cmd> prints exactly what <cmd> --help does', async () => {
    for (const spec of COMMANDS) {
      const viaFlag = await runCli([spec.name, '--help'], { cwd: REPO });
      const viaHelp = await runCli(['help', spec.name], { cwd: REPO });
      expect(viaFlag.code, spec.name).toBe(0);
      expect(viaHelp).toEqual(viaFlag);
      expect(viaFlag.stdout).toBe(`${renderCommandHelp(spec)}\n`);
      expect(viaFlag.stdout).toContain(`Usage: pylon-kb ${spec.name} ${spec.usage}`);
      for (const flag of flagsOf(spec))
        expect(viaFlag.stdout, `${spec.name} --${flag.name}`).toContain(`--${flag.name}`);
    }
  });

  it('lists only the flags a command takes', async () => {
    const check = (await runCli(['check', '--help'], { cwd: REPO })).stdout;
    expect(check).toContain('--content-dir <dir>');
    // The target flags of `check --remote` (authors are org-wide: no knowledge base).
    expect(check).toMatch(/--remote +also resolve authors/);
    expect(check).toContain('--target <kind>');
    // It keeps the render cache plan and apply keep.
    expect(check).toContain('--no-cache');
    for (const absent of ['--force', '--kb', '--format', '--rate-limits'])
      expect(check).not.toContain(absent);
    const apply = (await runCli(['apply', '--help'], { cwd: REPO })).stdout;
    expect(apply).toContain('results format: text | json');
    expect(apply).toContain('--detailed-exitcode');
    expect(apply).not.toContain('--refresh-interval');
  });

  it('names the config key of each config flag in help', async () => {
    const plan = (await runCli(['plan', '--help'], { cwd: REPO })).stdout;
    expect(plan).toMatch(/--kb <id\|slug> +knowledge base \(config knowledgeBase\)/);
    expect(plan).toMatch(/--on-drift <policy> .*\(config onDrift\)/);
    const watch = (await runCli(['watch', '--help'], { cwd: REPO })).stdout;
    expect(watch).toMatch(/--debounce <ms> .*\(default 150; config watch\.debounceMs\)/);
    for (const spec of COMMANDS)
      for (const flag of flagsOf(spec)) if (flag.config) expect(CONFIG_FLAG_KEYS[flag.config]).toBeTruthy();
  });

  it('lists every command in the main help, and help for help', async () => {
    const main = await runCli(['--help'], { cwd: REPO });
    const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 3;
    for (const spec of COMMANDS) expect(main.stdout).toContain(`  ${spec.name.padEnd(width)}${spec.summary}`);
    expect(main.stdout).toContain(`  ${'help'.padEnd(width)}show a command`);
    expect((await runCli(['help'], { cwd: REPO })).stdout).toBe(main.stdout);
    expect((await runCli(['help', 'help'], { cwd: REPO })).stdout).toBe(main.stdout);
  });

  it('refuses a flag the command does not take (exit 2), with the closest one it does', async () => {
    const force = await runCli(['check', '--force'], { cwd: REPO });
    expect(force.code).toBe(2);
    expect(force.stderr).toContain(
      "error: check does not take --force. Run 'pylon-kb help check' for its flags.",
    );
    const typo = await runCli(['plan', '--detailed-exitcod'], { cwd: REPO });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('plan does not take --detailed-exitcod. Did you mean --detailed-exitcode?');
    const negated = await runCli(['plan', '--no-publsh'], { cwd: REPO });
    expect(negated.stderr).toContain('Did you mean --no-publish?');
  });

  it('refuses a value a flag does not take: apply --format html', async () => {
    const run = await runCli(['apply', '--format', 'html'], { cwd: REPO });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --format must be one of text, json (got "html").');
    const close = await runCli(['plan', '--format', 'markdwn'], { cwd: REPO });
    expect(close.stderr).toContain('Did you mean markdown?');
  });

  it('refuses a port that is not a whole number from 0 to 65535: preview --port', async () => {
    for (const port of ['1.5', '70000', '-1', 'soon']) {
      const run = await runCli(['preview', 'docs/a.md', `--port=${port}`], { cwd: REPO });
      expect(run.code, port).toBe(2);
      expect(run.stderr).toContain(`--port must be a whole number from 0 to 65535 (got "${port}")`);
    }
  });

  it('validates --on-drift and --debounce in the config layers, naming flag and key', async () => {
    const drift = await runCli(['plan', '--on-drift', 'sometimes'], { cwd: REPO });
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain(
      '--on-drift (onDrift) must be one of "fail", "skip", "overwrite" (got "sometimes")',
    );
    const debounce = await runCli(['watch', '--debounce', '-5'], { cwd: REPO });
    expect(debounce.code).toBe(2);
    const late = await runCli(['watch', '--debounce=99999'], { cwd: REPO });
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--debounce (watch.debounceMs)');
  });

  it('suggests the command meant, and refuses stray arguments', async () => {
    const typo = await runCli(['aply'], { cwd: REPO });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error: unknown command "aply". Did you mean "apply"?');
    expect((await runCli(['help', 'wach'], { cwd: REPO })).stderr).toContain('Did you mean "watch"?');
    const stray = await runCli(['plan', 'now'], { cwd: REPO });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('plan takes no arguments (got "now")');
    const two = await runCli(['apply', 'a.json', 'b.json'], { cwd: REPO });
    expect(two.stderr).toContain('apply takes at most 1 argument (also got "b.json")');
  });

  it('loads a handler only to run it: --help of a command whose handler cannot load still works', async () => {
    const spec = {
      ...(COMMANDS[0] as (typeof COMMANDS)[number]),
      load: () => Promise.reject(new Error('handler loaded')),
    };
    expect(await runCommand(spec, ['--help'], silent)).toBe(0);
    await expect(runCommand(spec, [], silent)).rejects.toThrow('handler loaded');
  });
});

describe('the flag parser', () => {
  const flags = flagsOf(COMMANDS.find((c) => c.name === 'emulator') as (typeof COMMANDS)[number]);

  it('takes --name value, --name=value, short flags, repeats and --', () => {
    const parsed = parseFlags(
      [
        '--port=0',
        '--host',
        '::1',
        '--rate-limit',
        'createArticle=5',
        '--rate-limit=listArticles=9',
        '-h',
        '--',
        '-x',
      ],
      flags,
      'emulator',
    );
    expect(parsed.values).toEqual({
      port: '0',
      host: '::1',
      'rate-limit': ['createArticle=5', 'listArticles=9'],
      help: true,
    });
    expect(parsed.positionals).toEqual(['-x']);
  });

  it('says what is wrong: a missing value, a value on a boolean', () => {
    expect(() => parseFlags(['--port'], flags, 'emulator')).toThrow('--port needs a value <n>.');
    expect(() => parseFlags(['--html-normalizer=yes'], flags, 'emulator')).toThrow(
      '--html-normalizer takes no value (got "yes").',
    );
  });
});
