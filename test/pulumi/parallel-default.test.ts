import { describe, expect, it } from 'vitest'
import { defaultParallelism, parallelismNote } from '../../src/pulumi/parallel-default'

describe("Pulumi's default --parallel", () => {
  it('is unbounded before 3.100, 4 × CPUs from it, and PULUMI_PARALLEL from 3.154', () => {
    expect(defaultParallelism('3.43.1', {}, 2)).toBe('unbounded')
    expect(defaultParallelism('3.99.0', { PULUMI_PARALLEL: '3' }, 2)).toBe('unbounded')
    expect(defaultParallelism('3.100.0', {}, 2)).toBe(8)
    expect(defaultParallelism('3.153.0', { PULUMI_PARALLEL: '3' }, 2)).toBe(8)
    expect(defaultParallelism('3.154.0', { PULUMI_PARALLEL: '3' }, 2)).toBe(3)
    expect(defaultParallelism('3.277.0', { PULUMI_PARALLEL: 'lots' }, 4)).toBe(16)
  })

  it('warns when the two versions differ, and only then', () => {
    const note = parallelismNote({ baseline: '3.43.1', candidate: '3.137.0' }, {}, 2)
    expect(note).toMatch(/3\.43\.1 \(baseline\) runs no limit .* 3\.137\.0 \(candidate\) 8 /)
    expect(note).toMatch(/set `parallel`/)
    expect(parallelismNote({ baseline: '3.43.1', candidate: '3.44.2' }, {}, 2)).toBeUndefined()
    expect(parallelismNote({ baseline: '3.137.0', candidate: '3.277.0' }, {}, 2)).toBeUndefined()
  })
})
