import { describe, expect, it } from 'vitest'
import { childEnv } from '../../src/bench/process/child-env'

describe('childEnv', () => {
  it("drops the action's inputs, saved state, runner credentials and file commands", () => {
    const env = childEnv(
      {
        PATH: '/usr/bin',
        'INPUT_GITHUB-TOKEN': 'ghs_x',
        Input_Samples: '5',
        STATE_stacks: '{}',
        ACTIONS_RUNTIME_TOKEN: 'a',
        ACTIONS_RUNTIME_URL: 'b',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'c',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'd',
        ACTIONS_CACHE_URL: 'e',
        ACTIONS_RESULTS_URL: 'f',
        GITHUB_OUTPUT: '/o',
        GITHUB_STATE: '/s',
        GITHUB_STEP_SUMMARY: '/m',
        GITHUB_ENV: '/e',
        GITHUB_PATH: '/p',
        GITHUB_REPOSITORY: 'o/r',
        ACTIONS_STEP_DEBUG: 'true',
        PULUMI_ACCESS_TOKEN: 'pul-x'
      },
      { PULUMI_BACKEND_URL: 'file:///b' }
    )
    expect(env).toEqual({
      PATH: '/usr/bin',
      GITHUB_REPOSITORY: 'o/r',
      ACTIONS_STEP_DEBUG: 'true',
      PULUMI_ACCESS_TOKEN: 'pul-x',
      PULUMI_BACKEND_URL: 'file:///b'
    })
  })
})
