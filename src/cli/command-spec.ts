import { type FlagSpec, HELP_FLAG } from './flags.js';
import type { CliIO } from './io.js';

/** Parsed flag values by long name; a negatable flag given as `--no-x` is `false`. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  /** The command's entry in the table. */
  spec: CommandSpec;
  values: FlagValues;
  positionals: string[];
  io: CliIO;
}

/** What a command's handler module exports (loaded only when the command runs). */
export interface CommandModule {
  run(input: CommandInput): Promise<number>;
}

export interface FlagGroup {
  title: string;
  flags: FlagSpec[];
}

/**
 * One command as data: the dispatcher parses its flags, `--help` and `help <name>` render its help, and
 * `load` imports its handler only when it runs. Adding a command is one entry in `COMMANDS` plus one module.
 */
export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** What follows `pylon-kb <name>` in the usage line, e.g. `[plan.json] [options]`. */
  usage: string;
  /** Paragraphs shown under the usage line. */
  description: string;
  /** Positional arguments the command takes at most (default 0). */
  maxPositionals?: number;
  flags: FlagGroup[];
  /** Lines after the flags (environment variables, notes). */
  footer?: string;
  load(): Promise<CommandModule>;
}

export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** Every flag a command accepts, `--help` included. */
export function flagsOf(spec: CommandSpec): FlagSpec[] {
  return [...spec.flags.flatMap((group) => group.flags), HELP_FLAG];
}
