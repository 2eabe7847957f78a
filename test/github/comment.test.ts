import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { marker } from '../../src/github/comment-marker'
import { upsertComment, type UpsertCommentOptions } from '../../src/github/comment'
import { GITHUB_COMMENT_LIMIT } from '../../src/report/format/limit'
import { startGitHubServer, type GitHubServer } from '../helpers/github-server'

const TOKEN = 'ghs_not-a-real-token-1234567890'
const FAST_RETRY = { retries: 2, baseDelayMs: 5, maxDelayMs: 2_000 }

let server: GitHubServer

beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN })
})

afterEach(async () => {
  await server.close()
})

function options(overrides: Partial<UpsertCommentOptions> = {}): UpsertCommentOptions {
  return {
    token: TOKEN,
    owner: 'acme',
    repo: 'infra',
    issueNumber: 7,
    key: 'perf',
    body: `${marker('perf')}\n## 🔴 Regression`,
    mode: 'always',
    verdict: 'regression',
    apiUrl: server.url,
    retry: FAST_RETRY,
    ...overrides
  }
}

function seed(count: number, body: (index: number) => string, issueNumber = 7): void {
  for (let i = 0; i < count; i++)
    server.addComment({ owner: 'acme', repo: 'infra', issueNumber, body: body(i) })
}

