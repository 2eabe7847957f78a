/**
 * Bad input in Pulumi mode: one line naming the input, exit status 2, and nothing made
 * on the way: no stack in the backend, no stack config in the program, no CLI
 * installed (and no archive downloaded when a cheap check could tell first).
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { pulumiPlatform } from '../../src/pulumi/install/platform'
import { archiveFileName } from '../../src/pulumi/install/releases'
import { BUGGY, runArgs, pulumiTestContext, type Workspace } from '../helpers/pulumi-run'

const context = pulumiTestContext()

interface BadInput {
  what: string
  flags: (workspace: Workspace) => Promise<Record<string, string>> | Record<string, string>
  /** The one line expected on stderr; `URL` stands for the release server's address. */
  message: RegExp | ((url: string) => string)
  /** Files the release server may be asked for before the error. */
  requests: string[]
}

const BAD_INPUTS: BadInput[] = [
  {
    what: 'a program folder without Pulumi.yaml',
    flags: async ({ root }) => {
      const empty = path.join(root, 'not-a-program')
      await mkdir(empty)
      return { program: empty }
    },
    message: /^pulumi-perf-gate: program: \S*not-a-program holds no Pulumi\.yaml; .+$/,
    requests: []
  },
  {
    what: 'a Pulumi version the server does not have',
    flags: () => ({ 'baseline-version': '3.43.9' }),
    message: url =>
      `pulumi-perf-gate: baseline-version: Pulumi 3.43.9 does not exist: ${url}/pulumi-3.43.9-checksums.txt returned 404`,
    requests: ['pulumi-3.43.9-checksums.txt']
  },
  {
    what: 'a config line that is not "key: value"',
    flags: () => ({ config: 'resources: 100\nlatencyMs 30' }),
    // The line number, never the line: it may hold a secret.
    message: /^pulumi-perf-gate: config: line 2 is not allowed; .+$/,
    requests: []
  },
  {
    what: 'a stack-prefix Pulumi would refuse as part of a stack name',
    flags: () => ({ 'stack-prefix': 'team/perf' }),
    message:
      /^pulumi-perf-gate: stack-prefix: "team\/perf" is not valid; expected letters, digits, .+$/,
    requests: []
  },
  {
    what: 'a plain http download URL that is not loopback',
    flags: () => ({ 'pulumi-download-url': 'http://mirror.invalid/releases/sdk' }),
    message:
      /^pulumi-perf-gate: pulumi-download-url: "http:\/\/mirror\.invalid\/releases\/sdk" is not allowed; use an https URL .+$/,
    requests: []
  },
  {
    what: 'both --baseline-version and --baseline-command',
    flags: () => ({ 'baseline-command': 'true', 'candidate-command': 'true' }),
    message:
      /^pulumi-perf-gate: baseline-version cannot be combined with baseline-command\/candidate-command; .+$/,
    requests: []
  }
]

it.each(BAD_INPUTS)(
  'rejects $what with one line and exit 2, creating nothing',
  async ({ flags, message, requests }) => {
    const programBefore = readdirSync(context.workspace.program)
    const { url } = context.releases.server
    const { status, stdout, stderr } = await cli(
      runArgs(context.workspace, url, await flags(context.workspace)),
      {
        ...context.workspace.runnerEnv
      }
    )

    expect(status).toBe(2)
    expect(stdout).toBe('')
    const lines = stderr.split('\n').filter(line => line !== '')
    const errors = lines.filter(line => line.startsWith('pulumi-perf-gate:'))
    expect(errors).toHaveLength(1)
    if (message instanceof RegExp) expect(errors[0]).toMatch(message)
    else expect(errors[0]).toBe(message(url))
    expect(lines.at(-1)).toBe(errors[0]) // the error ends the run: no trace after it

    expect(readdirSync(context.workspace.backendDir)).toEqual([])
    expect(readdirSync(context.workspace.program)).toEqual(programBefore)
    expect(existsSync(path.join(context.workspace.runnerEnv.RUNNER_TOOL_CACHE, 'pulumi'))).toBe(
      false
    )
    expect(context.releases.server.requests).toEqual(requests)
    expect(existsSync(context.workspace.resultsFile)).toBe(false)
  }
)

it('fails the run (exit 1), not as bad input, when a download arrives damaged', async () => {
  const archive = archiveFileName(BUGGY, pulumiPlatform(), 'tar.gz')
  const { server } = context.releases
  server.faults.set(archive, 'corrupt')
  try {
    const { status, stderr } = await cli(runArgs(context.workspace, server.url), {
      ...context.workspace.runnerEnv
    })
    expect(stderr).toMatch(/^pulumi-perf-gate: baseline-version: checksum mismatch for .+$/m)
    expect(status).toBe(1)
  } finally {
    server.faults.delete(archive)
  }
})
