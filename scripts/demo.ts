/**
 * `npm run demo`: what pulumi-perf-gate says, offline, in under 30 s on 2 idle CPUs. The
 * shipped command line in Pulumi mode against simulated releases
 * (scripts/simulated-pulumi.ts) on fixtures/programs/provider-sleep-python: the seed's
 * fix, an improvement; a regression only destroy shows; a bisect that finds the release
 * that made `up` slower (README "Quick start").
 * Exits 1 if a scenario did not show what it promises.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bisect } from './demo/bisect'
import { runDemo, type DemoScenario } from './demo/scenario'
import { seed } from './demo/seed'
import { slowerDestroy } from './demo/slower-destroy'

const SCENARIOS: DemoScenario[] = [seed, slowerDestroy, bisect]

// Kept: the results files, logs and simulated CLIs are the demo's to show.
const resultsDir = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-demo-'))
const outcomes = await runDemo(SCENARIOS, { resultsDir, stdout: 'inherit', print: console.log })

console.log('\nIn short:')
for (const { headline, status, broken } of outcomes) {
  console.log(`  exit ${status}: ${headline}`)
  for (const problem of broken) console.log(`    NOT AS PROMISED: ${problem}`)
}
console.log(`\nThe results files, logs and simulated CLIs stay in ${resultsDir}`)
process.exitCode = outcomes.some(outcome => outcome.broken.length > 0) ? 1 : 0
