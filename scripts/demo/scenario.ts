/**
 * What `npm run demo` runs and promises: a list of scenarios, each a command line run
 * against the simulated Pulumi releases (scripts/simulated-pulumi.ts) with the headline
 * and exit status it shows every time (README "Quick start"). The demo checks its own
 * promises, and test/e2e/demo.test.ts runs the same scenarios through the same function.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { simulatedPulumi, type CliOutcome, type SimulatedPulumi } from '../simulated-pulumi'

export interface DemoScenario {
  /** A folder name for its results file and logs. */
  name: string
  /** The command line it stands for, printed before it runs. */
  command: string
  /** The first line of its report, every time. */
  headline: RegExp
  /** Its exit status, every time. */
  status: number
  /** Runs it, writing its results file to `resultsFile`. */
  run: (
    pulumi: SimulatedPulumi,
    resultsFile: string,
    stdout: 'inherit' | 'pipe'
  ) => Promise<CliOutcome>
}

export interface DemoOutcome extends CliOutcome {
  scenario: DemoScenario
  /** Its report's first line. */
  headline: string
  /** What it showed that it does not promise; empty when it kept its promise. */
  broken: string[]
}

/**
 * Runs the scenarios one after another on one set of simulated releases, each writing
 * its results under `resultsDir/<name>/`; `print` gets the demo's own lines. The
 * simulated CLIs are installed in `resultsDir/tool-cache`, so every path the command
 * line prints is still there after the demo.
 */
export async function runDemo(
  scenarios: DemoScenario[],
  options: { resultsDir: string; stdout: 'inherit' | 'pipe'; print: (line: string) => void }
): Promise<DemoOutcome[]> {
  const pulumi = await simulatedPulumi({ toolCache: join(options.resultsDir, 'tool-cache') })
  const outcomes: DemoOutcome[] = []
  try {
    for (const scenario of scenarios) {
      options.print(`\n$ ${scenario.command}\n`)
      const folder = join(options.resultsDir, scenario.name)
      mkdirSync(folder, { recursive: true })
      const started = performance.now()
      const outcome = await scenario.run(pulumi, join(folder, 'results.json'), options.stdout)
      const seconds = (performance.now() - started) / 1000
      options.print(`\nexit status ${outcome.status} after ${seconds.toFixed(1)} s`)
      outcomes.push(judge(scenario, outcome))
    }
  } finally {
    await pulumi.close()
  }
  return outcomes
}

function judge(scenario: DemoScenario, outcome: CliOutcome): DemoOutcome {
  const headline = outcome.stdout.split('\n', 1)[0] ?? ''
  const broken = [
    ...(scenario.headline.test(headline) ? [] : [`its headline is not ${scenario.headline}`]),
    ...(outcome.status === scenario.status ? [] : [`its exit status is not ${scenario.status}`])
  ]
  return { ...outcome, scenario, headline, broken }
}
