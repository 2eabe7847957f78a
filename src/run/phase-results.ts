/**
 * From what was measured to the results file, phase by phase (docs/phases.md): Pulumi
 * runs label every result with its phase; generic mode's one comparison is no Pulumi
 * phase and keeps the file of one comparison it always had.
 */
import { basename } from 'node:path'
import { COMMAND_PHASE, phaseMeasurement } from '../bench/cycle-steps'
import type { Environment } from '../bench/environment'
import type { GroupName, Measurement, ScheduleEntry } from '../bench/types'
import type { RunConfig } from '../config/run-config'
import {
  phasedResultsFile,
  resultsFile,
  type GroupSource,
  type PhaseSource
} from '../results/build'
import { partialResultsFile, type PartialResultsFile } from '../results/partial'
import type { ResultsFile } from '../results/schema'
import type { PhaseFamily } from '../stats/phases'
import type { PreparedTarget } from './targets'

type Extra = { schedule?: ScheduleEntry[]; environment?: Environment }

/** The phases a run times, in the order listed: the comparisons of its family. */
export function runPhases(config: RunConfig): string[] {
  return config.target.kind === 'pulumi' ? [...config.phases] : [COMMAND_PHASE]
}

/** Each phase's two groups: their commands and what was measured of them. */
export function phaseSources(
  target: PreparedTarget,
  measurement: Measurement,
  phases: readonly string[]
): PhaseSource[] {
  return phases.map(phase => {
    const samples = phaseMeasurement(measurement, phase)
    const source = (index: 0 | 1): GroupSource => {
      const group = target.groups[index]
      const { command } = group.cycle.find(entry => entry.phase === phase)!.step
      return {
        name: group.name,
        command:
          command.kind === 'shell'
            ? command.script
            : [basename(command.file), ...command.args].join(' '),
        times: samples.times[group.name],
        exitCodes: samples.exitCodes[group.name],
        resources: samples.resources[group.name],
        ...(target.versions ? { version: target.versions[group.name] } : {})
      }
    }
    return { phase, sources: { baseline: source(0), candidate: source(1) } }
  })
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

export function partialRunResults(
  config: RunConfig,
  sources: readonly PhaseSource[],
  error: unknown,
  extra: Extra
): PartialResultsFile {
  const phases: Array<{ phase?: string; sources: Record<GroupName, GroupSource> }> =
    config.target.kind === 'pulumi' ? [...sources] : [{ sources: sources[0]!.sources }]
  return partialResultsFile(config, phases, error, extra)
}
