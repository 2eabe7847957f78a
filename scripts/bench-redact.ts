/**
 * `npm run bench:redact`: how long redacting a run's logs takes, and the memory it
 * takes, for logs of one line without a newline (a progress bar redrawn with `\r`) and
 * of ordinary lines, at several sizes. Prints per case the seconds, MB/s and the peak
 * resident memory of the process. Usage: `npm run bench:redact -- 16 64 128` (MB).
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactLogs } from '../src/bench/log'
import { redactor } from '../src/core/redact'

const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite)
const megabytes = sizes.length > 0 ? sizes : [16, 64, 128]
const secret = `pul-${'0123456789abcdef'.repeat(2)}`
const redact = redactor([secret, 'correct horse battery staple'])
const dir = mkdtempSync(join(tmpdir(), 'ppg-bench-redact-'))

/** Writes the log a megabyte at a time, so the script's own memory stays small. */
function writeLog(path: string, mb: number, shape: 'one line' | 'lines'): void {
  const unit = shape === 'one line' ? `\r[#####     ] 50% ${secret} ` : `step done with ${secret}\n`
  const block = unit.repeat(Math.ceil((1024 * 1024) / unit.length))
  writeFileSync(path, '')
  for (let written = 0; written < mb; written++) appendFileSync(path, block)
}

console.log('size    shape       seconds   MB/s   peak RSS (MB)')
for (const mb of megabytes) {
  for (const shape of ['one line', 'lines'] as const) {
    const path = join(dir, 'run.log')
    writeLog(path, mb, shape)
    const start = performance.now()
    await redactLogs(dir, redact)
    const seconds = (performance.now() - start) / 1000
    const peak = process.resourceUsage().maxRSS / 1024
    console.log(
      `${String(mb).padStart(4)} MB ${shape.padEnd(9)} ${seconds.toFixed(2).padStart(9)} ${(mb / seconds).toFixed(0).padStart(6)} ${peak.toFixed(0).padStart(15)}`
    )
    rmSync(path)
  }
}
rmSync(dir, { recursive: true, force: true })
