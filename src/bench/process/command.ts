import type { Step, ShellSetting, StopPolicy } from '../types'
import { InputError } from '../../core/errors/errors'
import { childEnv } from './child-env'
import { splitWords } from './words'

/** A Step turned into what `spawn` needs, decided once before anything runs. */
export interface ResolvedStep {
  file: string
  args: string[]
  /** Full environment: ours without the action's secrets, plus the step's own. */
  env: NodeJS.ProcessEnv
  cwd: string | undefined
  /** Runs through a shell, so the shell's own start-up time is subtracted. */
  throughShell: boolean
  /** Short text naming the command in logs and messages. */
  text: string
  stop: StopPolicy | undefined
  tag: string | undefined
}

const TEXT_LIMIT = 80

/**
 * Decides how a Step is spawned: `shell` commands through `<shell> -c script` or,
 * with `shell: none`, split into words; `argv` commands as given. Throws
 * InputError for a command that cannot be run at all, so that happens before any
 * sample.
 */
export function resolveStep(step: Step, shell: ShellSetting): ResolvedStep {
  const { command } = step
  const common = {
    env: childEnv(process.env, step.env),
    cwd: step.cwd,
    stop: step.stop,
    tag: step.tag
  }
  if (command.kind === 'argv') {
    return {
      ...common,
      file: command.file,
      args: command.args,
      throughShell: false,
      text: shorten([command.file, ...command.args].join(' '))
    }
  }
  const text = shorten(command.script)
  if (shell.kind === 'shell') {
    return { ...common, file: shell.path, args: ['-c', command.script], throughShell: true, text }
  }
  const [file, ...args] = splitWords(command.script)
  if (file === undefined)
    throw new InputError('a command is empty; with shell: none it needs words')
  return { ...common, file, args, throughShell: false, text }
}

/** First line of a command, cut to a length that fits in a message. */
function shorten(text: string): string {
  const lines = text.trim().split('\n')
  const first = lines[0] ?? ''
  const cut = first.length > TEXT_LIMIT ? `${first.slice(0, TEXT_LIMIT - 1)}…` : first
  return lines.length > 1 && cut === first ? `${first} …` : cut
}
