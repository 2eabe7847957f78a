import type { DemoScenario } from './scenario'

/**
 * A scenario of `pulumi-perf-gate run` in Pulumi mode on the simulated program, `baseline`
 * against `candidate`; the command it prints leaves out the program's temporary copy and
 * the loopback release server, which every such run is given.
 */
export function pulumiRun(
  baseline: string,
  candidate: string,
  flags: string[],
  promise: Pick<DemoScenario, 'name' | 'headline' | 'status'>
): DemoScenario {
  const shown = flags.map(shellWord).join(' ')
  return {
    ...promise,
    command: `pulumi-perf-gate run --baseline-version ${baseline} --candidate-version ${candidate} ${shown} …`,
    run: (pulumi, resultsFile, stdout) =>
      pulumi.run({
        baseline,
        candidate,
        flags: [...flags, '--results-file', resultsFile],
        stdout
      })
  }
}

/** `flag` as bash reads it back: bare, quoted, or `$'…'` for a value of several lines. */
function shellWord(flag: string): string {
  if (/^[\w.,%/-]+$/.test(flag)) return flag
  return flag.includes('\n') ? `$'${flag.replaceAll('\n', '\\n')}'` : `'${flag}'`
}
