/**
 * Data as the indented JSON the command line prints. `##[` can only be inside a string,
 * where `\u005b` is the same `[` to every JSON reader but no legacy workflow command to
 * a runner reading the step's output (inertWorkflowCommands).
 */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2).replaceAll('##[', '##\\u005b')}\n`
}
