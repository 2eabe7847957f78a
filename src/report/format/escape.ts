/**
 * Making user text (commands, names, warnings, environment values) safe to place
 * in reports. Pure.
 *
 * Markdown escaping uses character references rather than backslashes because
 * references are literal text everywhere: in table cells, list items, headings and
 * inside HTML blocks such as `<summary>`, where backslash escapes are not processed.
 */

const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  $: '&#36;',
  // A zero-width space after @ and # keeps GitHub from turning the text into a
  // mention (a notification) or an issue reference (a cross-link on that issue).
  '@': '@&#8203;',
  '#': '#&#8203;'
}

const SPECIAL = /[&<>"'\\`*_[\]|~$@#]/g
const LINE_BREAK = /\r\n|\r|\n/g
// C0/C1 controls (ANSI escapes included) and bidirectional overrides, which can
// make text display differently from what it is.
const INVISIBLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu
// Every other invisible format mark (zero-width joiners and spaces, direction marks,
// soft hyphens): kept, a name would look like another (`sleep\u200d-python`), so each is
// shown as its code point.
const FORMAT_MARK = /(?![\u202a-\u202e\u2066-\u2069])\p{Cf}/gu

function showFormatMarks(text: string): string {
  return text.replace(
    FORMAT_MARK,
    mark => `<U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
  )
}
// Terminal colours and cursor moves (CSI sequences), whole, as command output has them.
// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g
// GitHub turns bare URLs into links (its autolink extension): a zero-width space before
// `://` and after `www` keeps a URL in a file or a command's output plain text.
const AUTOLINK = /(?<=[a-z0-9])(?=:\/\/)|(?<=\bwww)(?=\.)/gi
// A list marker (followed by a space) only matters at the very start of a list item.
const LEADING_MARKER = /^(\s*)([-+]|\d{1,9}[.)])(?=\s|$)/

/**
 * Escapes user text for any inline markdown position (table cell, list item,
 * heading, `<summary>`): no markup, no HTML, no mentions, no links, no table
 * breaks; line breaks become `<br>`.
 */
export function escapeMarkdown(text: string): string {
  const escaped = showFormatMarks(text)
    .replace(/\t/g, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(SPECIAL, character => REFERENCES[character] ?? character)
    .replace(AUTOLINK, '&#8203;')
    .replace(LEADING_MARKER, (_match, space: string, mark: string) => {
      const last = mark.slice(-1)
      return `${space}${mark.slice(0, -1)}&#${last.charCodeAt(0)};`
    })
  return escaped
    .split('\n')
    .map(line => line.replace(INVISIBLE, ''))
    .join('<br>')
}

/** User text for a terminal: no control characters (no ANSI escapes), one line. */
export function plainText(text: string): string {
  return showFormatMarks(text.replace(LINE_BREAK, ' ').replace(/\t/g, ' ').replace(INVISIBLE, ''))
}

/** Shortens text to at most `max` characters, marking the cut with `...`. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 3))}...`
}

/**
 * A link target that cannot break out of `[text](url)`: only http(s) URLs, with
 * the characters that end a link destination percent-encoded. Undefined when the
 * value is not an http(s) URL (e.g. `javascript:`).
 */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  return url.replace(/[\s()<>"'`\\]/g, character => {
    const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
    return `%${code}`
  })
}

/**
 * Text shown as it is (a log's tail) in a fenced code block: no control characters
 * (ANSI colours included), and a fence longer than any run of backticks in the text,
 * so nothing in it can end the block early.
 */
export function codeBlock(text: string, language = 'text'): string {
  const clean = text
    .replace(LINE_BREAK, '\n')
    .replace(/\t/g, '  ')
    .split('\n')
    .map(line => line.replace(ANSI_SEQUENCE, '').replace(INVISIBLE, ''))
    .join('\n')
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map(match => match[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${language}\n${clean}\n${fence}`
}
