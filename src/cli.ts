import { TOOL_VERSION } from './core/version'

// A reader that goes away early (`compare … | head`) is not an error: the rest of the
// output is dropped and the command ends with its own exit status.
let readerGone = false
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && !readerGone) throw error
  readerGone = true
})

// Libraries built for Actions (tool-cache, exec) write workflow commands and
// progress to stdout. On the command line stdout carries only our report (with
// --format json, only the results file), so their writes go to stderr, and their
// `::debug::` and `[command]` echo lines are dropped unless RUNNER_DEBUG asks for them.
const writeStdout = process.stdout.write.bind(process.stdout)
const writeStderr = process.stderr.write.bind(process.stderr)
process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
  const noise = text.startsWith('::debug::') || text.startsWith('[command]')
  if (noise && process.env.RUNNER_DEBUG !== '1') return true
  return writeStderr(chunk, ...rest)
}

// Imported only now, so the stdout redirection above is in place first.
const { runCli } = await import('./cli/main')
const status = await runCli(
  process.argv.slice(2),
  {
    stdout: text => readerGone || writeStdout(text),
    stderr: text => writeStderr(text),
    env: process.env
  },
  TOOL_VERSION
)
process.exitCode = status
