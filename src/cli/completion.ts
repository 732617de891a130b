import { type CommandSpec, flagsOf } from './command-spec.js';
import type { FlagSpec } from './flags.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The words a flag can be typed as: --name, --no-name (negatable), -s. */
function flagWords(flag: FlagSpec): string[] {
  return [
    `--${flag.name}`,
    ...(flag.negatable ? [`--no-${flag.name}`] : []),
    ...(flag.short ? [`-${flag.short}`] : []),
  ];
}

const commandNames = (commands: readonly CommandSpec[]) => [...commands.map((c) => c.name), 'help'];

function bash(commands: readonly CommandSpec[]): string {
  const cases = commands.map((c) => `    ${c.name}) words="${flagsOf(c).flatMap(flagWords).join(' ')}" ;;`);
  return `# pylon-kb completion for bash: source this file, or: eval "$(pylon-kb completion bash)"
_pylon_kb() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commandNames(commands).join(' ')}" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
    help) words="${commandNames(commands).join(' ')}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _pylon_kb pylon-kb
`;
}

function zsh(commands: readonly CommandSpec[]): string {
  const cases = commands.map((c) => `    ${c.name}) opts=(${flagsOf(c).flatMap(flagWords).join(' ')}) ;;`);
  return `#compdef pylon-kb
# pylon-kb completion for zsh (after compinit): source <(pylon-kb completion zsh)
_pylon_kb() {
  local -a opts
  if (( CURRENT == 2 )); then
    compadd -- ${commandNames(commands).join(' ')}
    return
  fi
  case "\${words[2]}" in
${cases.join('\n')}
    help) opts=(${commandNames(commands).join(' ')}) ;;
  esac
  if [[ "$PREFIX" == -* || "\${words[2]}" == help ]]; then
    compadd -- "\${opts[@]}"
  else
    _files
  fi
}
compdef _pylon_kb pylon-kb
`;
}

/** A description as a fish single-quoted string. */
const fishQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(commands: readonly CommandSpec[]): string {
  const lines = ['# pylon-kb completion for fish: pylon-kb completion fish | source'];
  lines.push(
    `complete -c pylon-kb -n __fish_use_subcommand -f -a help -d ${fishQuote("show a command's help")}`,
  );
  for (const c of commands) {
    lines.push(`complete -c pylon-kb -n __fish_use_subcommand -f -a ${c.name} -d ${fishQuote(c.summary)}`);
    lines.push(`complete -c pylon-kb -n '__fish_seen_subcommand_from help' -f -a ${c.name}`);
    for (const flag of flagsOf(c)) {
      const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
      const short = flag.short ? ` -s ${flag.short}` : '';
      const takes = flag.type === 'string' ? ' -r' : '';
      lines.push(
        `complete -c pylon-kb ${when} -l ${flag.name}${short}${takes} -d ${fishQuote(flag.description)}`,
      );
      if (flag.negatable) lines.push(`complete -c pylon-kb ${when} -l no-${flag.name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, commands: readonly CommandSpec[]): string {
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  return fish(commands);
}
