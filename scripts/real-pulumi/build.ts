/**
 * Builds the real Pulumi CLIs from Pulumi's Go modules and packs each as the release
 * archive get.pulumi.com serves (`pulumi-vX-<os>-<arch>.tar.gz` holding `pulumi/`, and
 * `pulumi-X-checksums.txt`), so the product's real installer, checksum check and tool
 * cache run on them from a loopback release server. Also builds the test provider
 * (fixtures/providers/perfgate) and a Python virtualenv with Pulumi's SDK.
 *
 * Everything lands in a cache outside the repository, keyed by version (or by the hash of
 * what it is built from), so a warm run builds nothing:
 *   $PULUMI_PERF_GATE_REAL_CACHE (default ~/.cache/pulumi-perf-gate/real-pulumi)
 *     releases/       the archives and checksum files (the folder the tests serve)
 *     build/vX/       the small Go module each CLI is built from
 *     provider-<hash>/pulumi-resource-perfgate
 *     python-<hash>/  the virtualenv
 *
 * Run by scripts/build-real-pulumi.ts (`npm run build:real-pulumi -- [VERSION ...]`) and
 * by the real-CLI tests' global setup; progress goes to stderr.
 *
 * Why a module of our own: `pkg/v3` and `sdk/v3` carry `replace` lines (the repository's
 * own `../sdk`, and forks such as github.com/tgummerer/clipboard), so `go install …@vX`
 * refuses them. A module that requires both at vX and repeats the non-local replaces
 * builds what the release builds.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PYTHON_SDK, PYTHON_SDK_DEPS, REAL_PULUMI, type RealPulumiSpec } from './versions'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PROVIDER_SOURCE = path.join(ROOT, 'fixtures/providers/perfgate')
const PKG = 'github.com/pulumi/pulumi/pkg/v3'
const SDK = 'github.com/pulumi/pulumi/sdk/v3'
const YAML = 'github.com/pulumi/pulumi-yaml'
const YAML_HOST = `${YAML}/cmd/pulumi-language-yaml`

/** Where the version is stamped: `pkg/v3/version` before ~3.1xx, `sdk/v3/go/common/version` after; -X skips the missing one. */
const VERSION_SYMBOLS = [`${PKG}/version.Version`, `${SDK}/go/common/version.Version`]

export function cacheRoot(): string {
  return (
    process.env.PULUMI_PERF_GATE_REAL_CACHE ??
    path.join(os.homedir(), '.cache', 'pulumi-perf-gate', 'real-pulumi')
  )
}

/** This machine in the release archives' words. */
export function releasePlatform(): { os: string; arch: string } {
  const osName = ({ linux: 'linux', darwin: 'darwin' } as Record<string, string>)[process.platform]
  const arch = ({ x64: 'x64', arm64: 'arm64' } as Record<string, string>)[process.arch]
  if (!osName || !arch)
    throw new Error(`no Pulumi release archives for ${process.platform}/${process.arch}`)
  return { os: osName, arch }
}

export function archiveName(version: string): string {
  const { os: osName, arch } = releasePlatform()
  return `pulumi-v${version}-${osName}-${arch}.tar.gz`
}

function log(line: string): void {
  process.stderr.write(`real-pulumi: ${line}\n`)
}

function run(file: string, args: string[], options: ExecFileSyncOptions = {}): string {
  return execFileSync(file, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    ...options
  }) as string
}

function goEnv(): NodeJS.ProcessEnv {
  // -mod=mod: our module's go.sum is written as it resolves. CGO off, as the releases build.
  return { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0', GOWORK: 'off' }
}

function go(args: string[], cwd: string): string {
  return run('go', args, { cwd, env: goEnv() })
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function hashOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12)
}

/** The `replace` lines of a module's go.mod that point at another module (not at a folder of the repository). */
function moduleReplaces(goModText: string): string[] {
  const replaces: string[] = []
  const lines = goModText.split('\n')
  let inBlock = false
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (line === 'replace (') inBlock = true
    else if (inBlock && line === ')') inBlock = false
    const body = inBlock ? line : line.startsWith('replace ') ? line.slice('replace '.length) : ''
    const [, from, to, version] = /^(\S+)(?:\s+\S+)?\s+=>\s+(\S+)\s+(\S+)$/.exec(body) ?? []
    if (from && to && version && !to.startsWith('.')) replaces.push(`${from}=${to}@${version}`)
  }
  return replaces
}

