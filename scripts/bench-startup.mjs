#!/usr/bin/env node
// Start-up of `run` (issue 18 item 6): the time from spawning `dist/cli.js run` to its first
// line on stderr, and to its first sample's progress line, each the median of several runs,
// for settings in the committed α* table, for settings it lacks on a first run (empty
// cache: the design is computed) and on a second (read from the cache).
// Run: npm run bench:startup   (bundles first; CLI=path/to/cli.js measures another build)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUNS = Number(process.env.RUNS ?? 5)
const cli = process.env.CLI ?? new URL('../dist/cli.js', import.meta.url).pathname
const scratch = mkdtempSync(join(tmpdir(), 'ppg-bench-startup-'))

/** One run until its first sample: milliseconds to the first line and to that sample. */
function startOnce(flags, cacheHome) {
  return new Promise((resolve, reject) => {
    const folder = mkdtempSync(join(scratch, 'run-'))
    const args = ['run', '--baseline-command', 'true', '--candidate-command', 'true']
    const start = process.hrtime.bigint()
    const since = () => Number(process.hrtime.bigint() - start) / 1e6
    const child = spawn(
      process.execPath,
      [cli, ...args, '--results-file', join(folder, 'results.json'), ...flags],
      {
        env: { ...process.env, XDG_CACHE_HOME: cacheHome, RUNNER_TEMP: folder },
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let text = ''
    let firstLine
    let firstSample
    child.stderr.on('data', chunk => {
      text += chunk.toString()
      firstLine ??= text.includes('\n') ? since() : undefined
      if (firstSample === undefined && /sample 1\//.test(text)) {
        firstSample = since()
        child.kill('SIGINT')
      }
    })
    child.on('exit', () => {
      if (firstSample === undefined) reject(new Error(`no sample:\n${text}`))
      else resolve({ firstLine, firstSample })
    })
  })
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function scenario(name, flags, { warm }) {
  const lines = []
  const samples = []
  for (let i = 0; i < RUNS; i++) {
    // A fresh cache per run; a warm one has seen the same settings once before.
    const cacheHome = mkdtempSync(join(scratch, 'cache-'))
    if (warm) await startOnce(flags, cacheHome)
    const { firstLine, firstSample } = await startOnce(flags, cacheHome)
    lines.push(firstLine)
    samples.push(firstSample)
  }
  const ms = value => `${value.toFixed(0).padStart(6)} ms`
  console.log(`${name.padEnd(52)} ${ms(median(lines))}   ${ms(median(samples))}`)
}

try {
  console.log(`node ${process.version}, ${cli}, median of ${RUNS} runs each`)
  console.log(`${'settings'.padEnd(52)} first line   first sample`)
  await scenario('defaults (20 samples, 10 looks): tabled', [], { warm: false })
  const untabled = ['--samples', '33', '--family-size', '7']
  await scenario('33 samples, family of 7: first run (empty cache)', untabled, { warm: false })
  await scenario('33 samples, family of 7: second run (cached)', untabled, { warm: true })
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
