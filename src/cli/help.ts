import { CONFIG_FLAG_KEYS } from '../config/flag-keys.js';
import { type CommandSpec, type FlagGroup, flagsOf } from './command-spec.js';
import { type FlagSpec, HELP_FLAG } from './flags.js';

const EXIT_CODES =
  'Exit codes: 0 success, 1 an operation or request failed, 2 invalid config, usage or content (nothing written).';

/** `pylon-kb --help`: the command list, from the table. */
export function renderMainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help'.length) + 3;
  const lines = [
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}show a command's help: pylon-kb help <command>`,
  ];
  return `pylon-kb: publish a Markdown docs tree into a Pylon knowledge base and keep the two in sync.

Usage: pylon-kb <command> [options]

Commands:
${lines.join('\n')}

Run 'pylon-kb <command> --help' (or 'pylon-kb help <command>') for a command's options.
'pylon-kb --version' (or -v) prints the version.
${EXIT_CODES}`;
}

function flagLabel(flag: FlagSpec): string {
  const long = `--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
  const both = flag.negatable ? `${long}, --no-${flag.name}` : long;
  return flag.short ? `-${flag.short}, ${both}` : `    ${both}`;
}

function flagText(flag: FlagSpec): string {
  const notes = [
    ...(flag.default !== undefined ? [`default ${flag.default}`] : []),
    ...(flag.config ? [`config ${CONFIG_FLAG_KEYS[flag.config]}`] : []),
  ];
  return notes.length > 0 ? `${flag.description} (${notes.join('; ')})` : flag.description;
}

function renderGroup(group: FlagGroup, width: number): string {
  const rows = group.flags.map((f) => `  ${flagLabel(f).padEnd(width)} ${flagText(f)}`);
  return `${group.title}:\n${rows.join('\n')}`;
}

/** `pylon-kb <command> --help` and `pylon-kb help <command>`: usage, description, and only its flags. */
export function renderCommandHelp(spec: CommandSpec): string {
  const width = Math.max(...flagsOf(spec).map((f) => flagLabel(f).length));
  const groups = spec.flags.map((group, i) =>
    renderGroup(
      i === spec.flags.length - 1 ? { ...group, flags: [...group.flags, HELP_FLAG] } : group,
      width,
    ),
  );
  return [
    `Usage: pylon-kb ${spec.name} ${spec.usage}`,
    spec.description,
    ...groups,
    ...(spec.footer ? [spec.footer] : []),
  ].join('\n\n');
}