/** Builds one CLI into the release archive and checksum file, unless they are there. */
export function buildCli(spec: RealPulumiSpec): string {
  const { version } = spec
  const releases = path.join(cacheRoot(), 'releases')
  const archive = path.join(releases, archiveName(version))
  const checksums = path.join(releases, `pulumi-${version}-checksums.txt`)
  if (existsSync(archive) && existsSync(checksums)) return archive
  const started = Date.now()
  log(`building pulumi v${version} from ${PKG}@v${version}`)
  const dir = path.join(cacheRoot(), 'build', `v${version}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const mains = [`${PKG}/cmd/pulumi`]
  if (spec.python) mains.push(`${SDK}/python/cmd/pulumi-language-python`)
  if (spec.yaml) mains.push(YAML_HOST)
  writeFileSync(path.join(dir, 'go.mod'), 'module perfgate.local/real-pulumi\n\ngo 1.21\n')
  writeFileSync(
    path.join(dir, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport (\n${mains.map(m => `\t_ "${m}"`).join('\n')}\n)\n`
  )
  const requires = [`${PKG}@v${version}`, `${SDK}@v${version}`]
  if (spec.yaml) requires.push(`${YAML}@${spec.yaml}`)
  go(['mod', 'edit', ...requires.map(r => `-require=${r}`)], dir)
  const pkgMod = JSON.parse(go(['mod', 'download', '-json', `${PKG}@v${version}`], dir)) as {
    GoMod: string
  }
  for (const replace of moduleReplaces(readFileSync(pkgMod.GoMod, 'utf8'))) {
    go(['mod', 'edit', `-replace=${replace}`], dir)
  }
  go(['mod', 'tidy', '-e'], dir)
  // A language host's own requirements must not move the CLI off its version.
  for (const module of [PKG, SDK]) {
    const resolved = go(['list', '-m', '-f', '{{.Version}}', module], dir).trim()
    if (resolved !== `v${version}`) {
      throw new Error(
        `${module} resolved to ${resolved}, not v${version}: a language host needs a newer one`
      )
    }
  }
  const stage = path.join(dir, 'stage', 'pulumi')
  mkdirSync(stage, { recursive: true })
  const ldflags = ['-s', '-w', ...VERSION_SYMBOLS.map(s => `-X ${s}=v${version}`)].join(' ')
  for (const main of mains) {
    const binary = path.join(stage, path.basename(main))
    log(`  go build ${main}`)
    try {
      go(['build', ...buildFlags(ldflags), '-o', binary, main], dir)
    } catch (error) {
      // pulumi-yaml is built in its own repository against the pkg/v3 it requires; the
      // CLI's newer pkg/v3 may have changed the APIs it calls. Then it gets a module of
      // its own, as in its release.
      if (main !== YAML_HOST || !spec.yaml) throw error
      log(`  ${YAML_HOST} does not compile against pkg/v3 v${version}: building it on its own`)
      copyFileSync(buildYamlHost(spec.yaml), binary)
    }
  }
  if (spec.python) {
    // What the release archive ships beside the Python host (scripts/prep-for-goreleaser.sh):
    // the program runner, whose executor settings are the seed's fix, and the dynamic provider.
    const sdkDir = go(['list', '-m', '-f', '{{.Dir}}', SDK], dir).trim()
    for (const script of [
      'python/cmd/pulumi-language-python-exec',
      'python/dist/pulumi-resource-pulumi-python',
      'python/dist/pulumi-analyzer-policy-python'
    ]) {
      const source = path.join(sdkDir, script)
      if (!existsSync(source)) continue
      const target = path.join(stage, path.basename(script))
      copyFileSync(source, target)
      chmodSync(target, 0o755)
    }
  }
  mkdirSync(releases, { recursive: true })
  const partial = `${archive}.partial`
  run('tar', ['-czf', partial, '-C', path.dirname(stage), 'pulumi'])
  renameSync(partial, archive)
  writeFileSync(checksums, `${sha256(archive)}  ${path.basename(archive)}\n`)
  rmSync(path.join(dir, 'stage'), { recursive: true, force: true })
  log(`built pulumi v${version} in ${Math.round((Date.now() - started) / 1000)} s`)
  return archive
}

