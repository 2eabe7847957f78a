/**
 * The command line in a `run:` step of a workflow prints text from results files (a
 * fork's, say), file names and commands' logs: none of it may become a workflow command.
 */
import { describe, expect, it } from 'vitest'
import { cli, tempFile } from '../helpers/cli'
import { phasedResults, around } from '../helpers/phased-results'
import { runnerCommandLines } from '../helpers/workflow-commands'

const ON_A_RUNNER = { GITHUB_ACTIONS: 'true' }
const NAME = '::error title=pwned::owned ##[add-mask]x'

describe('report on a runner', () => {
  const file = () =>
    tempFile('fork.json', {
      ...phasedResults([{ phase: 'up', baseline: around(10), candidate: around(10.1) }]),
      benchmark: NAME
    })

  it("prints a results file's name and a bad file's path as text, never as a command", async () => {
    const bad = tempFile('##[error]broken.json', '{')
    for (const format of ['text', 'markdown']) {
      const { stdout, stderr } = await cli(['report', file(), bad, '--format', format], ON_A_RUNNER)
      expect(stdout.replaceAll('\u200b', '')).toContain('::error title=pwned::owned')
      expect(stderr).toContain('broken.json')
      expect(runnerCommandLines(stdout), format).toEqual([])
      expect(runnerCommandLines(stderr), format).toEqual([])
    }
  })

  it('keeps the JSON exact: the same name to a JSON reader, no command to the runner', async () => {
    const { stdout } = await cli(['report', file(), '--format', 'json'], ON_A_RUNNER)
    expect(runnerCommandLines(stdout)).toEqual([])
    const report = JSON.parse(stdout) as { benchmarks: { benchmark: string }[] }
    expect(report.benchmarks[0]!.benchmark).toBe(NAME)
  })
})
