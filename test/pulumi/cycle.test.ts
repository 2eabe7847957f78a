import { describe, expect, it } from 'vitest'
import { pulumiBenchGroup } from '../../src/pulumi/cycle'
import type { StackRef } from '../../src/pulumi/stack/stacks'

const ref: StackRef = {
  binary: '/opt/pulumi/bin/pulumi',
  backendUrl: 'file:///tmp/backend',
  stack: 'perf-gate-1-baseline',
  programDir: '/tmp/program'
}

function onCancel(version: string): string[] {
  const group = pulumiBenchGroup({ name: 'baseline', ref, version, phases: ['up', 'refresh'] })
  return group.cycle.map(({ step }) => step.stop?.onCancel ?? 'default')
}

describe('pulumiBenchGroup: how a cancellation stops each phase', () => {
  it('lets a Pulumi before 3.87 finish: its first SIGINT kills its providers mid-call', () => {
    for (const version of ['3.43.1', '3.44.2', '3.86.0']) {
      expect(onCancel(version)).toEqual(Array(3).fill('finish-then-interrupt'))
    }
  })

  it('interrupts a Pulumi from 3.87 on, which finishes and saves what it has in flight', () => {
    for (const version of ['3.87.0', '3.100.0', '3.277.0']) {
      expect(onCancel(version)).toEqual(Array(3).fill('interrupt'))
    }
  })
})
