/**
 * Every relative link in README.md and docs/ points to a file that exists and, with a
 * `#fragment`, to a heading of that file, as GitHub names its anchors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const md = new MarkdownIt({ html: true })

const pages = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => join(root, 'docs', name))
]

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-')
}

/** A page's anchors, with GitHub's `-1`, `-2` for repeated headings. */
function anchors(page: string): Set<string> {
  const seen = new Map<string, number>()
  const tokens = md.parse(readFileSync(page, 'utf8'), {})
  const found = new Set<string>()
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return
    const text = (tokens[index + 1]?.children ?? [])
      .filter(child => child.type === 'text' || child.type === 'code_inline')
      .map(child => child.content)
      .join('')
    const base = githubAnchor(text)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  })
  return found
}

/** Every link target of a page outside code: markdown links and images. */
function links(page: string): string[] {
  const targets: string[] = []
  const visit = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      const target = token.attrGet(token.type === 'image' ? 'src' : 'href')
      if (typeof target === 'string') targets.push(target)
      if (token.children) visit(token.children)
    }
  }
  visit(md.parse(readFileSync(page, 'utf8'), {}))
  return targets
}

describe('links in README.md and docs/', () => {
  it('finds the links and headings it checks', () => {
    expect(links(join(root, 'README.md')).length).toBeGreaterThan(5)
    expect(anchors(join(root, 'README.md'))).toContain('quick-start')
    expect(githubAnchor('Fork pull requests: measure on pull_request, comment')).toBe(
      'fork-pull-requests-measure-on-pull_request-comment'
    )
  })

  for (const page of pages) {
    it(`${relative(root, page)}: every relative link resolves`, () => {
      const broken = links(page)
        .filter(target => !/^[a-z]+:/i.test(target))
        .filter(target => {
          const [file, fragment] = target.split('#') as [string, string | undefined]
          const resolved = file === '' ? page : join(dirname(page), decodeURI(file))
          if (!existsSync(resolved)) return true
          if (fragment === undefined || fragment === '') return false
          return !resolved.endsWith('.md') || !anchors(resolved).has(fragment)
        })
      expect(broken).toEqual([])
    })
  }
})
