// The measurement engine bundled into a scratch folder, so the benchmark scripts run
// on plain Node without a TypeScript loader.
import { join } from 'node:path'
import { build } from 'esbuild'

/** Bundles src/bench/run-benchmark.ts into `folder` and returns its `runBenchmark`. */
export async function bundledRunBenchmark(folder) {
  const engine = join(folder, 'engine.mjs')
  await build({
    entryPoints: ['src/bench/run-benchmark.ts'],
    outfile: engine,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  const { runBenchmark } = await import(engine)
  return runBenchmark
}
