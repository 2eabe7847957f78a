import { cpus } from 'node:os'

/**
 * How many resource operations a Pulumi runs at once when `--parallel` is not given: no
 * limit before 3.100, 4 × CPUs from 3.100 (pkg/cmd/pulumi/up.go, `defaultParallel`), and
 * from 3.154 the PULUMI_PARALLEL variable when set (sdk/go/common/env/env.go). Two
 * versions either side of a change run at different parallelism by default, which a
 * comparison then measures along with everything else.
 */
export function defaultParallelism(
  version: string,
  env: NodeJS.ProcessEnv,
  cpuCount = cpus().length
): number | 'unbounded' {
  const fromEnv = Number(env['PULUMI_PARALLEL'])
  if (atLeast(version, [3, 154]) && Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv
  return atLeast(version, [3, 100]) ? 4 * cpuCount : 'unbounded'
}

/** A warning when the two versions' default parallelism differs and `parallel` was not set; else undefined. */
export function parallelismNote(
  versions: { baseline: string; candidate: string },
  env: NodeJS.ProcessEnv,
  cpuCount = cpus().length
): string | undefined {
  const baseline = defaultParallelism(versions.baseline, env, cpuCount)
  const candidate = defaultParallelism(versions.candidate, env, cpuCount)
  if (baseline === candidate) return undefined
  const words = (value: number | 'unbounded') => (value === 'unbounded' ? 'no limit' : `${value}`)
  return (
    `Pulumi ${versions.baseline} (baseline) runs ${words(baseline)} operations at once by default and ` +
    `${versions.candidate} (candidate) ${words(candidate)} (Pulumi's default --parallel changed in 3.100; ` +
    `PULUMI_PARALLEL counts from 3.154): this comparison measures that difference too; set ` +
    `\`parallel\` to compare both at the same parallelism.`
  )
}

function atLeast(version: string, [major, minor]: [number, number]): boolean {
  const [x = 0, y = 0] = version.split('.').map(part => Number.parseInt(part, 10))
  return x > major || (x === major && y >= minor)
}
