// Compares our measurement engine with hyperfine on the same commands, and
// measures what our runner adds per sample. A benchmark, not a test: it prints
// figures. Usage: node scripts/bench-hyperfine.mjs [runs] [rounds]
// (needs hyperfine on PATH). Each case runs in rounds that alternate which tool
// goes first, so a change in the machine's load hits both tools alike.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledRunBenchmark } from './bundled-engine.mjs'

const runs = Number(process.argv[2] ?? 40)
const rounds = Number(process.argv[3] ?? 4)
const warmup = 3
const work = mkdtempSync(join(tmpdir(), 'perf-gate-bench-'))

if (spawnSync('hyperfine', ['--version']).error) {
  console.error('hyperfine is not on PATH (Debian/Ubuntu: apt-get install hyperfine)')
  process.exit(1)
}

const runBenchmark = await bundledRunBenchmark(work)

const cpuLoop = `i=0; while [ $i -lt ${loopCountFor(0.02)} ]; do i=$((i+1)); done`
const cases = [
  { name: 'true', script: 'true', shell: 'bash' },
  { name: 'true', script: 'true', shell: 'none' },
  { name: 'sleep 0.1', script: 'sleep 0.1', shell: 'bash' },
  { name: 'sleep 0.1', script: 'sleep 0.1', shell: 'none' },
  { name: '20 ms CPU loop', script: cpuLoop, shell: 'bash' },
  { name: '20 ms CPU loop', script: `bash -c '${cpuLoop}'`, shell: 'none' }
]

console.log(`${rounds} rounds of ${runs} runs and ${warmup} warmup runs per tool; times in ms\n`)
console.log(row(['case', 'shell', 'ours', 'hyperfine', 'diff', 'allowed', 'ok', 'overhead/sample']))
for (const { name, script, shell } of cases) {
  const oursRounds = []
  const theirRounds = []
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 1) theirRounds.push(measureHyperfine(script, shell))
    oursRounds.push(await measureOurs(script, shell))
    if (round % 2 === 0) theirRounds.push(measureHyperfine(script, shell))
  }
  const ours = {
    mean: mean(oursRounds.map(round => round.mean)),
    overheadPerSample: mean(oursRounds.map(round => round.overheadPerSample))
  }
  const theirs = mean(theirRounds)
  const diff = ours.mean - theirs
  const allowed = 0.001 + 0.01 * theirs
  console.log(
    row([
      name,
      shell,
      ms(ours.mean),
      ms(theirs),
      ms(diff),
      ms(allowed),
      Math.abs(diff) <= allowed ? 'yes' : 'NO',
      ms(ours.overheadPerSample)
    ])
  )
}
rmSync(work, { recursive: true, force: true })

/**
 * Our engine with the same command in both groups (runs/2 samples each). The
 * runner's own overhead: wall time between the first and last timed sample's
 * progress callbacks minus the raw time of the samples in between, per sample.
 */
async function measureOurs(script, shell) {
  const step = { command: { kind: 'shell', script } }
  const group = name => ({ name, label: name, cycle: [{ step, name, phase: 'command' }] })
  const stamps = []
  const result = await runBenchmark({
    groups: [group('baseline'), group('candidate')],
    shell: shell === 'none' ? { kind: 'none' } : { kind: 'shell', path: shell },
    warmup,
    samples: runs / 2,
    timeoutMs: 60_000,
    logDir: join(work, 'logs'),
    onProgress: () => stamps.push(process.hrtime.bigint())
  })
  const timed = result.schedule.filter(entry => entry.index >= 0)
  const raw = timed.map(entry => entry.time + result.shellOverhead)
  const timedStamps = stamps.slice(-timed.length)
  const span = Number(timedStamps.at(-1) - timedStamps[0]) / 1e9
  const inside = raw.slice(1).reduce((sum, time) => sum + time, 0)
  return {
    mean: mean(timed.map(entry => entry.time)),
    overheadPerSample: (span - inside) / (timed.length - 1)
  }
}

function measureHyperfine(script, shell) {
  const json = join(work, 'hyperfine.json')
  const shellArgs = shell === 'none' ? ['-N'] : ['--shell', shell]
  const args = [...shellArgs, '--warmup', `${warmup}`, '--runs', `${runs}`, '--style', 'none']
  const run = spawnSync('hyperfine', [...args, '--export-json', json, script], { stdio: 'ignore' })
  if (run.status !== 0) throw new Error(`hyperfine failed on ${script}`)
  return JSON.parse(readFileSync(json, 'utf8')).results[0].mean
}

/** How many iterations of a bash arithmetic loop take about `seconds` here. */
function loopCountFor(seconds) {
  const probe = 20_000
  const started = process.hrtime.bigint()
  spawnSync('bash', ['-c', `i=0; while [ $i -lt ${probe} ]; do i=$((i+1)); done`])
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  return Math.max(1, Math.round((probe * seconds) / elapsed))
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function ms(seconds) {
  return (seconds * 1000).toFixed(3)
}

function row(cells) {
  const widths = [16, 6, 10, 10, 8, 8, 4, 16]
  return cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' ')
}
