/**
 * Before the real-CLI tests: the real Pulumi CLIs, the test provider and the Python
 * virtualenv, built by scripts/real-pulumi/build.ts (cached outside the repository, so a
 * warm run builds nothing), handed to the tests with `inject('realPulumi')`.
 */
import type { TestProject } from 'vitest/node'
import { buildAll, type RealPulumiBuild } from '../../scripts/real-pulumi/build'

export default function buildRealPulumi(project: TestProject): void {
  // REAL_PULUMI_VERSIONS=3.43.1,3.44.2 builds only those (a quicker first run by hand;
  // tests of other versions then fail to install them).
  const versions = process.env['REAL_PULUMI_VERSIONS']?.split(',').filter(Boolean)
  project.provide('realPulumi', buildAll(versions?.length ? versions : undefined))
}

declare module 'vitest' {
  export interface ProvidedContext {
    realPulumi: RealPulumiBuild
  }
}
