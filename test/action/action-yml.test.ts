import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, Input, Output } from '../../src/config/inputs'

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const workflows = readFileSync(new URL('../../docs/workflows.md', import.meta.url), 'utf8')

interface ActionYml {
  inputs: Record<string, { default?: string; description: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post: string; 'post-if': string }
}

const action = parse(actionYml) as ActionYml

/** The rows of the README table under a heading: first column → second column. */
function readmeTable(heading: string): Map<string, string> {
  const section = readme.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? ''
  return new Map(
    [...section.matchAll(/^\| `([a-z-]+)`\s*\|\s*([^|]*?)\s*\|/gm)].map(m => [m[1]!, m[2]!.trim()])
  )
}

describe('action.yml', () => {
  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort())
    for (const input of Object.values(Input)) {
      expect(action.inputs[input]!.default, input).toBe(INPUT_DEFAULTS[input])
      expect(action.inputs[input]!.description.length, input).toBeGreaterThan(10)
    }
  })

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
  })

  it('runs on node24 with a post step that always runs', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      'post-if': 'always()'
    })
  })
})

describe('README and docs/workflows.md', () => {
  it('lists every input and output in its tables, in action.yml order', () => {
    expect([...readmeTable('Inputs').keys()]).toEqual(Object.keys(action.inputs))
    expect([...readmeTable('Outputs').keys()]).toEqual(Object.keys(action.outputs))
  })

  it('states the same defaults as action.yml', () => {
    for (const [input, fallback] of readmeTable('Inputs')) {
      const declared = action.inputs[input]!.default
      expect(fallback, input).toBe(declared === undefined ? '' : `\`${declared}\``)
    }
  })

  it('gives workflows that parse, keep the results of a failed run and report it', () => {
    interface Step {
      uses?: string
      if?: string
      with?: Record<string, unknown>
    }
    interface Job {
      needs?: unknown
      if?: string
      steps: Step[]
    }
    const blocks = [readme, workflows].flatMap(page =>
      [...page.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map(m => m[1]!)
    )
    expect(blocks.length).toBeGreaterThan(4)
    let uploads = 0
    let reportsAfterMeasuring = 0
    for (const block of blocks) {
      const workflow = parse(block) as { jobs?: Record<string, Job> } | null
      for (const [name, job] of Object.entries(workflow?.jobs ?? {})) {
        for (const step of job.steps) {
          // The results folder holds a failed run's samples, logs and kept stacks' state.
          if (step.uses?.startsWith('actions/upload-artifact')) {
            uploads++
            expect(step.if, `${name}: ${step.uses}`).toBe('always()')
          }
        }
        const reports = job.steps.some(step => step.with?.mode === 'report')
        // A job that reports on others must also run when one of them failed.
        if (reports && job.needs !== undefined) {
          reportsAfterMeasuring++
          expect(job.if, name).toMatch(/!cancelled\(\)|always\(\)/)
        }
      }
    }
    expect(uploads).toBeGreaterThan(1)
    expect(reportsAfterMeasuring).toBeGreaterThan(0)
  })

  it('shows bisect in a workflow_dispatch workflow, with inputs action.yml declares', () => {
    interface Workflow {
      on?: { workflow_dispatch?: unknown }
      jobs?: Record<string, { steps: { with?: Record<string, unknown> }[] }>
    }
    const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map(m => m[1]!)
    const bisects = blocks
      .map(block => parse(block) as Workflow | null)
      .flatMap(workflow =>
        Object.values(workflow?.jobs ?? {}).flatMap(job =>
          job.steps
            .filter(step => step.with?.mode === 'bisect')
            .map(step => ({ on: workflow?.on, with: step.with! }))
        )
      )
    expect(bisects).toHaveLength(1)
    expect(bisects[0]!.on).toHaveProperty('workflow_dispatch')
    for (const input of Object.keys(bisects[0]!.with))
      expect(action.inputs, input).toHaveProperty([input])
    expect(bisects[0]!.with).toMatchObject({ good: expect.any(String), bad: expect.any(String) })
  })
})
