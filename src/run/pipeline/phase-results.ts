/**
 * From what was measured to the results file, phase by phase (docs/phases.md): Pulumi
 * runs label every result with its phase; generic mode's one comparison is no Pulumi
 * phase and keeps the file of one comparison it always had.
 */
import { basename } from 'node:path'
import { COMMAND_PHASE, phaseMeasurement } from '../../bench/cycle/cycle-steps'
import type { Environment } from '../../bench/environment'
import type { Measurement, ScheduleEntry } from '../../bench/types'
import type { RunConfig } from '../../config/run-config'
import {
  phasedResultsFile,
  resultsFile,
  type GroupSource,
  type PhaseSource
} from '../../results/build/build'
import { partialResultsFile, type PartialResultsFile } from '../../results/build/partial'
import type { ResultsFile } from '../../results/schema'
import type { SweepSource } from '../../results/build/sweep-build'
import type { PhaseFamily } from '../../stats/phases'
import type { PreparedTarget } from './targets'

type Extra = { schedule?: ScheduleEntry[]; environment?: Environment }

/** The phases a run times, in the order listed: the comparisons of its family. */
export function runPhases(config: RunConfig): string[] {
  return config.target.kind === 'pulumi' ? [...config.phases] : [COMMAND_PHASE]
}

/** Each phase's groups, in the order of `target.groups`: their commands and what was measured. */
export function phaseGroupSources(
  target: PreparedTarget,
  measurement: Measurement<string>,
  phases: readonly string[]
): { phase: string; sources: GroupSource[] }[] {
  return phases.map(phase => {
    const samples = phaseMeasurement(measurement, phase)
    const sources = target.groups.map((group): GroupSource => {
      const { command } = group.cycle.find(entry => entry.phase === phase)!.step
      return {
        name: group.name,
        command:
          command.kind === 'shell'
            ? command.script
            : [basename(command.file), ...command.args].join(' '),
        times: samples.times[group.name] ?? [],
        exitCodes: samples.exitCodes[group.name] ?? [],
        resources: samples.resources[group.name] ?? [],
        ...(target.versions?.[group.name] === undefined
          ? {}
          : { version: target.versions[group.name] })
      }
    })
    return { phase, sources }
  })
}

/** Each phase's two groups: their commands and what was measured of them. */
export function phaseSources(
  target: PreparedTarget,
  measurement: Measurement<string>,
  phases: readonly string[]
): PhaseSource[] {
  return phaseGroupSources(target, measurement, phases).map(({ phase, sources }) => ({
    phase,
    sources: { baseline: sources[0]!, candidate: sources[1]! }
  }))
}

/**
 * A sweep's groups (docs/sweep.md) under the names its report shows: each group's label
 * (`pulumi 3.44.2`, the command), with its own name after it where labels repeat.
 */
export function sweepSource(
  config: RunConfig,
  target: PreparedTarget,
  measurement: Measurement<string>,
  phases: readonly string[]
): SweepSource {
  const labels = target.groups.map(group => group.label)
  const names = target.groups.map(group =>
    labels.indexOf(group.label) === labels.lastIndexOf(group.label)
      ? group.label
      : `${group.label} (${group.name})`
  )
  const named = phaseGroupSources(target, measurement, phases).map(({ phase, sources }) => ({
    ...(config.target.kind === 'pulumi' ? { phase } : {}),
    sources: sources.map((source, index) => ({ ...source, name: names[index]! }))
  }))
  return { names, baseline: 0, phases: named }
}

export function runResults(
  config: RunConfig,
  sources: readonly PhaseSource[],
  family: PhaseFamily,
  extra: Extra
): ResultsFile {
  if (config.target.kind === 'pulumi') {
    return phasedResultsFile(config.name, sources, family, extra)
  }
  return resultsFile(config.name, sources[0]!.sources, family.analyses[0]!, extra)
}

/** What a run that stopped leaves: every group's samples so far, phase by phase. */
export function partialRunResults(
  config: RunConfig,
  sources: readonly { phase: string; sources: readonly GroupSource[] }[],
  error: unknown,
  extra: Extra
): PartialResultsFile {
  const byName = (groups: readonly GroupSource[]): Record<string, GroupSource> =>
    Object.fromEntries(groups.map(source => [source.name, source]))
  const phases: Array<{ phase?: string; sources: Record<string, GroupSource> }> =
    config.target.kind === 'pulumi'
      ? sources.map(({ phase, sources: groups }) => ({ phase, sources: byName(groups) }))
      : [{ sources: byName(sources[0]!.sources) }]
  return partialResultsFile(config, phases, error, extra)
}
