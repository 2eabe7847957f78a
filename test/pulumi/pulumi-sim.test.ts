import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSimBinaryFolder } from '../helpers/pulumi-releases'

const execFileAsync = promisify(execFile)

let root: string
let pulumi: string

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'perf-gate-sim-'))
  pulumi = await writeSimBinaryFolder(path.join(root, 'cli'), { version: '3.43.1', workerCap: 20 })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A project (with `pulumiYaml`) and a backend, and a way to run the sim in them. */
async function project(pulumiYaml: string) {
  const dir = await mkdtemp(path.join(root, 'project-'))
  await writeFile(path.join(dir, 'Pulumi.yaml'), pulumiYaml)
  await mkdir(path.join(dir, 'backend'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${path.join(dir, 'backend')}`,
    PULUMI_CONFIG_PASSPHRASE: ''
  }
  const sim = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    try {
      const { stdout, stderr } = await execFileAsync(pulumi, args, {
        cwd: dir,
        env: { ...env, ...extraEnv }
      })
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
    }
  }
  return { dir, sim }
}

const UP = ['up', '--yes', '--skip-preview', '--non-interactive', '--stack', 'dev']

describe('the simulated pulumi', () => {
  it('prints its build version', async () => {
    const { sim } = await project('name: p\nruntime: python\n')
    expect((await sim(['version'])).stdout).toBe('v3.43.1\n')
  })

  it('refuses a local backend without a passphrase, like the real CLI', async () => {
    const { sim } = await project('name: p\nruntime: python\n')
    const result = await sim(['stack', 'init', 'dev'], { PULUMI_CONFIG_PASSPHRASE: undefined })
    expect(result.code).toBe(255)
    expect(result.stderr).toMatch(/^error: .*passphrase must be set with PULUMI_CONFIG_PASSPHRASE/)
  })

  it('writes namespaced config to Pulumi.<stack>.yaml and reads Pulumi.yaml defaults', async () => {
    const { dir, sim } = await project(
      'name: p\nruntime: python\nconfig:\n  resources:\n    type: integer\n    default: 7\n'
    )
    expect((await sim(['stack', 'init', 'dev'])).code).toBe(0)
    expect((await sim(['config', 'set', '--stack', 'dev', '--', 'latencyMs', '1'])).code).toBe(0)
    expect(await readFile(path.join(dir, 'Pulumi.dev.yaml'), 'utf8')).toMatch(
      /^encryptionsalt: .*\nconfig:\n {2}p:latencyMs: "1"\n$/
    )
    const up = await sim(UP)
    expect(up.code).toBe(0)
    expect(up.stdout).toContain('+ 8 created')
    const state = JSON.parse(
      await readFile(path.join(dir, 'backend', '.pulumi', 'stacks', 'p', 'dev.json'), 'utf8')
    )
    expect(state.checkpoint.stack).toBe('organization/p/dev')
    expect(state.checkpoint.latest.resources.map((r: { type: string }) => r.type)).toEqual([
      'pulumi:pulumi:Stack',
      ...Array(7).fill('pulumi-python:dynamic:Resource')
    ])
  })

  it('fails up on request, and will not remove a stack that has resources', async () => {
    const { sim } = await project('name: p\nruntime: nodejs\n')
    await sim(['stack', 'init', 'dev'])
    await sim(['config', 'set', 'resources', '2', '--stack', 'dev'])
    await sim(['config', 'set', 'latencyMs', '0', '--stack', 'dev'])
    expect((await sim(UP)).code).toBe(0)

    const removal = await sim(['stack', 'rm', '--yes', '--stack', 'dev'])
    expect(removal.code).toBe(255)
    expect(removal.stderr).toMatch(/^error: 'dev' still has resources; removal rejected/)

    await sim(['config', 'set', 'failUp', 'true', '--stack', 'dev'])
    const failed = await sim(UP)
    expect(failed.code).toBe(255)
    expect(failed.stderr).toBe('error: update failed: p:failUp is set (simulated failure)\n')
  })

  it('rejects flags the real command does not take, and up without --yes', async () => {
    const { sim } = await project('name: p\nruntime: nodejs\n')
    await sim(['stack', 'init', 'dev'])
    expect((await sim(['stack', 'init', 'x', '--parallel', '2'])).stderr).toMatch(
      /unknown flag for `pulumi stack init`: --parallel/
    )
    expect((await sim(['up', '--stack', 'dev'])).stderr).toMatch(/--yes must be passed in/)
    expect((await sim([...UP, '--parallel', '0'])).stderr).toMatch(/invalid argument "0"/)
  })
})
