/**
 * Before the real-CLI tests: the real Pulumi CLIs, the test provider and the Python
 * virtualenv, built by scripts/real-pulumi/build.mjs (cached outside the repository, so a
 * warm run builds nothing), handed to the tests with `inject('realPulumi')`.
 */
import type { TestProject } from 'vitest/node'
import { buildAll, type RealPulumiBuild } from '../../scripts/real-pulumi/build'

export default function buildRealPulumi(project: TestProject): void {
  project.provide('realPulumi', buildAll())
}

declare module 'vitest' {
  export interface ProvidedContext {
    realPulumi: RealPulumiBuild
  }
}
