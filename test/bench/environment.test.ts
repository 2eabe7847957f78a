import { describe, expect, it } from 'vitest'
import {
  describeEnvironment,
  environmentFingerprint,
  type MachineFacts
} from '../../src/bench/environment'

const machine: MachineFacts = {
  os: 'linux',
  release: '6.8.0-1014-azure',
  arch: 'x64',
  cpuModel: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  memoryBytes: 16_772_907_008,
  node: 'v24.1.0'
}
const loads = { loadBefore: [0.51234, 0.4, 0.3], loadAfter: [1.98765, 0.9, 0.5] }

describe('describeEnvironment', () => {
  it('records the machine, rounded load averages and our version', () => {
    const environment = describeEnvironment(machine, { ...loads, tool: '0.1.0', env: {} })
    expect(environment).toEqual({
      ...machine,
      loadBefore: [0.51, 0.4, 0.3],
      loadAfter: [1.99, 0.9, 0.5],
      tool: '0.1.0'
    })
  })

  it('adds the commit, ref, run link and runner in GitHub Actions', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: 'abc123',
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'pulumi/pulumi',
      GITHUB_RUN_ID: '987',
      RUNNER_NAME: 'GitHub Actions 12',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      ImageOS: 'ubuntu24',
      ImageVersion: '20250105.1.0'
    }
    const environment = describeEnvironment(machine, { ...loads, tool: '0.1.0', env })
    expect(environment).toMatchObject({
      commit: 'abc123',
      ref: 'refs/pull/42/merge',
      runUrl: 'https://github.com/pulumi/pulumi/actions/runs/987',
      runnerName: 'GitHub Actions 12',
      runnerOs: 'Linux',
      runnerArch: 'X64',
      runnerImage: 'ubuntu24 20250105.1.0'
    })
  })

  it('leaves out what the runner did not set, and everything outside Actions', () => {
    const partial = describeEnvironment(machine, {
      ...loads,
      tool: '0.1.0',
      env: { GITHUB_ACTIONS: 'true', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '987' }
    })
    expect(Object.keys(partial)).toContain('commit')
    expect(Object.keys(partial)).not.toContain('runUrl')
    expect(Object.keys(partial)).not.toContain('runnerImage')
    const outside = describeEnvironment(machine, {
      ...loads,
      tool: '0.1.0',
      env: { GITHUB_SHA: 'abc123' }
    })
    expect(outside).not.toHaveProperty('commit')
  })
})

describe('environmentFingerprint', () => {
  it('reads this machine and takes the load after now', () => {
    const environment = environmentFingerprint({ tool: '9.9.9', loadBefore: [0, 0, 0], env: {} })
    expect(environment.os).toBe(process.platform)
    expect(environment.node).toBe(process.version)
    expect(environment.cores).toBeGreaterThanOrEqual(1)
    expect(environment.memoryBytes).toBeGreaterThan(0)
    expect(environment.cpuModel).not.toBe('')
    expect(environment.loadAfter).toHaveLength(3)
    expect(environment.tool).toBe('9.9.9')
  })
})
