/**
 * The lines of printed text a GitHub runner would take for workflow commands, by its
 * own rules (actions/runner ActionCommand): after leading whitespace, `::`; or the
 * legacy `##[` anywhere in the line.
 */
export function runnerCommandLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter(line => line.trimStart().startsWith('::') || line.includes('##['))
}
