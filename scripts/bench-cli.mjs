#!/usr/bin/env node
// Speed of the command line (docs/development.md): cold start of `dist/cli.js --help` and
// `compare` of two 10,000-sample groups, each the median of several runs.
// Run: npm run bench:cli   (uses the committed dist/; run `npm run bundle` first)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUNS = Number(process.env.RUNS ?? 15)
const cli = process.env.CLI ?? new URL('../dist/cli.js', import.meta.url).pathname

function medianMs(args, script = cli) {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    const result = spawnSync(process.execPath, [script, ...args], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (result.status === null || result.status > 1) {
      throw new Error(`cli ${args.join(' ')} failed: ${result.stderr}`)
    }
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

// Two lognormal groups of 10,000 samples around 70 s and 72 s.
let seed = 42
const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) + 1) / (2 ** 31 + 1)
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
const group = (name, centre) => ({
  command: `run ${name}`,
  times: Array.from({ length: 10_000 }, () => centre * Math.exp(0.02 * normal())),
  parameters: { group: name }
})
const file = join(mkdtempSync(join(tmpdir(), 'ppg-bench-')), 'big.json')
writeFileSync(file, JSON.stringify({ results: [group('baseline', 70), group('candidate', 72)] }))

const rows = [
  ['node -e 0 (the floor, for scale)', medianMs(['0'], '-e'), Infinity],
  ['cli --help (cold start)', medianMs(['--help']), 150],
  ['compare, 2 × 10,000 samples', medianMs(['compare', file]), 250],
  ['compare --format json, 2 × 10,000', medianMs(['compare', file, '--format', 'json']), 250],
  [
    'compare --format markdown, 2 × 10,000',
    medianMs(['compare', file, '--format', 'markdown']),
    250
  ]
]
console.log(`node ${process.version}, median of ${RUNS} runs each`)
for (const [what, ms, target] of rows) {
  const goal = Number.isFinite(target) ? `   (target < ${target} ms)` : ''
  console.log(`${what.padEnd(40)} ${ms.toFixed(1).padStart(7)} ms${goal}`)
}
