import { describe, expect, it } from 'vitest'
import type { RunConfig } from '../../src/config/run-config'
import { coldStartWarning } from '../../src/run/pipeline/cold-start'

const pulumi = { kind: 'pulumi' } as RunConfig['target']
const generic: RunConfig['target'] = { kind: 'commands', baseline: 'a', candidate: 'b' }

describe('the warning of a Pulumi run without warmup', () => {
  it('names what a first `pulumi up` does that later ones do not', () => {
    const warning = coldStartWarning({ target: pulumi, warmup: 0 })
    expect(warning).toMatch(/^warmup is 0: /)
    expect(warning).toMatch(/resource plugins/)
    expect(warning).toMatch(/language host/)
    expect(warning).toMatch(/Python .*bytecode caches/)
    expect(warning).toMatch(/warmup at 1 \(the default\)/)
  })

  it('is not given with a warmup, nor for two shell commands', () => {
    expect(coldStartWarning({ target: pulumi, warmup: 1 })).toBeNull()
    expect(coldStartWarning({ target: generic, warmup: 0 })).toBeNull()
  })
})
