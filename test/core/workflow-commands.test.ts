import { describe, expect, it } from 'vitest'
import { inertWorkflowCommands } from '../../src/core/workflow-commands'
import { runnerCommandLines } from '../helpers/workflow-commands'

describe('inertWorkflowCommands', () => {
  const attacks = [
    '::error title=pwned::owned',
    '  ::add-mask::hunter2',
    '\t::stop-commands::abc',
    'ok ##[error]mid-line',
    '##[set-output name=verdict;]improvement',
    '::',
    'a line\n::warning::second line\r\n  ::notice::third'
  ]

  it('leaves no line the runner would read as a command', () => {
    for (const text of attacks) {
      expect(runnerCommandLines(text), text).not.toEqual([])
      expect(runnerCommandLines(inertWorkflowCommands(text)), text).toEqual([])
    }
  })

  it('changes only what would have been a command, and nothing visible', () => {
    const plain = 'Result: 1.2 s ± 0.1 :: a:b ## [x] #[y]\n  indented'
    expect(inertWorkflowCommands(plain)).toBe(plain)
    for (const text of attacks) {
      expect(inertWorkflowCommands(text).replaceAll('\u200b', '')).toBe(text)
    }
  })
})