describe('upsertComment', () => {
  it('creates the comment when there is none', async () => {
    const result = await upsertComment(options())
    expect(result).toEqual({ action: 'created', url: server.comments[0]!.html_url })
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.body).toBe(`${marker('perf')}\n## 🔴 Regression`)
    expect(server.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/infra/issues/7/comments',
      'POST /repos/acme/infra/issues/7/comments'
    ])
    expect(server.requests[0]!.headers.authorization).toBe(`token ${TOKEN}`)
  })

  it('edits its own comment on the next run instead of adding one', async () => {
    const first = await upsertComment(options())
    const second = await upsertComment(
      options({ body: `${marker('perf')}\n## 🟢 Fixed`, verdict: 'unchanged' })
    )
    expect(second).toEqual({ action: 'updated', url: first.url })
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]!.body).toContain('🟢 Fixed')
    expect(server.requests.at(-1)!.method).toBe('PATCH')
  })

  it('finds its comment on page 3 of 250', async () => {
    seed(230, i => `comment ${i} <!-- pulumi-perf-gate:perf-other -->`)
    const ours = server.addComment({
      owner: 'acme',
      repo: 'infra',
      issueNumber: 7,
      body: `${marker('perf')}\nold`
    })
    seed(19, i => `later ${i}`)
    const result = await upsertComment(options())
    expect(result.action).toBe('updated')
    expect(server.comments).toHaveLength(250)
    expect(server.comments.find(c => c.id === ours.id)!.body).toBe(options().body)
    const pages = server.requests.filter(r => r.route === 'list-comments').map(r => r.query)
    expect(pages).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' }
    ])
    expect(server.requests.some(r => r.route === 'create-comment')).toBe(false)
  })

  it('leaves comments on other pull requests and other keys alone', async () => {
    seed(1, () => `${marker('perf')}\nother pull request`, 8)
    seed(1, () => `${marker('perf-api')}\nother gate`)
    expect((await upsertComment(options())).action).toBe('created')
    expect(server.comments.map(c => c.body)).toEqual([
      `${marker('perf')}\nother pull request`,
      `${marker('perf-api')}\nother gate`,
      options().body
    ])
  })

  describe('modes', () => {
    it('on-regression creates nothing when nothing regressed', async () => {
      const result = await upsertComment(options({ mode: 'on-regression', verdict: 'unchanged' }))
      expect(result).toEqual({ action: 'skipped' })
      expect(server.comments).toHaveLength(0)
      expect(server.requests.map(r => r.method)).toEqual(['GET'])
    })

    it('on-regression still edits an existing comment so a fix shows', async () => {
      await upsertComment(options({ mode: 'on-regression', verdict: 'regression' }))
      const result = await upsertComment(
        options({ mode: 'on-regression', verdict: 'improvement', body: `${marker('perf')}\nfixed` })
      )
      expect(result.action).toBe('updated')
      expect(server.comments.map(c => c.body)).toEqual([`${marker('perf')}\nfixed`])
    })

    it('never makes no request at all', async () => {
      expect(await upsertComment(options({ mode: 'never' }))).toEqual({ action: 'skipped' })
      expect(server.requests).toHaveLength(0)
    })
  })

  describe('bodies', () => {
    it('adds the marker when the body lacks it, so the next run finds the comment', async () => {
      await upsertComment(options({ body: 'no marker here' }))
      expect(server.comments[0]!.body).toBe(`${marker('perf')}\nno marker here`)
      expect((await upsertComment(options({ body: 'again' }))).action).toBe('updated')
    })

    it('caps bodies at 65,536 characters', async () => {
      const result = await upsertComment(
        options({ body: `${marker('perf')}\n${'x'.repeat(100_000)}` })
      )
      expect(result.action).toBe('created')
      expect(server.comments[0]!.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      expect(server.comments[0]!.body.startsWith(marker('perf'))).toBe(true)
    })
  })

  describe('whose comment it is', () => {
    const marked = (text: string) => `${marker('perf')}\n${text}`
    // A comment on the pull request, by the token's account unless `login` says who.
    const onPull = (text: string, login?: string) =>
      server.addComment({
        owner: 'acme',
        repo: 'infra',
        issueNumber: 7,
        body: marked(text),
        ...(login === undefined ? {} : { user: { login } })
      })

    it('never edits a comment someone else wrote with our marker: it posts its own', async () => {
      const planted = onPull('posted first by the author', 'mallory')
      const result = await upsertComment(options())
      expect(result.action).toBe('created')
      expect(server.comments.find(c => c.id === planted.id)!.body).toBe(
        marked('posted first by the author')
      )
      expect(server.comments.at(-1)!.user.login).toBe('github-actions[bot]')
      expect(server.requests.filter(r => r.route === 'update-comment')).toEqual([])
    })

    it("asks GraphQL's viewer who a job token is, since GET /user refuses it", async () => {
      onPull('x', 'mallory')
      const ours = onPull('old')
      const result = await upsertComment(options())
      expect(result).toEqual({ action: 'updated', url: ours.html_url })
      expect(server.requests.map(r => r.route).slice(0, 3)).toEqual([
        'list-comments',
        'get-user',
        'graphql'
      ])
    })

    it("asks GET /user who a personal token is, and edits only that account's comment", async () => {
      await server.close()
      server = await startGitHubServer({
        token: TOKEN,
        user: { login: 'perf-bot', id: 77, type: 'User' }
      })
      onPull('x', 'github-actions[bot]')
      const ours = onPull('old')
      const result = await upsertComment(options())
      expect(result).toEqual({ action: 'updated', url: ours.html_url })
      expect(server.comments.find(c => c.id === ours.id)!.body).toBe(options().body)
      expect(server.requests.map(r => r.route)).not.toContain('graphql')
    })

    it('posts nothing when GitHub will not say who the token is', async () => {
      onPull('ours, maybe')
      server.failNext('get-user', { status: 401 })
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.warning).toMatch(
        /^Could not tell which account the github-token comments as.*HTTP 401/
      )
      expect(server.comments).toHaveLength(1)
    })
  })

  describe('trouble', () => {
    it('turns 403 (fork pull request, no permission) into a warning that says how to fix it', async () => {
      server.failNext('list-comments', { status: 403 })
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.url).toBeUndefined()
      expect(result.warning).toContain(
        'Could not read the comments of pull request #7 (HTTP 403: Resource not accessible by integration'
      )
      expect(result.warning).toContain('permissions: pull-requests: write')
      expect(result.warning).toContain('workflow_run')
      expect(server.requests).toHaveLength(1)
    })

    it('turns 404 on create into a warning', async () => {
      server.failNext('create-comment', { status: 404 })
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.warning).toMatch(/^Could not comment on pull request #7 \(HTTP 404: Not Found/)
      expect(result.warning).toContain('pull request number is wrong')
    })

    it('retries server errors and succeeds', async () => {
      server.failNext('list-comments', { status: 500 }, 2)
      const result = await upsertComment(options())
      expect(result.action).toBe('created')
      expect(server.requests.filter(r => r.route === 'list-comments')).toHaveLength(3)
    })

    it('warns after the retries when GitHub keeps failing', async () => {
      server.failNext('create-comment', { status: 502 }, 5)
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.warning).toContain('HTTP 502: Bad Gateway')
      expect(result.warning).toContain('kept failing after retries')
      expect(server.requests.filter(r => r.route === 'create-comment')).toHaveLength(3)
    })

    it('waits as long as retry-after says on 429', async () => {
      server.failNext('create-comment', { status: 429, headers: { 'retry-after': '1' } })
      const result = await upsertComment(options())
      expect(result.action).toBe('created')
      const creates = server.requests.filter(r => r.route === 'create-comment')
      expect(creates).toHaveLength(2)
      expect(creates[1]!.receivedAt - creates[0]!.receivedAt).toBeGreaterThanOrEqual(950)
    })

    it('retries a used-up quota (403, x-ratelimit-remaining: 0) after its reset', async () => {
      const reset = String(Math.floor(Date.now() / 1000))
      server.failNext('list-comments', {
        status: 403,
        message: 'API rate limit exceeded',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
      })
      expect((await upsertComment(options())).action).toBe('created')
    })

    it('does not wait for a rate limit that resets too late', async () => {
      server.failNext('list-comments', { status: 429, headers: { 'retry-after': '3600' } })
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.warning).toContain('rate limit')
      expect(server.requests).toHaveLength(1)
    })

    it('warns when GitHub cannot be reached', async () => {
      await server.close()
      const result = await upsertComment(options())
      expect(result.action).toBe('skipped')
      expect(result.warning).toMatch(
        /^Could not read the comments of pull request #7 \(could not reach GitHub: connection refused \(ECONNREFUSED\)\)\. /
      )
      expect(result.warning).not.toContain('HTTP 500')
      server = await startGitHubServer()
    })

    it('warns about a token GitHub does not accept', async () => {
      const result = await upsertComment(options({ token: 'wrong-token' }))
      expect(result.warning).toContain('HTTP 401: Bad credentials')
      expect(result.warning).toContain('did not accept the github-token')
    })

    it('skips without a token', async () => {
      const result = await upsertComment(options({ token: '' }))
      expect(result.action).toBe('skipped')
      expect(result.warning).toContain('No github-token')
      expect(server.requests).toHaveLength(0)
    })

    it('never puts the token in a warning, even when GitHub echoes it', async () => {
      server.failNext('list-comments', { status: 403, message: `token ${TOKEN} lacks scope` })
      server.failNext('create-comment', { status: 500, message: `upstream saw ${TOKEN}` }, 3)
      const results = [await upsertComment(options()), await upsertComment(options())]
      for (const result of results) {
        expect(result.warning).toBeDefined()
        expect(JSON.stringify(result)).not.toContain(TOKEN)
      }
      expect(results[0]!.warning).toContain('token *** lacks scope')
    })
  })

  it('uses GITHUB_API_URL when no apiUrl is given', async () => {
    const saved = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = server.url
    try {
      const result = await upsertComment(options({ apiUrl: undefined }))
      expect(result.action).toBe('created')
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = saved
    }
  })
})
