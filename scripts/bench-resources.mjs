// Our CPU and memory figures beside the truth and beside hyperfine's for the same
// commands. A benchmark, not a test: it prints figures. Usage:
//   node scripts/bench-resources.mjs [runs]      (npm run bench:resources)
// Uses the hyperfine on PATH, or $HYPERFINE, and says what that version lacks:
// 1.x exports only mean user and system, 1.20 adds memory_usage_byte (the largest
// process it has reaped so far), 2.x exports every run's figures in a new schema.
// Each workload runs as a grandchild (sh → sh → node) and reports its own truth.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledRunBenchmark } from './bundled-engine.mjs'

const runs = Number(process.argv[2] ?? 6)
const work = mkdtempSync(join(tmpdir(), 'perf-gate-resources-'))
const workload = join(
  import.meta.dirname,
  '..',
  'test',
  'bench',
  'fixtures',
  'resource-workload.mjs'
)
const truthFile = join(work, 'truth.jsonl')
const MiB = 2 ** 20

const runBenchmark = await bundledRunBenchmark(work)

const quote = text => `'${text.replaceAll("'", `'\\''`)}'`
/** The workload as a grandchild; the trailing ':' keeps each shell from exec'ing it. */
const nested = args => {
  const node = [process.execPath, workload, ...args, truthFile].map(quote).join(' ')
  return `sh -c ${quote(`${node}; :`)}; :`
}
const cases = [
  { name: '0.5 s user CPU', script: nested(['user', '0.5']) },
  { name: '0.3 s system CPU', script: nested(['system', '0.3']) },
  { name: '200 MiB held 1 s', script: nested(['memory', '200', '1']) },
  { name: '200 MiB, exits at once', script: nested(['memory', '200', '0']) }
]

const hyperfine = process.env.HYPERFINE ?? 'hyperfine'
const version = spawnSync(hyperfine, ['--version'], { encoding: 'utf8' }).stdout?.trim()
console.log(`platform ${process.platform}, ${runs} runs per case and tool, figures are means`)
console.log(
  version ? `${version}: ${lacks(version)}` : `no hyperfine (${hyperfine}) to compare with`
)
console.log()
console.log(
  row(['case', 'who', 'user s', 'system s', 'peak MiB'].map(String), [24, 18, 16, 16, 18])
)
for (const { name, script } of cases) {
  // One truth for both tools: the workload's own figures, averaged over every run.
  writeFileSync(truthFile, '')
  const ours = await measureOurs(script)
  const theirs = version ? measureHyperfine(script) : undefined
  const truth = meanUsage(
    readFileSync(truthFile, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line))
  )
  print(name, 'truth (workload)', truth)
  print('', 'pulumi-perf-gate', ours, truth)
  if (theirs) print('', version, theirs, truth)
}
rmSync(work, { recursive: true, force: true })

/** What the installed hyperfine's export leaves out. */
function lacks(text) {
  const [major, minor] = (text.match(/(\d+)\.(\d+)/) ?? []).slice(1).map(Number)
  if (major >= 2) return 'every figure per run (schema_version 2)'
  if (major === 1 && minor >= 20)
    return 'mean user/system; memory_usage_byte is the largest process reaped so far, not per run'
  return 'mean user/system only, no memory (memory_usage_byte came with 1.20)'
}

/** Our engine, both groups running the command, through bash as hyperfine's --shell bash. */
async function measureOurs(script) {
  const step = { command: { kind: 'shell', script } }
  const group = name => ({ name, label: name, cycle: [{ step, name, phase: 'command' }] })
  const result = await runBenchmark({
    groups: [group('baseline'), group('candidate')],
    shell: { kind: 'shell', path: 'bash' },
    warmup: 0,
    samples: Math.ceil(runs / 2),
    timeoutMs: 120_000,
    logDir: join(work, 'logs')
  })
  const { resources } = result.phases[0]
  return meanUsage([...resources.baseline, ...resources.candidate])
}

function measureHyperfine(script) {
  const json = join(work, 'hyperfine.json')
  const args = ['--shell', 'bash', '--warmup', '0', '--runs', `${runs}`, '--style', 'none']
  const run = spawnSync(hyperfine, [...args, '--export-json', json, script], { stdio: 'ignore' })
  if (run.status !== 0 || !existsSync(json)) throw new Error(`${hyperfine} failed on ${script}`)
  const result = JSON.parse(readFileSync(json, 'utf8')).results[0]
  if (result.measurements) {
    return meanUsage(
      result.measurements.map(m => ({
        userSeconds: m.time_user?.value,
        systemSeconds: m.time_system?.value,
        maxRssBytes: m.memory_peak_resident?.value
      }))
    )
  }
  const memory = result.memory_usage_byte
  return {
    userSeconds: result.user,
    systemSeconds: result.system,
    maxRssBytes: memory?.length ? mean(memory) : undefined
  }
}

function meanUsage(usages) {
  const field = key => {
    const values = usages.map(usage => usage[key])
    return values.length > 0 && values.every(value => typeof value === 'number')
      ? mean(values)
      : undefined
  }
  return {
    userSeconds: field('userSeconds'),
    systemSeconds: field('systemSeconds'),
    maxRssBytes: field('maxRssBytes')
  }
}

function print(name, who, usage, truth) {
  // The difference in percent only above `floor`: CPU figures come in 10 ms ticks.
  const cell = (value, truthValue, scale, digits, floor) => {
    if (value === undefined) return '-'
    const shown = (value / scale).toFixed(digits)
    if (truthValue === undefined || truthValue < floor) return shown
    return `${shown} (${formatDelta((value - truthValue) / truthValue)})`
  }
  console.log(
    row(
      [
        name,
        who,
        cell(usage.userSeconds, truth?.userSeconds, 1, 3, 0.05),
        cell(usage.systemSeconds, truth?.systemSeconds, 1, 3, 0.05),
        cell(usage.maxRssBytes, truth?.maxRssBytes, MiB, 1, MiB)
      ],
      [24, 18, 16, 16, 18]
    )
  )
}

function formatDelta(fraction) {
  const percent = Math.round(fraction * 100)
  return `${percent >= 0 ? '+' : ''}${percent}%`
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function row(cells, widths) {
  return cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' ')
}
