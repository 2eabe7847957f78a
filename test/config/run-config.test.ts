import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INPUT_DEFAULTS, Input, type RawInputs } from '../../src/config/inputs'
import { parseReporting, parseRunConfig } from '../../src/config/run-config'
import { InputError } from '../../src/core/errors/errors'

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
    // A folder of the run's own, never one shared with other runs or users.
    expect(config.resultsFile).toMatch(
      /^\/runner\/temp\/pulumi-perf-gate-[0-9a-f]{12}\/results\.json$/
    )
    expect(config.ownResultsFolder).toBe(true)
    expect(
      parseRunConfig(
        { [Input.BaselineCommand]: 'true', [Input.CandidateCommand]: 'true' },
        { RUNNER_TEMP: '/runner/temp' }
      ).resultsFile
    ).not.toBe(config.resultsFile)
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

describe('phases', () => {
  const phases = (value: string | undefined, raw: RawInputs = pulumi) =>
    parseRunConfig(value === undefined ? raw : { ...raw, [Input.Phases]: value }, {}).phases

  it('defaults to up, and keeps the order given in commas, spaces or lines', () => {
    expect(phases(undefined)).toEqual(['up'])
    expect(phases('destroy, up update')).toEqual(['destroy', 'up', 'update'])
    expect(phases('preview\nrefresh,\n  up')).toEqual(['preview', 'refresh', 'up'])
  })

  it.each([
    [
      'up, deploy',
      '"deploy" is not a phase; expected one or more of up, preview, update, refresh, destroy'
    ],
    ['up,up', '"up" is listed twice'],
    [',', '"," names no phase']
  ])('rejects %j in one line naming phases', (value, message) => {
    const read = () => phases(value)
    expect(read).toThrow(InputError)
    expect(read).toThrow(`phases: ${message}`)
  })

  it('in generic mode takes only up, the one command each sample times', () => {
    const commands = { [Input.BaselineCommand]: 'true', [Input.CandidateCommand]: 'true' }
    expect(phases('up', commands)).toEqual(['up'])
    const read = () => phases('up, destroy', commands)
    expect(read).toThrow(InputError)
    expect(read).toThrow(/^phases: "up, destroy" times Pulumi phases; with baseline-command/)
  })
})

describe('commands with shell: none', () => {
  it.each([
    [
      Input.Prepare,
      "echo 'x",
      /^prepare: cannot split the command into words \(shell: none\): unterminated ' quote/
    ],
    [
      Input.Cleanup,
      'rm -rf "build',
      /^cleanup: cannot split the command into words \(shell: none\): unterminated " quote/
    ]
  ])(
    'refuses a %s that does not split into words, before anything runs',
    (input, value, message) => {
      const read = () => parseRunConfig({ ...pulumi, [Input.Shell]: 'none', [input]: value }, {})
      expect(read).toThrow(InputError)
      expect(read).toThrow(message)
      // Through a shell the same text is the shell's to read.
      expect(() => parseRunConfig({ ...pulumi, [input]: value }, {})).not.toThrow()
    }
  )
})

describe('two commands', () => {
  const commands = { [Input.BaselineCommand]: 'sleep 0.1', [Input.CandidateCommand]: 'sleep 0.2' }

  it.each([
    [Input.Parallel, 'abc'],
    [Input.Config, 'noval'],
    [Input.StackPrefix, 'bad/x'],
    [Input.PulumiDownloadUrl, 'ftp://mirror.example'],
    [Input.CandidateVersion, '3.x'],
    [Input.Program, '/nonexistent']
  ])('refuses the Pulumi setting %s, which they would ignore', (input, value) => {
    const read = () => parseRunConfig({ ...commands, [input]: value }, {})
    expect(read).toThrow(InputError)
    expect(read).toThrow(
      `${input} applies to Pulumi mode only; with baseline-command and candidate-command it would be ignored, so leave it out`
    )
  })

  it("takes the Pulumi inputs' defaults, which the runner passes whatever the mode", () => {
    const config = parseRunConfig(
      { ...commands, [Input.PulumiDownloadUrl]: 'https://get.pulumi.com/releases/sdk' },
      {}
    )
    expect(config.target).toEqual({
      kind: 'commands',
      baseline: 'sleep 0.1',
      candidate: 'sleep 0.2'
    })
  })
})

describe('backend-url', () => {
  it.each(['relative/dir', 'file://', '/abs/path'])('refuses %j, which is no backend URL', url => {
    const read = () => parseRunConfig({ ...pulumi, [Input.BackendUrl]: url }, {})
    expect(read).toThrow(InputError)
    expect(read).toThrow(
      'backend-url is not a backend URL; expected one such as file:///path/to/folder'
    )
    // Never the value: a backend URL may hold credentials.
    expect(read).not.toThrow(JSON.stringify(url))
  })

  it('refuses a % that starts no valid escape, before anything runs', () => {
    const read = () =>
      parseRunConfig({ ...pulumi, [Input.BackendUrl]: 'file:///tmp/100%zz-secret' }, {})
    expect(read).toThrow(
      'backend-url: a % in it starts no valid escape; write a % as %25 (a space as %20)'
    )
    expect(read).not.toThrow('secret')
  })

  it.each([
    'file:///tmp/state',
    's3://bucket/prefix',
    'https://api.pulumi.com',
    'azblob://container'
  ])('takes %j', url => {
    const { target } = parseRunConfig({ ...pulumi, [Input.BackendUrl]: url }, {})
    expect(target.kind === 'pulumi' && target.backendUrl).toBe(url)
  })
})

describe('the default comment-key', () => {
  const env = { GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'bench' }
  // What the runner makes of action.yml's default for a leg of a matrix.
  const expanded = (index: number, total: number) =>
    INPUT_DEFAULTS[Input.CommentKey]!.replace('${{ github.workflow }}', env.GITHUB_WORKFLOW)
      .replace('${{ github.job }}', env.GITHUB_JOB)
      .replace('${{ strategy.job-index }}', String(index))
      .replace('${{ strategy.job-total }}', String(total))
  const key = (value: string | undefined) =>
    parseReporting({ [Input.CommentKey]: value }, env, 'benchmark').commentKey

  it('gives each leg of a matrix its own comment', () => {
    const legs = [0, 1, 2].map(index => key(expanded(index, 3)))
    expect(new Set(legs).size).toBe(3)
    expect(legs[1]).toBe('CI/bench/1/3')
  })

  it('keeps workflow/job for a job without a matrix, and when not expanded', () => {
    expect(key(expanded(0, 1))).toBe('CI/bench')
    expect(key(INPUT_DEFAULTS[Input.CommentKey])).toBe('CI/bench')
    expect(key(undefined)).toBe('CI/bench')
    expect(key('mine')).toBe('mine')
  })
})
