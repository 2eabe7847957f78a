/**
 * The inputs of `bisect` (docs/bisect.md): `good` and `bad` (two Pulumi releases, the
 * ones between them from the release index), or `versions` (a list, good first, bad
 * last: versions or paths to CLIs a user built), plus every input of a Pulumi run but
 * the two versions, which the steps set.
 */
import { InputError } from '../core/errors/errors'
import { checkStackPrefix } from '../pulumi/stack/stack-name'
import { stableVersion } from '../core/release-version'
import { parseVersionSpec } from '../pulumi/versions/version-spec'
import { Input, type RawInputs } from './inputs'
import { inputValue, parseRunConfig, type RunConfig } from './run-config'

/** Where the versions to bisect come from. */
export type BisectList =
  { kind: 'releases'; good: string; bad: string } | { kind: 'list'; versions: string[] }

export interface BisectConfig {
  /** Every step's settings; a step sets its candidate, stacks, alpha and folder. */
  run: RunConfig
  list: BisectList
}

/** The most versions a list may name: a bisect of them takes 1 + ⌈log₂ 999⌉ = 11 steps. */
const MAX_LISTED = 1000

export function parseBisectConfig(raw: RawInputs, env: NodeJS.ProcessEnv): BisectConfig {
  for (const input of [
    Input.BaselineVersion,
    Input.CandidateVersion,
    Input.BaselineCommand,
    Input.CandidateCommand
  ]) {
    if (inputValue(raw, input) !== undefined) {
      throw new InputError(
        `${input} does not apply to bisect: every step compares ${Input.Good} (its baseline) with a version between ${Input.Good} and ${Input.Bad}; leave ${input} out`
      )
    }
  }
  const list = parseList(raw)
  const [first, last] =
    list.kind === 'releases' ? [list.good, list.bad] : [list.versions[0]!, list.versions.at(-1)!]
  const run = parseRunConfig(
    { ...raw, [Input.BaselineVersion]: first, [Input.CandidateVersion]: last },
    env
  )
  if (run.target.kind === 'pulumi') {
    // Step k's stacks are <prefix>-s<k>-baseline and -candidate.
    checkStackPrefix(`${run.target.stackPrefix}-s99`, Input.StackPrefix)
  }
  return { run, list }
}

function parseList(raw: RawInputs): BisectList {
  const given = inputValue(raw, Input.Versions)
  const good = inputValue(raw, Input.Good)
  const bad = inputValue(raw, Input.Bad)
  if (given !== undefined) {
    if (good !== undefined || bad !== undefined) {
      throw new InputError(
        `${Input.Versions} names good (first) and bad (last) itself; leave ${Input.Good} and ${Input.Bad} out`
      )
    }
    // Commas or lines: a path may hold spaces.
    const versions = given
      .split(/[,\n]/)
      .map(entry => entry.trim())
      .filter(Boolean)
    if (versions.length < 2 || versions.length > MAX_LISTED) {
      throw new InputError(
        `${Input.Versions}: give from 2 to ${MAX_LISTED} versions or paths to pulumi, oldest (good) first, separated by commas or lines`
      )
    }
    for (const version of versions)
      parseVersionSpec(version, Input.Versions, { allowInstalled: false })
    if (new Set(versions).size < versions.length) {
      throw new InputError(`${Input.Versions}: a version or path is listed twice; list each once`)
    }
    return { kind: 'list', versions }
  }
  if (good === undefined || bad === undefined) {
    throw new InputError(
      `bisect needs ${Input.Good} and ${Input.Bad} (two Pulumi releases, e.g. 3.181.0 and 3.226.0), or ${Input.Versions} (a list, good first)`
    )
  }
  return {
    kind: 'releases',
    good: releaseVersion(Input.Good, good),
    bad: releaseVersion(Input.Bad, bad)
  }
}

function releaseVersion(input: Input, value: string): string {
  const version = stableVersion(value)
  if (version === null) {
    throw new InputError(
      `${input}: ${JSON.stringify(value)} is not a release; expected a version such as 3.181.0 (for CLIs you built, list their paths in ${Input.Versions})`
    )
  }
  return version
}
