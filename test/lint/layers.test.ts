/**
 * The layer graph and the ban on import cycles are lint rules (eslint.config.js). These
 * tests put throw-away files into src/, lint them with the project's own config and
 * check that a wrong import is caught and a right one is not.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = new URL('../../', import.meta.url).pathname
const written: string[] = []

function probe(relativePath: string, text: string): string {
  const path = join(ROOT, relativePath)
  writeFileSync(path, text)
  written.push(path)
  return path
}

afterEach(() => {
  for (const path of written.splice(0)) rmSync(path, { force: true })
})

async function ruleIds(path: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([path])
  return (result?.messages ?? []).map(message => message.ruleId ?? message.message)
}

describe('the layer graph', () => {
  it.each([
    ['stats → report', 'src/stats', "import { headline } from '../report/headline'"],
    // A subfolder is part of its layer.
    ['stats/tests → report', 'src/stats/tests', "import { headline } from '../../report/headline'"],
    // A model of src/report never imports a renderer of src/export.
    ['report → export', 'src/report', "import { renderText } from '../export/text/text'"]
  ])(
    'refuses an import that goes up (%s)',
    async (_, folder, line) => {
      const path = probe(`${folder}/lint-probe-up.ts`, `${line}\nexport const probe = 1\n`)
      expect(await ruleIds(path)).toContain('import-x/no-restricted-paths')
    },
    60_000
  )

  it('allows an import that goes down (report → stats)', async () => {
    const path = probe(
      'src/report/lint-probe-down.ts',
      "import { welchStatistic } from '../stats/tests/welch'\nexport const probe = welchStatistic\n"
    )
    expect(await ruleIds(path)).toEqual([])
  }, 60_000)

  it('refuses @actions/core outside src/action', async () => {
    const path = probe(
      'src/bench/lint-probe-core.ts',
      "import * as core from '@actions/core'\nexport const probe = core.info\n"
    )
    expect(await ruleIds(path)).toContain('no-restricted-imports')
  }, 60_000)
})

describe('import cycles', () => {
  it('are refused, even inside one folder', async () => {
    const a = probe(
      'src/bench/lint-probe-a.ts',
      "import { b } from './lint-probe-b'\nexport const a = (): number => b() + 1\n"
    )
    probe(
      'src/bench/lint-probe-b.ts',
      "import { a } from './lint-probe-a'\nexport const b = (): number => (a.length > 0 ? 0 : 1)\n"
    )
    expect(await ruleIds(a)).toContain('import-x/no-cycle')
  }, 60_000)
})
