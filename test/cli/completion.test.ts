import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-list.js';
import { flagsOf } from '../../src/cli/command-spec.js';
import { completionScript, SHELLS } from '../../src/cli/completion.js';
import { REPO, runCli } from '../e2e/helpers.js';

describe('completion scripts', () => {
  it('name every command of the table and every flag of each, in each shell', () => {
    for (const shell of SHELLS) {
      const script = completionScript(shell, COMMANDS);
      for (const spec of COMMANDS) {
        expect(script, `${shell} ${spec.name}`).toMatch(new RegExp(`\\b${spec.name}\\b`));
        for (const flag of flagsOf(spec)) {
          const typed = shell === 'fish' ? `-l ${flag.name}` : `--${flag.name}`;
          expect(script, `${shell} ${spec.name} --${flag.name}`).toContain(typed);
          if (flag.negatable)
            expect(script).toContain(shell === 'fish' ? `-l no-${flag.name}` : `--no-${flag.name}`);
        }
      }
    }
  });

  it('bash: completes commands, then the flags of the command typed', () => {
    const script = completionScript('bash', COMMANDS);
    const complete = (words: string[]) =>
      execFileSync('bash', [
        '-c',
        `${script}\nCOMP_WORDS=(${words.join(' ')}); COMP_CWORD=${words.length - 1}; _pylon_kb; echo "\${COMPREPLY[*]}"`,
      ])
        .toString()
        .trim();
    expect(complete(['pylon-kb', 'pl'])).toBe('plan');
    expect(complete(['pylon-kb', 'pull', '--dr'])).toBe('--dry-run --drifted');
    expect(complete(['pylon-kb', 'check', '--fo'])).toBe('');
  });

  it('pylon-kb completion <shell> prints the script; no shell or another one is a usage error', async () => {
    const run = await runCli(['completion', 'fish'], { cwd: REPO });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(completionScript('fish', COMMANDS));
    const none = await runCli(['completion'], { cwd: REPO });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('completion needs a shell: one of bash, zsh, fish');
    expect((await runCli(['completion', 'tcsh'], { cwd: REPO })).code).toBe(2);
  });
});
