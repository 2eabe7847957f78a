import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/core/errors/errors'
import { splitWords } from '../../src/bench/process/words'

describe('splitWords', () => {
  it('splits on any run of whitespace', () => {
    expect(splitWords('  pulumi   up\t--yes\n--stack dev ')).toEqual([
      'pulumi',
      'up',
      '--yes',
      '--stack',
      'dev'
    ])
  })

  it('keeps single-quoted text exactly, backslashes included', () => {
    expect(splitWords(`echo 'a  b' 'c\\d' '$HOME'`)).toEqual(['echo', 'a  b', 'c\\d', '$HOME'])
  })

  it('lets \\" and \\\\ escape inside double quotes and keeps other backslashes', () => {
    expect(splitWords(`say "a \\"b\\" \\\\ \\n"`)).toEqual(['say', 'a "b" \\ \\n'])
  })

  it('joins quoted and unquoted parts of one word', () => {
    expect(splitWords(`--name="my stack"-x 'a'"b"c`)).toEqual(['--name=my stack-x', 'abc'])
  })

  it('keeps empty quoted words', () => {
    expect(splitWords(`printf '' ""`)).toEqual(['printf', '', ''])
  })

  it('escapes the next character with a backslash outside quotes', () => {
    expect(splitWords("touch a\\ b \\'")).toEqual(['touch', 'a b', "'"])
  })

  it('treats a backslash before a newline as a line continuation', () => {
    expect(splitWords('pulumi up \\\n  --yes')).toEqual(['pulumi', 'up', '--yes'])
  })

  it('does not interpret shell syntax', () => {
    expect(splitWords('echo $HOME | wc > out')).toEqual(['echo', '$HOME', '|', 'wc', '>', 'out'])
  })

  it('returns no words for blank text', () => {
    expect(splitWords(' \n\t')).toEqual([])
  })

  it('rejects an unterminated quote with an InputError naming the command', () => {
    expect(() => splitWords(`echo 'oops`)).toThrow(InputError)
    expect(() => splitWords(`echo "oops`)).toThrow(`unterminated " quote in: echo "oops`)
  })
})
