import { describe, expect, it } from 'vitest'
import type { UnfinishedRun } from '../../../src/results/family'
import { unfinishedHeadline } from '../../../src/report/multi-model'
import {
  renderUnfinishedMarkdown,
  unfinishedSection
} from '../../../src/export/markdown/unfinished-markdown'

const run = (benchmark: string, error = 'candidate sample 2 of 20 failed with exit code 1.') => ({
  path: `/results/${benchmark}.json`,
  benchmark,
  error
})

describe('unfinishedHeadline', () => {
  it('counts the unfinished runs among all and names the first five', () => {
    expect(unfinishedHeadline([run('web')], 3)).toBe('1 of 3 benchmarks failed: web')
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(name => run(name))
    expect(unfinishedHeadline(many, 7)).toBe('7 of 7 benchmarks failed: a, b, c, d, e and 2 more')
  })
})

describe('the unfinished runs in a report', () => {
  it("keeps a file's text from acting as markdown, HTML or a mention", () => {
    const hostile: UnfinishedRun = run(
      '<img src=x onerror=alert(1)> @octo-org/admins',
      'failed | injected cell\n## Approved by @octocat [click](https://evil.example)'
    )
    const markdown = renderUnfinishedMarkdown([hostile], {
      runUrl: 'https://github.com/o/r/actions/runs/1'
    })
    expect(markdown).not.toMatch(/<img|@octo|@octocat|\n## Approved|\]\(https:\/\/evil/)
    const row = markdown.split('\n').find(line => line.startsWith('| &lt;img'))!
    // Three cells: no pipe or line break from the file splits the row.
    expect(row.split(/(?<!\\)\|/)).toHaveLength(5)
    expect(markdown).toContain('[workflow run](https://github.com/o/r/actions/runs/1)')
  })

  it('clips long text and shows at most fifty rows, counting the rest', () => {
    const runs = Array.from({ length: 60 }, (_, index) => run(`b${index}`, 'x'.repeat(5000)))
    const section = unfinishedSection(runs, 80)
    expect(section).toMatch(
      /^\*\*❌ 60 of 80 benchmarks failed: b0, b1, b2, b3, b4 and 55 more\.\*\*/
    )
    const rows = section.split('\n').filter(line => line.startsWith('| b'))
    expect(rows).toHaveLength(50)
    expect(section).toContain('| and 10 more | | |')
    expect(Math.max(...rows.map(line => line.length))).toBeLessThan(500)
  })
})
