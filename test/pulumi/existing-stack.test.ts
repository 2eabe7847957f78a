import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { checkStackIsNew, localBackendFolder } from '../../src/pulumi/stack/existing-stack'
import { checkStackPrefix } from '../../src/pulumi/stack/stack-name'
import { makeGroupBackends } from '../../src/pulumi/stack/stacks'

/** A program folder (project `infra`) and an empty backend folder. */
function scratch() {
  const root = mkdtempSync(path.join(tmpdir(), 'perf-gate-existing-'))
  const programDir = path.join(root, 'program')
  const backendDir = path.join(root, 'backend')
  mkdirSync(programDir)
  mkdirSync(backendDir)
  writeFileSync(
    path.join(programDir, 'Pulumi.yaml'),
    'name: "infra" # the project\nruntime: python\n'
  )
  const put = (file: string) => {
    mkdirSync(path.dirname(path.join(backendDir, file)), { recursive: true })
    writeFileSync(path.join(backendDir, file), '{}')
  }
  return { programDir, backendDir, backendUrl: pathToFileURL(backendDir).href, put }
}

const check = (target: Parameters<typeof checkStackIsNew>[0]) => () =>
  checkStackIsNew(target, 'stack-prefix')

describe('checkStackIsNew', () => {
  it.each([
    '.pulumi/stacks/infra/team-baseline.json',
    '.pulumi/stacks/infra/team-baseline.json.gz',
    '.pulumi/stacks/infra/team-baseline.json.zst',
    '.pulumi/stacks/team-baseline.json'
  ])('refuses a stack whose checkpoint %s is in the file backend', file => {
    const { programDir, backendUrl, put } = scratch()
    put(file)
    const run = check({ programDir, stack: 'team-baseline', backendUrl })
    expect(run).toThrow(InputError)
    expect(run).toThrow(
      `stack-prefix: stack team-baseline already exists in ${backendUrl}; pulumi-perf-gate only destroys stacks it creates: choose another stack-prefix, or leave it unset for a unique one`
    )
  })

  it("accepts a stack of the same name in another project's folder", () => {
    const { programDir, backendUrl, put } = scratch()
    put('.pulumi/stacks/other/team-baseline.json')
    expect(check({ programDir, stack: 'team-baseline', backendUrl })).not.toThrow()
  })

  it('refuses a settings file of that stack in the program folder, on any backend', () => {
    const { programDir } = scratch()
    writeFileSync(path.join(programDir, 'Pulumi.team-baseline.yaml'), 'config: {}\n')
    for (const backendUrl of [undefined, 'https://api.pulumi.com', 's3://bucket']) {
      expect(check({ programDir, stack: 'team-baseline', backendUrl })).toThrow(
        /^stack-prefix: the settings of a stack team-baseline already exist \(.*Pulumi\.team-baseline\.yaml\); /
      )
    }
  })

  it('cannot look into other backends, and a fresh backend of our own holds nothing', () => {
    const { programDir } = scratch()
    for (const backendUrl of [undefined, 'https://api.pulumi.com', 's3://bucket/state']) {
      expect(check({ programDir, stack: 'team-baseline', backendUrl })).not.toThrow()
    }
  })
})

describe('localBackendFolder', () => {
  it('reads the forms Pulumi accepts, and nothing for other backends', () => {
    expect(localBackendFolder('file:///tmp/state')).toBe(path.resolve('/tmp/state'))
    expect(localBackendFolder('file:///tmp/my%20state?no_tmp_dir=true')).toBe(
      path.resolve('/tmp/my state')
    )
    expect(localBackendFolder('file://~')).toBe(homedir())
    expect(localBackendFolder('file://~/state')).toBe(path.join(homedir(), 'state'))
    expect(localBackendFolder('https://api.pulumi.com')).toBeUndefined()
    expect(localBackendFolder('s3://bucket')).toBeUndefined()
  })
})

describe('checkStackPrefix', () => {
  it("accepts Pulumi's stack-name characters, with room for -candidate", () => {
    expect(checkStackPrefix('team_1.perf-gate', 'stack-prefix')).toBe('team_1.perf-gate')
    expect(checkStackPrefix('x'.repeat(90), 'stack-prefix')).toHaveLength(90)
  })

  it.each(['', 'team/perf', 'org/project/perf', 'team perf', 'tëam', 'x'.repeat(91)])(
    'refuses %j in one line naming the input',
    prefix => {
      expect(() => checkStackPrefix(prefix, 'stack-prefix')).toThrow(InputError)
      expect(() => checkStackPrefix(prefix, 'stack-prefix')).toThrow(
        `stack-prefix: ${JSON.stringify(prefix)} is not valid; expected letters, digits, "-", "_" or "." (Pulumi's stack-name rules), at most 90 characters`
      )
    }
  )
})

describe('makeGroupBackends', () => {
  it('names each folder by a URL that reads back as that folder, whatever % the path holds', async () => {
    for (const odd of ['temp %41', 'temp%zz', 'a b#c?d']) {
      const parent = path.join(mkdtempSync(path.join(tmpdir(), 'ppg-url-')), odd)
      const { folder: own, urls } = await makeGroupBackends(parent, ['baseline'] as const)
      const folder = localBackendFolder(urls.baseline)!
      expect(folder, odd).toBe(path.join(own, 'baseline'))
      expect(path.dirname(own), odd).toBe(parent)
      expect(statSync(folder).isDirectory()).toBe(true)
      rmSync(path.dirname(parent), { recursive: true, force: true })
    }
  })
})
