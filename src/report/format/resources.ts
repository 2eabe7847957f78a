/**
 * The CPU and memory columns of the group table, beside wall time
 * (docs/cpu-and-memory.md): shown only when some group has the figure, `-` for a group
 * without it.
 * They inform; wall time alone decides the verdict.
 */
import type { GroupResult } from '../../results/schema'
import { formatDurationColumn } from './numbers'

export interface ResourceColumns {
  header: string[]
  /** One row of cells per group, in the order given. */
  cells: string[][]
}

export function resourceColumns(groups: readonly GroupResult[]): ResourceColumns {
  const columns: { header: string; cells: string[] }[] = []
  const cpu = groups.map(group =>
    group.user === undefined || group.system === undefined ? NaN : group.user + group.system
  )
  if (cpu.some(Number.isFinite)) {
    columns.push({ header: 'CPU (user + sys)', cells: formatDurationColumn(cpu) })
  }
  const memory = groups.map(group =>
    group.memory_usage_byte?.length ? mean(group.memory_usage_byte) : NaN
  )
  if (memory.some(Number.isFinite)) {
    columns.push({ header: 'Peak memory', cells: formatBytesColumn(memory) })
  }
  return {
    header: columns.map(column => column.header),
    cells: groups.map((_, index) => columns.map(column => column.cells[index] ?? '-'))
  }
}

const UNITS = [
  { suffix: 'GiB', bytes: 2 ** 30, decimals: 2 },
  { suffix: 'MiB', bytes: 2 ** 20, decimals: 1 },
  { suffix: 'KiB', bytes: 2 ** 10, decimals: 0 }
]

/** Byte counts in one binary unit, chosen by the largest: `205.6 MiB`, `1.25 GiB`. */
export function formatBytesColumn(values: readonly number[]): string[] {
  const largest = Math.max(0, ...values.filter(Number.isFinite))
  const unit = UNITS.find(candidate => largest >= candidate.bytes) ?? UNITS[UNITS.length - 1]!
  return values.map(value =>
    Number.isFinite(value) ? `${(value / unit.bytes).toFixed(unit.decimals)} ${unit.suffix}` : '-'
  )
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