function buildFlags(ldflags: string): string[] {
  return ['-trimpath', '-tags', 'osusergo', '-ldflags', ldflags]
}

/** The YAML language host at `yamlVersion`, in a module of its own with the pkg/v3 it requires. */
function buildYamlHost(yamlVersion: string): string {
  const dir = path.join(cacheRoot(), 'build', `yaml-${yamlVersion}`)
  const binary = path.join(dir, 'pulumi-language-yaml')
  if (existsSync(binary)) return binary
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'go.mod'), 'module perfgate.local/real-pulumi-yaml\n\ngo 1.21\n')
  writeFileSync(
    path.join(dir, 'tools.go'),
    `//go:build tools\n\npackage tools\n\nimport _ "${YAML_HOST}"\n`
  )
  go(['mod', 'edit', `-require=${YAML}@${yamlVersion}`], dir)
  const yamlMod = JSON.parse(go(['mod', 'download', '-json', `${YAML}@${yamlVersion}`], dir)) as {
    GoMod: string
  }
  for (const replace of moduleReplaces(readFileSync(yamlMod.GoMod, 'utf8'))) {
    go(['mod', 'edit', `-replace=${replace}`], dir)
  }
  go(['mod', 'tidy', '-e'], dir)
  const ldflags = `-s -w -X ${YAML}/pkg/version.Version=${yamlVersion}`
  go(['build', ...buildFlags(ldflags), '-o', `${binary}.partial`, YAML_HOST], dir)
  renameSync(`${binary}.partial`, binary)
  return binary
}

/** Builds fixtures/providers/perfgate, keyed by the hash of its sources. */
export function buildProvider(): string {
  const files = ['go.mod', 'go.sum', 'main.go'].map(f =>
    readFileSync(path.join(PROVIDER_SOURCE, f), 'utf8')
  )
  const dir = path.join(cacheRoot(), `provider-${hashOf(files)}`)
  const binary = path.join(dir, 'pulumi-resource-perfgate')
  if (existsSync(binary)) return binary
  log('building the perfgate provider')
  mkdirSync(dir, { recursive: true })
  run('go', ['build', '-trimpath', '-o', `${binary}.partial`, '.'], {
    cwd: PROVIDER_SOURCE,
    env: { ...process.env, GOFLAGS: '-mod=readonly', CGO_ENABLED: '0', GOWORK: 'off' }
  })
  renameSync(`${binary}.partial`, binary)
  return binary
}

/** A virtualenv with Pulumi's Python SDK, keyed by what is installed in it. */
export function buildPythonVenv(): string {
  const packages = [PYTHON_SDK, ...PYTHON_SDK_DEPS]
  const python = process.env.PYTHON ?? 'python3'
  const pythonVersion = run(python, ['--version']).trim()
  const dir = path.join(cacheRoot(), `python-${hashOf([pythonVersion, ...packages])}`)
  const done = path.join(dir, '.complete')
  if (existsSync(done)) return dir
  log(`making a virtualenv with ${packages.join(' ')}`)
  rmSync(dir, { recursive: true, force: true })
  run(python, ['-m', 'venv', dir])
  const pip = path.join(dir, 'bin', 'pip')
  run(pip, ['install', '--quiet', '--disable-pip-version-check', '--no-deps', ...packages])
  writeFileSync(done, `${packages.join('\n')}\n`)
  return dir
}

/** What the real-CLI tests get: where the releases, the provider and the virtualenv are. */
export interface RealPulumiBuild {
  /** The folder of release archives and checksum files, to serve. */
  releases: string
  /** The perfgate provider binary. */
  provider: string
  /** A virtualenv with Pulumi's Python SDK. */
  venv: string
  versions: string[]
}

/** Builds what the real-CLI tests need; returns where it is. */
export function buildAll(versions = REAL_PULUMI.map(spec => spec.version)): RealPulumiBuild {
  const specs = versions.map(version => {
    const spec = REAL_PULUMI.find(s => s.version === version)
    if (!spec)
      throw new Error(
        `no build recipe for pulumi ${version}: add it to scripts/real-pulumi/versions.ts`
      )
    return spec
  })
  for (const spec of specs) buildCli(spec)
  return {
    releases: path.join(cacheRoot(), 'releases'),
    provider: buildProvider(),
    venv: buildPythonVenv(),
    versions
  }
}
