import { didYouMean } from '../diagnostics/did-you-mean.js';
import { VERSION } from '../version.js';
import { reportFailureToCi } from './ci-failure.js';
import { COMMANDS } from './command-list.js';
import { type CommandSpec, flagsOf } from './command-spec.js';
import { describeFailure, type OutputMode, outputMode, reportFailure } from './failure-output.js';
import { renderCommandHelp, renderMainHelp } from './help.js';
import type { CliIO } from './io.js';
import { parseFlags, UsageError } from './parse.js';
import { withSettingSource } from './setting-source.js';
import { terminalIO } from './terminal.js';

function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function unknownCommand(name: string, io: CliIO, mode: OutputMode): number {
  const guess = didYouMean(name, [...COMMANDS.map((c) => c.name), 'help']);
  const message = `unknown command "${name}".${guess ? ` Did you mean "${guess}"?` : ''}`;
  if (mode.json) return reportFailure(describeFailure(new UsageError(message)), io, mode);
  io.stderr.write(`error: ${message}\n\n${renderMainHelp(COMMANDS)}\n`);
  return mode.detailedExitCode ? 1 : 2;
}

/** `pylon-kb help [command]`: the same text as `<command> --help`. */
function help(args: string[], io: CliIO): number {
  const [name, ...rest] = args;
  if (name === undefined || (name === 'help' && rest.length === 0)) {
    io.stdout.write(`${renderMainHelp(COMMANDS)}\n`);
    return 0;
  }
  const spec = findCommand(name);
  if (!spec) return unknownCommand(name, io, outputMode([]));
  if (rest.length > 0) {
    io.stderr.write(`error: help takes one command name (got "${args.join(' ')}").\n`);
    return 2;
  }
  io.stdout.write(`${renderCommandHelp(spec)}\n`);
  return 0;
}

/** Parses the command line against the command's table entry, then loads and runs its handler. */
export async function runCommand(spec: CommandSpec, args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, flagsOf(spec), spec.name);
  if (values.help === true) {
    io.stdout.write(`${renderCommandHelp(spec)}\n`);
    return 0;
  }
  const max = spec.maxPositionals ?? 0;
  if (positionals.length > max) {
    const extra = positionals.slice(max).join(' ');
    throw new UsageError(
      max === 0
        ? `${spec.name} takes no arguments (got "${extra}"). Run 'pylon-kb help ${spec.name}' for its flags.`
        : `${spec.name} takes at most ${max} argument${max > 1 ? 's' : ''} (also got "${extra}").`,
    );
  }
  const handler = await spec.load();
  return handler.run({ spec, values, positionals, io });
}

/**
 * The CLI, with argv and the outside world as parameters so it runs in-process in tests. Everything it
 * prints goes through the terminal module's escaping.
 */
export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  const io = terminalIO(rawIO);
  const [name, ...args] = argv;
  const mode = outputMode(args);
  if (!name || name === '--help' || name === '-h') {
    io.stdout.write(`${renderMainHelp(COMMANDS)}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`pylon-kb ${VERSION}\n`);
    return 0;
  }
  if (name === 'help') return help(args, io);
  const spec = findCommand(name);
  if (!spec) return unknownCommand(name, io, mode);
  try {
    return await runCommand(spec, args, io);
  } catch (error) {
    const failure = withSettingSource(describeFailure(error), args, io.env);
    // Reporting to CI must not hide the failure itself.
    await reportFailureToCi(failure, args, io).catch(() => undefined);
    return reportFailure(failure, io, mode);
  }
}
