import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Input } from '../../src/config/inputs'
import { parseReporting, parseRunConfig } from '../../src/config/run-config'
import { InputError } from '../../src/core/errors'

const pulumi = { [Input.BaselineVersion]: '3.43.1', [Input.Program]: 'infra/app' }

describe('defaults that depend on whether the user set an input', () => {
  it('fills in Pulumi mode from program and the run', () => {
    const config = parseRunConfig(pulumi, { GITHUB_RUN_ID: '4242' })
    expect(config.name).toBe('app')
    expect(config.target).toMatchObject({
      kind: 'pulumi',
      program: resolve('infra/app'),
      baselineProgram: resolve('infra/app'),
      candidateVersion: 'installed'
    })
    expect(config.target.kind === 'pulumi' && config.target.stackPrefix).toMatch(
      /^perf-gate-4242-[0-9a-f]{6}$/
    )
  })

  it('gives every run its own stacks, even two jobs of one workflow run', () => {
    const prefix = () => {
      const { target } = parseRunConfig(pulumi, { GITHUB_RUN_ID: '1' })
      return target.kind === 'pulumi' ? target.stackPrefix : ''
    }
    expect(prefix()).not.toBe(prefix())
  })

  it('keeps a stack prefix and a name the user set', () => {
    const config = parseRunConfig(
      { ...pulumi, [Input.StackPrefix]: 'mine', [Input.Name]: 'deploy' },
      {}
    )
    expect(config.name).toBe('deploy')
    expect(config.target).toMatchObject({ stackPrefix: 'mine' })
  })

  it('puts the results under RUNNER_TEMP and names a command benchmark "benchmark"', () => {
    const config = parseRunConfig(
      { [Input.BaselineCommand]: 'true', [Input.CandidateCommand]: 'true' },
      { RUNNER_TEMP: '/runner/temp' }
    )
    expect(config.resultsFile).toBe(resolve('/runner/temp/pulumi-perf-gate/results.json'))
    expect(config.name).toBe('benchmark')
    expect(config.samples).toBe(20)
    expect(config.decision).toEqual({ alpha: 0.05, threshold: 0.05, failOn: 'regression' })
  })

  it('keys the comment by workflow and job, else by the benchmark name', () => {
    expect(
      parseReporting({}, { GITHUB_WORKFLOW: 'perf', GITHUB_JOB: 'gate' }, 'x').commentKey
    ).toBe('perf/gate')
    expect(parseReporting({}, {}, 'app').commentKey).toBe('app')
  })

  it('reads the pull-request input as a number', () => {
    expect(parseReporting({ [Input.PullRequest]: ' 99 ' }, {}, 'x').pullRequest).toBe(99)
    expect(parseReporting({}, {}, 'x').pullRequest).toBeUndefined()
  })

  it.each(['abc', '0', '-3', '4.5', '12abc', '#12', '99999999999999999999'])(
    'rejects the pull-request input %j, naming it',
    value => {
      const read = () => parseReporting({ [Input.PullRequest]: value }, {}, 'x')
      expect(read).toThrow(InputError)
      expect(read).toThrow(`pull-request: "${value}" is not valid; expected a whole number ≥ 1`)
    }
  )
})
