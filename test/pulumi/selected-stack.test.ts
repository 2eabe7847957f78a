import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { saveSelectedStacks } from '../../src/pulumi/stack/selected-stack'

/** A program of project `infra` and a PULUMI_HOME whose workspaces hold `files`. */
function setUp(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'ppg-selected-'))
  const program = path.join(root, 'program')
  const workspaces = path.join(root, 'home', 'workspaces')
  mkdirSync(program)
  mkdirSync(workspaces, { recursive: true })
  writeFileSync(path.join(program, 'Pulumi.yaml'), 'name: infra\nruntime: python\n')
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(workspaces, name), content)
  }
  const read = () =>
    Object.fromEntries(
      readdirSync(workspaces).map(name => [name, readFileSync(path.join(workspaces, name), 'utf8')])
    )
  return { program, workspaces, env: { PULUMI_HOME: path.join(root, 'home') }, read }
}

describe('saveSelectedStacks', () => {
  it("puts back the project's selection that stack init changed, and removes one it made", async () => {
    const mine = 'infra-0a1b-workspace.json'
    const other = 'web-9f8e-workspace.json'
    const { program, workspaces, env, read } = setUp({
      [mine]: '{"stack": "dev"}',
      [other]: '{"stack": "prod"}'
    })
    const saved = await saveSelectedStacks(program, env)
    writeFileSync(path.join(workspaces, mine), '{"stack": "perf-gate-1-baseline"}')
    writeFileSync(path.join(workspaces, 'infra-ffff-workspace.json'), '{"stack": "x"}')
    writeFileSync(path.join(workspaces, other), '{"stack": "staging"}')
    await saved.restore()
    // Another project's file is not ours to touch, even when it changed meanwhile.
    expect(read()).toEqual({ [mine]: '{"stack": "dev"}', [other]: '{"stack": "staging"}' })
  })

  it('writes back a selection Pulumi removed, and copes with no workspaces folder', async () => {
    const mine = 'infra-0a1b-workspace.json'
    const { program, workspaces, env, read } = setUp({ [mine]: '{"stack": "dev"}' })
    const saved = await saveSelectedStacks(program, env)
    rmSync(path.join(workspaces, mine))
    await saved.restore()
    expect(read()).toEqual({ [mine]: '{"stack": "dev"}' })

    const empty = await saveSelectedStacks(program, { PULUMI_HOME: path.join(workspaces, 'none') })
    await expect(empty.restore()).resolves.toBeUndefined()
  })
})
