import { describe, expect, it } from 'vitest'
import { describeFailure } from '../../src/pulumi/run'
import type { RunResult } from '../../src/pulumi/run'

const failed = (stderr: string, stdout = ''): RunResult => ({
  exitCode: 255,
  stdout,
  stderr,
  timedOut: false,
  interrupted: false
})

// What pulumi 3.257+ prints on a legacy DIY backend (pkg/backend/diy/backend.go): the
// error's text starts with a newline, so the `error:` line itself is empty.
const LEGACY_ERROR = `error: 
================================================================================
Legacy DIY state is deprecated, please upgrade your state to project mode using:
'pulumi state upgrade'

It is due to be removed in a future release before the end of this year (2026).
Set PULUMI_DIY_BACKEND_IGNORE_DEPRECATION_ERROR=1 to disable this error.
================================================================================
`

describe('describeFailure', () => {
  it("keeps Pulumi's reason when the error's text starts on the next line", () => {
    const line = describeFailure('pulumi', ['stack', 'init', 's'], failed(LEGACY_ERROR))
    expect(line).toBe(
      'pulumi stack init s failed with exit code 255: error: Legacy DIY state is deprecated, ' +
        "please upgrade your state to project mode using: 'pulumi state upgrade'"
    )
  })

  it('joins an error that wraps onto further lines, up to the blank line', () => {
    const stderr =
      'error: could not load plugin perfgate\n  because it is not on PATH\n\nhint: install it\n'
    expect(describeFailure('pulumi', ['up'], failed(stderr))).toBe(
      'pulumi up failed with exit code 255: error: could not load plugin perfgate because it is not on PATH'
    )
  })

  it('ends an error with text at the first blank line', () => {
    const stderr = 'error: update failed\n\nResources:\n    3 unchanged\n'
    expect(describeFailure('pulumi', ['up'], failed(stderr))).toMatch(/: error: update failed$/)
  })

  it('takes the last error and, without one, the last line', () => {
    expect(describeFailure('pulumi', ['up'], failed('error: first\n\nerror: second\n'))).toMatch(
      /: error: second$/
    )
    expect(describeFailure('pulumi', ['up'], failed('', 'Updating (dev)\npanic: oops\n'))).toMatch(
      /: panic: oops$/
    )
  })

  it('keeps a long reason to one bounded line', () => {
    const line = describeFailure('pulumi', ['up'], failed(`error: ${'x '.repeat(2000)}\n`))
    expect(line.length).toBeLessThan(600)
    expect(line).toMatch(/…$/)
  })
})
