import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Tests that start real processes, servers or the bundle: slower, and the ones that
// run dist/ must never see a stale one, so this project builds it first (once).
const END_TO_END = ['test/e2e/**/*.test.ts', 'test/cli/run-*.test.ts']
// Tests that start processes (commands, bash, the simulated Pulumi CLI) without the
// bundle: `unit` starts none (test/setup/no-processes.ts fails a test that does).
export const PROCESSES = [
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
// Unit tests that replace modules with vi.mock: each file needs modules of its own, which
// `unit` does not give (it shares them between files, which saves a third of its CPU).
// test/lint/test-projects.test.ts keeps this list whole.
export const MOCKS = ['test/action/main.test.ts', 'test/action/post.test.ts']
// The real Pulumi CLIs: a project of their own, which builds them first.
const REAL = 'test/real/**/*.test.ts'
// Every project's runs keep the α* they compute in a folder of the test run's own.
const DESIGN_CACHE = 'test/setup/design-cache.ts'

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A process per test file of `mocks`, `processes` and `e2e`, one file per core (vitest's
    // default leaves one core idle). A third file on 2 cores saved 20 s but made the demo
    // and bisect's verdicts fail under its load (docs/development.md).
    maxWorkers: availableParallelism(),
    // `unit` runs beside them in one thread that keeps its modules from one file to the
    // next: a third less CPU than a fresh process per file.
    poolOptions: { threads: { isolate: false, maxThreads: 1 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...END_TO_END, ...PROCESSES, ...MOCKS, REAL],
          // Files share one module graph per worker: no file replaces a module (MOCKS do).
          pool: 'threads',
          globalSetup: [DESIGN_CACHE],
          setupFiles: ['test/setup/no-processes.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'mocks',
          include: MOCKS,
          globalSetup: [DESIGN_CACHE],
          setupFiles: ['test/setup/no-processes.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESSES,
          globalSetup: [DESIGN_CACHE]
        }
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
