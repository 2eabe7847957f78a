/**
 * `npm run bench:cancel`: how long the ways a Pulumi-mode run ends early take, played
 * against the bundle with the simulated Pulumi (creates of 1.5 s, interrupted while 20
 * or 30 are in flight): the runner's cancellation, SIGKILL of the main step, a destroy
 * that fails, the command line's SIGINT and SIGTERM mid-up, and its SIGINT mid-refresh
 * and mid-destroy of a run timing every phase. Prints, per scenario, the
 * time from the signal to the step's exit and from the post step's start (the signal,
 * for the command line) to an empty backend. `--verbose` also prints the steps' output.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionHarness, workflowCommands, type StepResult } from '../test/helpers/action-runner'
import {
  failingDestroyInputs,
  interruptedCli,
  interruptedJob,
  leftovers,
  makeScratch,
  runPost
} from '../test/helpers/cancel-scenarios'
import { buildReleases, serveReleases } from '../test/helpers/pulumi-releases'

const verbose = process.argv.includes('--verbose')
const work = mkdtempSync(join(tmpdir(), 'ppg-bench-cancel-'))
await buildReleases(join(work, 'releases'))
const releases = await serveReleases(join(work, 'releases'))
const harness = await ActionHarness.start('ghs_benchCancelToken0123456789abcdefABCD')

const seconds = (ms: number | undefined) =>
  ms === undefined ? 'never' : `${(ms / 1000).toFixed(2)} s`
const rows: string[][] = []
const show = (name: string, step: StepResult) => {
  if (!verbose) return
  console.log(`\n--- ${name}: exit ${step.exitCode ?? step.signal}\n${step.stdout}${step.stderr}`)
}
const left = (backendDir: string) => {
  const { stacks, cloud } = leftovers(backendDir)
  return `${stacks.length} stacks, ${cloud.length} resources`
}

try {
  for (const how of ['cancel', 'kill', 'kill-tree'] as const) {
    const scratch = makeScratch(work)
    const run = await interruptedJob(harness, releases.url, scratch, how)
    show(`${how}: main`, run.main)
    show(`${how}: post`, run.post.result)
    const signals =
      run.signals?.join(' → ') ?? (how === 'kill' ? 'SIGKILL (pid)' : 'SIGKILL (tree)')
    rows.push([
      `action, ${how === 'cancel' ? 'cancel mid-up' : how === 'kill' ? 'SIGKILL of the main step mid-up' : 'SIGKILL of main step and pulumi mid-up'}`,
      signals,
      run.mainExitMs === undefined ? 'killed' : seconds(run.mainExitMs),
      `${seconds(run.post.emptyMs)} (post step: ${seconds(run.post.durationMs)}, exit ${run.post.result.exitCode})`,
      left(scratch.backendDir)
    ])
  }

  {
    const scratch = makeScratch(work)
    const job = harness.job(failingDestroyInputs(scratch, releases.url))
    const start = performance.now()
    const main = await job.run('index')
    const mainMs = performance.now() - start
    const post = await runPost(job, main.state, scratch.backendDir)
    show('failing destroy: main', main)
    show('failing destroy: post', post.result)
    rows.push([
      'action, destroy fails in the last sample',
      'none',
      `whole run ${seconds(mainMs)} (exit ${main.exitCode}, ${workflowCommands(main.stdout, 'error').length} error)`,
      `kept by design (post step: ${seconds(post.durationMs)}, exit ${post.result.exitCode})`,
      left(scratch.backendDir)
    ])
  }

  const cliRuns = [
    ['SIGINT', 'up'],
    ['SIGTERM', 'up'],
    ['SIGINT', 'refresh'],
    ['SIGINT', 'destroy']
  ] as const
  for (const [signal, during] of cliRuns) {
    const scratch = makeScratch(work)
    const run = await interruptedCli(releases.url, scratch, signal, { during })
    if (verbose) console.log(`\n--- command line, ${signal}: exit ${run.code}\n${run.stderr}`)
    rows.push([
      `command line, ${signal} mid-${during}`,
      signal,
      `${seconds(run.exitMs)} (exit ${run.code})`,
      `${seconds(run.emptyMs)} after the signal (no post step)`,
      left(scratch.backendDir)
    ])
  }
} finally {
  await harness.close()
  await releases.close()
  rmSync(work, { recursive: true, force: true })
}

const header = [
  'scenario',
  'signals sent',
  'signal → step exit',
  'post start → empty backend',
  'left'
]
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map(row => row[column]!.length))
)
const line = (cells: string[]) =>
  `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`
console.log(`\n${line(header)}\n| ${widths.map(width => '-'.repeat(width)).join(' | ')} |`)
for (const row of rows) console.log(line(row))
