import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Tests that start real processes, servers or the bundle: slower, and the ones that
// run dist/ must never see a stale one, so this project builds it first (once).
const END_TO_END = ['test/e2e/**/*.test.ts', 'test/cli/run-*.test.ts']
// Tests that start processes (commands, bash, the simulated Pulumi CLI) without the
// bundle: `unit` starts none (test/setup/no-processes.ts fails a test that does).
const PROCESSES = [
  'test/action/run-mode.test.ts',
  'test/bench/cleanup.test.ts',
  'test/bench/resources.test.ts',
  'test/bench/run-benchmark.test.ts',
  'test/bench/spawn.test.ts',
  'test/cli/calibrate.test.ts',
  'test/cli/report.test.ts',
  'test/pulumi/install.test.ts',
  'test/pulumi/pulumi-sim.test.ts',
  'test/pulumi/stacks.test.ts',
  'test/pulumi/teardown-stack.test.ts',
  'test/run/signals.test.ts',
  'test/teardown/teardown.test.ts'
]
// The real Pulumi CLIs: a project of their own, which builds them first.
const REAL = 'test/real/**/*.test.ts'
// Every project's runs keep the α* they compute in a folder of the test run's own.
const DESIGN_CACHE = 'test/setup/design-cache.ts'

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves one core idle: on 2 cores, one file
    // at a time). Most files of `processes` and `e2e` wait on their commands.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...END_TO_END, ...PROCESSES, REAL],
          globalSetup: [DESIGN_CACHE],
          setupFiles: ['test/setup/no-processes.ts']
        }
      },
      {
        extends: true,
        test: { name: 'processes', include: PROCESSES, globalSetup: [DESIGN_CACHE] }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: END_TO_END,
          globalSetup: ['test/setup/build-dist.ts', DESIGN_CACHE]
        }
      },
      // The real Pulumi CLIs, built from Pulumi's Go modules (scripts/real-pulumi): not
      // part of `npm test`, which needs no Go; `npm run test:real` and CI run it. One file
      // at a time: each times real deployments, which a second one beside it would slow.
      {
        extends: true,
        test: {
          name: 'real',
          include: [REAL],
          globalSetup: ['test/setup/build-dist.ts', 'test/real/global-setup.ts', DESIGN_CACHE],
          testTimeout: 15 * 60_000,
          hookTimeout: 60 * 60_000,
          poolOptions: { forks: { singleFork: true } }
        }
      }
    ]
  }
})
