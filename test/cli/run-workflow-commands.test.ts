import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { RunFolder } from '../helpers/commands'
import { runnerCommandLines } from '../helpers/workflow-commands'

describe('run on a runner', () => {
  it("prints a failing command's log lines as text, never as workflow commands", async () => {
    const run = new RunFolder()
    const printing = [
      "echo '::add-mask::hidden'",
      "echo '  ::error title=forged::from the log'",
      "echo 'progress ##[warning]mid-line'",
      'exit 3'
    ].join('; ')
    const { status, stderr } = await cli(run.args('true', printing, '--samples', '2'), {
      ...run.env(),
      GITHUB_ACTIONS: 'true'
    })
    expect(status).toBe(1)
    expect(stderr.replaceAll('\u200b', '')).toContain('  ::error title=forged::from the log')
    expect(runnerCommandLines(stderr)).toEqual([])
  })
})
