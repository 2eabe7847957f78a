import { InputError } from '../../core/errors/errors'

/**
 * Splits a command into words for `shell: none`, the way a shell would split a
 * simple command: whitespace separates words, '…' keeps text as it is, "…" keeps
 * text but lets \" and \\ escape, and a backslash outside quotes escapes the next
 * character. Nothing is expanded: no variables, globs, pipes or redirections.
 */
export function splitWords(text: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: "'" | '"' | undefined

  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i)
    const next = text.charAt(i + 1)
    if (quote === "'") {
      if (char === "'") quote = undefined
      else word += char
    } else if (quote === '"') {
      if (char === '"') quote = undefined
      else if (char === '\\' && (next === '"' || next === '\\')) word += text.charAt(++i)
      else word += char
    } else if (char === '\\' && next === '\n') {
      i++ // a line continuation joins the lines
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      inWord = true
      if (char === "'" || char === '"') quote = char
      else if (char === '\\' && next !== '') word += text.charAt(++i)
      else word += char
    }
  }

  if (quote !== undefined) {
    throw new InputError(
      `cannot split the command into words (shell: none): unterminated ${quote} quote in: ${text}`
    )
  }
  if (inWord) words.push(word)
  return words
}
