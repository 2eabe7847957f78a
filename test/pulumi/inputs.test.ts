import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { parseChecksums } from '../../src/pulumi/install/checksums'
import { configValues, parseConfigInput } from '../../src/pulumi/stack/config-input'
import { pulumiPlatform } from '../../src/pulumi/install/platform'
import { checkProgramFolder } from '../../src/pulumi/program'
import {
  archiveFileName,
  checksumsFileName,
  latestVersionUrl,
  releaseFileUrl
} from '../../src/pulumi/install/releases'
import { parseVersionSpec } from '../../src/pulumi/versions/version-spec'

describe('parseVersionSpec', () => {
  const parse = (value: string, allowInstalled = true) =>
    parseVersionSpec(value, 'candidate-version', { allowInstalled })

  it('reads versions with or without v, pre-releases included', () => {
    expect(parse('3.43.1')).toEqual({ kind: 'version', version: '3.43.1' })
    expect(parse(' v3.43.1 ')).toEqual({ kind: 'version', version: '3.43.1' })
    expect(parse('3.100.0-alpha.1')).toEqual({ kind: 'version', version: '3.100.0-alpha.1' })
  })

  it('reads latest, installed and paths', () => {
    expect(parse('latest')).toEqual({ kind: 'latest' })
    expect(parse('installed')).toEqual({ kind: 'installed' })
    expect(parse('./bin/pulumi')).toEqual({ kind: 'path', path: './bin/pulumi' })
    expect(parse('/usr/local/bin')).toEqual({ kind: 'path', path: '/usr/local/bin' })
    expect(parse('C:\\pulumi\\bin')).toEqual({ kind: 'path', path: 'C:\\pulumi\\bin' })
  })

  it('names the input, the value and the allowed forms otherwise', () => {
    expect(() => parse('3.x')).toThrow(InputError)
    expect(() => parse('3.x')).toThrow(
      'candidate-version: "3.x" is not allowed; use a version like 3.43.1 or v3.43.1, latest, installed, ' +
        'a path to a pulumi binary or to a folder holding one (e.g. ./bin/pulumi)'
    )
    expect(() => parse('installed', false)).toThrow(/"installed" is not allowed; .*latest, a path/)
  })
})

describe('release names', () => {
  it('match the published archive, checksum and latest-version names', () => {
    expect(archiveFileName('3.43.1', { os: 'linux', arch: 'x64' }, 'tar.gz')).toBe(
      'pulumi-v3.43.1-linux-x64.tar.gz'
    )
    expect(archiveFileName('3.44.3', { os: 'windows', arch: 'arm64' }, 'zip')).toBe(
      'pulumi-v3.44.3-windows-arm64.zip'
    )
    expect(checksumsFileName('3.43.1')).toBe('pulumi-3.43.1-checksums.txt')
    expect(releaseFileUrl('https://mirror/sdk/', 'a.txt')).toBe('https://mirror/sdk/a.txt')
    expect(latestVersionUrl('https://get.pulumi.com/releases/sdk')).toBe(
      'https://www.pulumi.com/latest-version'
    )
    expect(latestVersionUrl('http://127.0.0.1:8080/sdk/')).toBe(
      'http://127.0.0.1:8080/sdk/latest-version'
    )
  })

  it('map Node platforms to Pulumi names, and refuse the others', () => {
    expect(pulumiPlatform('linux', 'x64')).toEqual({
      os: 'linux',
      arch: 'x64',
      archiveExtension: 'tar.gz',
      binaryName: 'pulumi'
    })
    expect(pulumiPlatform('darwin', 'arm64')).toMatchObject({ os: 'darwin', arch: 'arm64' })
    expect(pulumiPlatform('win32', 'x64')).toMatchObject({
      os: 'windows',
      archiveExtension: 'zip',
      binaryName: 'pulumi.exe'
    })
    expect(() => pulumiPlatform('freebsd', 'x64')).toThrow(/not for freebsd\/x64/)
    expect(() => pulumiPlatform('linux', 'ia32')).toThrow(InputError)
  })

  it('read sha256sum-style checksum files', () => {
    const digest = 'AB'.repeat(32)
    const checksums = parseChecksums(
      `${digest}  pulumi-v3.43.1-linux-x64.tar.gz\n${'c'.repeat(64)} *pulumi-v3.43.1-windows-x64.zip\r\nnot a line\n`
    )
    expect([...checksums]).toEqual([
      ['pulumi-v3.43.1-linux-x64.tar.gz', digest.toLowerCase()],
      ['pulumi-v3.43.1-windows-x64.zip', 'c'.repeat(64)]
    ])
  })
})

describe('parseConfigInput', () => {
  it('reads key: value lines, namespaced keys and quoted values', () => {
    const text = '\n# sizes\nresources: 200\naws:region: us-east-1\nname: "a: b"\nempty:\n'
    expect(parseConfigInput(text)).toEqual([
      { key: 'resources', value: '200' },
      { key: 'aws:region', value: 'us-east-1' },
      { key: 'name', value: 'a: b' },
      { key: 'empty', value: '' }
    ])
  })

  it('names the input, the line and the form for a malformed line, never its text', () => {
    expect(() => parseConfigInput('resources: 1\nlatencyMs=5')).toThrow(
      'config: line 2 is not allowed; write one "key: value" per line'
    )
    expect(() => parseConfigInput('aws:region:us-east-1')).toThrow(InputError)
    for (const secret of ['dbPassword:Hunter2-prod-db', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']) {
      expect(() => parseConfigInput(`region: eu\n${secret}`)).toThrow(/^config: line 2 is not/)
    }
  })

  it('lists every value as a secret, also beside a malformed line', () => {
    const text = '# comment\naws:region: us-east-1\ndbPassword: "Hunter2 prod"\nbroken\nempty:'
    expect(configValues(text)).toEqual(['us-east-1', 'Hunter2 prod'])
  })
})

describe('checkProgramFolder', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'perf-gate-program-'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('accepts a folder with Pulumi.yaml or Pulumi.yml', async () => {
    const yml = path.join(root, 'yml')
    await mkdir(yml)
    await writeFile(path.join(yml, 'Pulumi.yml'), 'name: p\nruntime: nodejs\n')
    expect(checkProgramFolder(yml, 'program')).toBe(yml)
  })

  it('names the input and the folder when there is no program', async () => {
    const empty = path.join(root, 'empty')
    await mkdir(empty)
    expect(() => checkProgramFolder(empty, 'baseline-program')).toThrow(
      `baseline-program: ${empty} holds no Pulumi.yaml; give the folder of a Pulumi program`
    )
    expect(() => checkProgramFolder(path.join(root, 'missing'), 'program')).toThrow(
      /^program: .*missing is not a folder/
    )
  })
})
