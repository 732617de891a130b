import { KnowledgeBaseNotFoundError } from '../remote/snapshot.js';
import { VERSION } from '../version.js';
import { UsageError } from './args.js';
import { applyCommand } from './commands/apply.js';
import { checkCommand } from './commands/check.js';
import { mcpCommand } from './commands/mcp.js';
import { planCommand } from './commands/plan.js';
import { startCommand } from './commands/start.js';
import { watchCommand } from './commands/watch.js';
import { runEmulatorCommand } from './emulator-command.js';
import { describeDiagnostics, InputError } from './failures.js';
import { HELP } from './help.js';
import type { CliIO } from './io.js';

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  plan: planCommand,
  apply: applyCommand,
  check: checkCommand,
  start: startCommand,
  emulator: runEmulatorCommand,
  watch: watchCommand,
  mcp: mcpCommand,
};

/** Input problems exit 2 (nothing written); anything else that stops a run exits 1. */
function report(error: unknown, io: CliIO): number {
  if (error instanceof InputError) {
    if (error.diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(error.diagnostics)}\n`);
    io.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError || error instanceof KnowledgeBaseNotFoundError) {
    io.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if ((error as { code?: string }).code === 'content/missing-dir') {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** The CLI, with argv and the outside world as parameters so it runs in-process in tests. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${HELP.main}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`pylon-kb ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`error: unknown command "${name}".\n\n${HELP.main}\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    return report(error, io);
  }
}
