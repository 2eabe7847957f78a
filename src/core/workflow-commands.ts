/**
 * Text printed where a GitHub runner reads workflow commands (a step's stdout and
 * stderr) made inert. The runner takes a line for a command when, without its leading
 * whitespace, it starts with `::` (`::error title=x::`, `::add-mask::`,
 * `::stop-commands::`), and in the legacy form `##[command]` anywhere in the line
 * (actions/runner, ActionCommand.TryParseV2 and TryParse). A name from a results file,
 * a command's log line or an error message must never be one: a zero-width space goes
 * between the two colons and between `##` and `[`. It shows nothing and changes no
 * visible text; it is only ever added to text that would have been a command.
 */
const ZERO_WIDTH_SPACE = '\u200b'

export function inertWorkflowCommands(text: string): string {
  return text
    .split('\n')
    .map(line => {
      const safe = line.replaceAll('##[', `##${ZERO_WIDTH_SPACE}[`)
      const start = safe.length - safe.trimStart().length
      return safe.startsWith('::', start)
        ? `${safe.slice(0, start)}:${ZERO_WIDTH_SPACE}${safe.slice(start + 1)}`
        : safe
    })
    .join('\n')
}
