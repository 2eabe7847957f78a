/**
 * The workflows under .github/workflows cannot run here, so check what can be checked:
 * they parse, their jobs hang together, every step that runs this action (`uses: ./`)
 * passes only inputs action.yml declares and reads only outputs it declares, and every
 * other action is pinned to a commit with its version beside it. The release workflow's
 * own shell steps do run here: the tag check against good and bad tags, and the tag
 * move against a scratch repository standing in for GitHub.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isScalar, parse, parseDocument, visit } from 'yaml'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}

interface Job {
  if?: string
  needs?: string | string[]
  steps?: Step[]
  'runs-on'?: unknown
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  env?: Record<string, string>
}

interface Workflow {
  on?: unknown
  permissions?: unknown
  jobs?: Record<string, Job>
}

const ROOT = new URL('../../', import.meta.url)
const WORKFLOWS = new URL('.github/workflows/', ROOT)
const action = parse(readFileSync(new URL('action.yml', ROOT), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const files = readdirSync(WORKFLOWS).filter(name => /\.ya?ml$/.test(name))

/** Every `uses:` in a YAML text (steps and reusable workflows), with its line comment. */
function usesOf(text: string): { uses: string; comment: string }[] {
  const found: { uses: string; comment: string }[] = []
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value))
        found.push({ uses: String(pair.value.value), comment: pair.value.comment?.trim() ?? '' })
    }
  })
  return found
}

/** Third-party: not this repository's action (`./`) nor a container image. */
const thirdParty = (uses: string) => !uses.startsWith('./') && !uses.startsWith('docker://')
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/
const VERSION_COMMENT = /^v\d+(\.\d+){0,2}(\s|$)/

it('finds the workflows', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'codeql.yml', 'release.yml']))
})

describe.each(files)('%s', file => {
  const text = readFileSync(new URL(file, WORKFLOWS), 'utf8')
  const document = parseDocument(text)
  const workflow = document.toJS() as Workflow
  const jobs = Object.entries(workflow.jobs ?? {})

  it('parses as YAML, with triggers and jobs', () => {
    expect(document.errors.map(error => error.message)).toEqual([])
    expect(workflow.on).toBeTruthy()
    expect(jobs.length).toBeGreaterThan(0)
  })

  it('pins every third-party action to a commit SHA, with its version as a comment', () => {
    const uses = usesOf(text)
    expect(uses.length).toBeGreaterThan(0)
    for (const { uses: target, comment } of uses.filter(({ uses }) => thirdParty(uses))) {
      expect(target, `${target}: pin it to a full commit SHA`).toMatch(PINNED)
      expect(comment, `${target}: say its version, "# vX.Y.Z"`).toMatch(VERSION_COMMENT)
    }
  })

  it.each(jobs)(
    'job %s: runs somewhere, needs only jobs that exist, steps do one thing',
    (_, job) => {
      expect(job['runs-on']).toBeTruthy()
      for (const need of [job.needs ?? []].flat())
        expect(Object.keys(workflow.jobs!)).toContain(need)
      for (const step of job.steps ?? []) {
        expect(
          Number(step.uses !== undefined) + Number(step.run !== undefined),
          JSON.stringify(step)
        ).toBe(1)
        // Expressions go into a script through env, never pasted into it (script injection).
        expect(step.run ?? '', JSON.stringify(step)).not.toContain('${{')
      }
    }
  )

  it.each(jobs)('job %s: uses ./ with declared inputs and reads declared outputs', (_, job) => {
    const steps = job.steps ?? []
    for (const step of steps.filter(step => step.uses === './')) {
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(input)
    }
    const uses = new Map(steps.map(step => [step.id, step.uses]))
    for (const [, id, output] of JSON.stringify(job).matchAll(
      /steps\.([\w-]+)\.outputs\.([\w-]+)/g
    )) {
      expect(uses.has(id), `step ${id}`).toBe(true)
      if (uses.get(id) === './') expect(Object.keys(action.outputs)).toContain(output)
    }
  })
})

