import { COMMANDS } from '../command-list.js';
import type { CommandInput } from '../command-spec.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { UsageError } from '../parse.js';

/** `pylon-kb completion <shell>`: prints a completion script made from the command table. */
export async function run(input: CommandInput): Promise<number> {
  const shell = input.positionals[0];
  if (!SHELLS.includes(shell as Shell))
    throw new UsageError(
      `completion needs a shell: one of ${SHELLS.join(', ')} (got ${shell ? `"${shell}"` : 'none'}).`,
    );
  input.io.stdout.write(completionScript(shell as Shell, COMMANDS));
  return 0;
}
