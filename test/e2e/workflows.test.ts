/**
 * The workflows under .github/workflows cannot run here, so check what can be checked:
 * they parse, their jobs hang together, and every step that runs this action (`uses: ./`)
 * passes only inputs action.yml declares and reads only outputs it declares.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse, parseDocument } from 'yaml'

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Workflow {
  on?: unknown
  jobs?: Record<string, { needs?: string | string[]; steps?: Step[]; 'runs-on'?: unknown }>
}

const ROOT = new URL('../../', import.meta.url)
const WORKFLOWS = new URL('.github/workflows/', ROOT)
const action = parse(readFileSync(new URL('action.yml', ROOT), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const files = readdirSync(WORKFLOWS).filter(name => /\.ya?ml$/.test(name))

it('finds the workflows', () => {
  expect(files).toContain('ci.yml')
})

describe.each(files)('%s', file => {
  const document = parseDocument(readFileSync(new URL(file, WORKFLOWS), 'utf8'))
  const workflow = document.toJS() as Workflow
  const jobs = Object.entries(workflow.jobs ?? {})

  it('parses as YAML, with triggers and jobs', () => {
    expect(document.errors.map(error => error.message)).toEqual([])
    expect(workflow.on).toBeTruthy()
    expect(jobs.length).toBeGreaterThan(0)
  })

  it.each(jobs)(
    'job %s: runs somewhere, needs only jobs that exist, steps do one thing',
    (_, job) => {
      expect(job['runs-on']).toBeTruthy()
      for (const need of [job.needs ?? []].flat())
        expect(Object.keys(workflow.jobs!)).toContain(need)
      for (const step of job.steps ?? []) {
        expect(
          Number(step.uses !== undefined) + Number(step.run !== undefined),
          JSON.stringify(step)
        ).toBe(1)
        // Other actions by a version (a tag or a commit), never a moving branch.
        if (step.uses && step.uses !== './')
          expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d[\w.]*|[0-9a-f]{40})$/)
      }
    }
  )

  it.each(jobs)('job %s: uses ./ with declared inputs and reads declared outputs', (_, job) => {
    const steps = job.steps ?? []
    for (const step of steps.filter(step => step.uses === './')) {
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(input)
    }
    const uses = new Map(steps.map(step => [step.id, step.uses]))
    for (const [, id, output] of JSON.stringify(job).matchAll(
      /steps\.([\w-]+)\.outputs\.([\w-]+)/g
    )) {
      expect(uses.has(id), `step ${id}`).toBe(true)
      if (uses.get(id) === './') expect(Object.keys(action.outputs)).toContain(output)
    }
  })
})