it('gives one version comment to each pinned commit across the workflows', () => {
  const versions = new Map<string, Set<string>>()
  for (const file of files)
    for (const { uses, comment } of usesOf(readFileSync(new URL(file, WORKFLOWS), 'utf8')))
      if (thirdParty(uses)) {
        const version = comment.split(/\s/)[0] ?? ''
        versions.set(uses, (versions.get(uses) ?? new Set()).add(version))
      }
  for (const [uses, seen] of versions) expect([...seen], uses).toHaveLength(1)
})

it('has Dependabot update npm and the workflow actions weekly, in groups', () => {
  const config = parse(readFileSync(new URL('.github/dependabot.yml', ROOT), 'utf8')) as {
    version: number
    updates: { 'package-ecosystem': string; schedule: { interval: string }; groups?: object }[]
  }
  expect(config.version).toBe(2)
  const ecosystems = config.updates.map(update => update['package-ecosystem'])
  expect(ecosystems).toEqual(expect.arrayContaining(['npm', 'github-actions']))
  for (const update of config.updates) {
    expect(update.schedule.interval).toBe('weekly')
    expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0)
  }
})

describe('release.yml', () => {
  const release = parse(readFileSync(new URL('release.yml', WORKFLOWS), 'utf8')) as Workflow & {
    on: { release?: { types?: string[] } }
  }
  const jobs = release.jobs ?? {}

  /** The one step that moves tags: `git tag -f` and `git push -f`. */
  const moves = Object.entries(jobs).flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter(
        step => /\bgit tag -f\b/.test(step.run ?? '') && /\bgit push -f\b/.test(step.run ?? '')
      )
      .map(step => ({ name, job, step }))
  )
  const move = moves[0]!

  /**
   * `${{ needs.JOB.outputs.X }}` in the move step's env → the job's output X →
   * `${{ steps.ID.outputs.Y }}` → that step of JOB.
   */
  function producer(variable: string): { job: Job; step: Step; output: string } {
    const [, needed, output] = /needs\.([\w-]+)\.outputs\.([\w-]+)/.exec(
      move.step.env?.[variable] ?? ''
    )!
    const job = jobs[needed!]!
    const [, id, stepOutput] = /steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(
      job.outputs?.[output!] ?? ''
    )!
    return { job, step: job.steps!.find(step => step.id === id)!, output: stepOutput! }
  }

  const scratch = mkdtempSync(join(tmpdir(), 'ppg-release-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))
  /** Runs a step's script in bash as Actions does, with GITHUB_OUTPUT; returns status and outputs. */
  function runStep(step: Step, env: Record<string, string>, cwd = scratch) {
    const output = join(scratch, `output-${Math.random().toString(36).slice(2)}`)
    writeFileSync(output, '')
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd,
      encoding: 'utf8',
      env: { ...gitEnv, ...env, GITHUB_OUTPUT: output }
    })
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => line.split(/=(.*)/s).slice(0, 2))
    ) as Record<string, string>
    return { status: result.status, outputs, log: result.stdout + result.stderr }
  }
  // git here must not read the developer's own configuration.
  const gitEnv = {
    PATH: process.env.PATH ?? '',
    HOME: scratch,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.com'
  }

  it('runs on a published release or by hand, never for a pre-release', () => {
    expect(release.on.release?.types).toEqual(['published'])
    expect(Object.keys(release.on)).toEqual(['release', 'workflow_dispatch'])
    const first = Object.values(jobs).find(job => job.needs === undefined)!
    expect(first.if).toContain('!github.event.release.prerelease')
  })

  it('moves tags in one step, of a job that alone may write and runs after the checks', () => {
    expect(moves).toHaveLength(1)
    expect(release.permissions).toEqual({})
    for (const [name, job] of Object.entries(jobs))
      expect(job.permissions?.contents, name).toBe(name === move.name ? 'write' : 'read')
    const checks = [move.job.needs ?? []].flat().map(name => jobs[name]!)
    expect(checks.length).toBeGreaterThan(0)
    const scripts = checks.flatMap(job => job.steps ?? []).map(step => step.run ?? '')
    expect(scripts).toContain('npm ci')
    expect(scripts.join('\n')).toMatch(/npm run bundle[\s\S]*git status --porcelain -- dist/)
    expect(scripts.join('\n')).toMatch(/package\.json/)
    // No code of the release runs where the token can push.
    expect(move.job.steps!.map(step => step.run ?? '').join('\n')).not.toMatch(/\bnpm\b|node /)
  })

  it('moves the major tag only for a stable semver tag vX.Y.Z', () => {
    const major = producer('MAJOR')
    const minor = producer('MINOR')
    expect(major.step).toBe(minor.step)
    // The version step runs before any other step of its job.
    expect(major.job.steps![0]).toBe(major.step)
    const good: [string, string, string][] = [
      ['v1.2.3', 'v1', 'v1.2'],
      ['v0.1.0', 'v0', 'v0.1'],
      ['v10.20.30', 'v10', 'v10.20']
    ]
    for (const [tag, vX, vXY] of good) {
      const { status, outputs, log } = runStep(major.step, { TAG: tag })
      expect(status, log).toBe(0)
      expect(outputs[major.output]).toBe(vX)
      expect(outputs[minor.output]).toBe(vXY)
    }
    const bad = ['v1.2', '1.2.3', 'v1.2.3-rc.1', 'v1.2.3+build', 'v01.2.3', 'v1', 'latest', '']
    for (const tag of [...bad, 'v1.2.3\nv2.0.0', 'v1.2.3 ; echo major=v9']) {
      const { status, outputs } = runStep(major.step, { TAG: tag })
      expect(status, JSON.stringify(tag)).not.toBe(0)
      expect(outputs, JSON.stringify(tag)).toEqual({})
    }
  })

  it('moves vX and vX.Y to the release commit, never back to an older patch', () => {
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv }).trim()
    const origin = join(scratch, 'origin.git')
    const clone = join(scratch, 'clone')
    git(scratch, 'init', '-q', '--bare', origin)
    git(scratch, 'init', '-q', clone)
    git(clone, 'remote', 'add', 'origin', origin)
    const commit = (tag: string) => {
      git(clone, 'commit', '-q', '--allow-empty', '-m', tag)
      git(clone, 'tag', tag)
      git(clone, 'push', '-q', 'origin', `refs/tags/${tag}`)
      return git(clone, 'rev-parse', 'HEAD')
    }
    const remote = (tag: string) => git(origin, 'rev-parse', `refs/tags/${tag}^{commit}`)
    const publish = (tag: string, sha: string, event = 'release') => {
      const [, major, minor] = /^(v\d+)\.(\d+)/.exec(tag)!
      const { status, log } = runStep(
        move.step,
        { TAG: tag, MAJOR: major!, MINOR: `${major}.${minor}`, SHA: sha, EVENT: event },
        clone
      )
      expect(status, log).toBe(0)
    }

    const v100 = commit('v1.0.0')
    publish('v1.0.0', v100)
    expect(remote('v1')).toBe(v100)
    expect(remote('v1.0')).toBe(v100)

    const v110 = commit('v1.1.0')
    publish('v1.1.0', v110)
    expect(remote('v1')).toBe(v110)
    expect(remote('v1.1')).toBe(v110)
    expect(remote('v1.0')).toBe(v100)

    // A fix to the older line: v1.0 follows it, v1 stays on the newer v1.1.0.
    const v101 = commit('v1.0.1')
    publish('v1.0.1', v101)
    expect(remote('v1')).toBe(v110)
    expect(remote('v1.0')).toBe(v101)

    // By hand, to roll back after a bad release: v1 goes back.
    publish('v1.0.1', v101, 'workflow_dispatch')
    expect(remote('v1')).toBe(v101)
  })
})
