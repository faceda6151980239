// Shell completion. Each script is a thin shim that asks `pa __complete <words so far>` for the
// candidates, so completion always matches the installed pa (and so the spec it was built from):
// commands and aliases, flags, and a flag's allowed values.
import type { Command, Option } from 'commander';

const visible = (command: Command) => command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
const flagsOf = (command: Command): Option[] => {
  const own = command.options as Option[];
  let parent = command.parent;
  const inherited: Option[] = [];
  while (parent) {
    inherited.push(...(parent.options as Option[]));
    parent = parent.parent;
  }
  return [...own, ...inherited];
};

/** The candidates for the last word of `words` (which may be empty, meaning a new word). */
export function complete(program: Command, words: string[]): string[] {
  const current = words.at(-1) ?? '';
  let command = program;
  for (const word of words.slice(0, -1)) {
    const next = visible(command).find((c) => c.name() === word || c.aliases().includes(word));
    if (next) command = next;
  }
  const previous = words.at(-2);
  const option = previous?.startsWith('--') ? flagsOf(command).find((o) => o.long === previous) : undefined;
  if (option && option.required) return (option.argChoices ?? valuesFromHelp(option)).filter((v) => v.startsWith(current));
  if (current.startsWith('-')) return flagsOf(command).map((o) => o.long!).filter((long) => long?.startsWith(current));
  return visible(command)
    .flatMap((c) => [c.name(), ...c.aliases()])
    .filter((name) => name.startsWith(current));
}

/** Allowed values listed in a flag's help ("Allowed: A, B, C."), for flags checked case-insensitively. */
function valuesFromHelp(option: Option): string[] {
  const match = /Allowed: ([^.]+)\./.exec(option.description);
  return match ? match[1]!.replace(/ \(case is ignored\)/, '').split(', ') : [];
}

export function completionScript(shell: string): string {
  if (shell === 'bash') {
    return `# pa completion for bash: add to ~/.bashrc:  source <(pa completion bash)
_pa_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(pa __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _pa_complete pa
`;
  }
  if (shell === 'zsh') {
    return `#compdef pa
# pa completion for zsh: add to ~/.zshrc:  source <(pa completion zsh)
_pa() {
  local -a candidates
  candidates=("\${(@f)$(pa __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -- "\${candidates[@]}"
}
compdef _pa pa
`;
  }
  return `# pa completion for PowerShell: add to $PROFILE:  pa completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName pa -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -eq '') { $words += '' }
  & pa __complete @words 2>$null | Where-Object { $_ -ne '' } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}
