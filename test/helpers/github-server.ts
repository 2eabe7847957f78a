/**
 * A loopback stand-in for the GitHub API calls the action makes: who the token is
 * (`GET /user`, GraphQL `viewer`), list, create and update issue comments, list and get
 * pull requests, with GitHub's JSON shapes, `Link` pagination, the 65,536-character body
 * limit and injectable failures. As on GitHub, an installation token (the job's
 * GITHUB_TOKEN, a GitHub App's) gets 403 from `GET /user` and answers `viewer` as its
 * bot, and only a comment's author may edit it.
 * Plain node:http, no test framework, so end-to-end tests of the bundled action can
 * use it too.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export type GitHubRoute =
  | 'get-user'
  | 'graphql'
  | 'list-comments'
  | 'create-comment'
  | 'update-comment'
  | 'list-pulls'
  | 'get-pull'

export interface RecordedRequest {
  route: GitHubRoute | 'unknown'
  method: string
  /** Path without the query, e.g. `/repos/o/r/issues/1/comments`. */
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown
  /** `Date.now()` when the request arrived. */
  receivedAt: number
}

export interface FakeUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}

export interface FakeComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: FakeUser
  created_at: string
  updated_at: string
  author_association: string
}

/** The parts of a pull request (GitHub's `pull-request-simple`) the action reads. */
export interface FakePull {
  number: number
  state: 'open' | 'closed'
  html_url: string
  head: { label: string; ref: string; sha: string; repo: { full_name: string } | null }
  base: { ref: string; repo: { full_name: string } }
}

/** A pull request to seed: its head is `headOwner/<repo name>:headRef` at `headSha`. */
export interface PullInput {
  owner: string
  repo: string
  number: number
  headOwner: string
  headRef: string
  headSha: string
  state?: 'open' | 'closed'
}

/** Where a comment lives; kept beside the comment so the JSON stays GitHub's. */
interface Location {
  owner: string
  repo: string
  issueNumber: number
}

export interface Failure {
  status: number
  headers?: Record<string, string>
  /** GitHub's `message` field; a sensible one per status when left out. */
  message?: string
}

export interface GitHubServer {
  /** Base URL to use as `GITHUB_API_URL`, e.g. `http://127.0.0.1:40123`. */
  url: string
  /** Every comment on every pull request, oldest first. */
  comments: FakeComment[]
  requests: RecordedRequest[]
  /** Answers the next `times` calls of `route` with this failure. */
  failNext(route: GitHubRoute, failure: Failure, times?: number): void
  /** Pull requests by repository (`owner/repo`). */
  pulls: Map<string, FakePull[]>
  /** Seeds a pull request (issues without one answer 404 on the pulls routes). */
  addPull(input: PullInput): FakePull
  /** Seeds a comment, e.g. one by another user or an earlier run. */
  addComment(input: {
    owner: string
    repo: string
    issueNumber: number
    body: string
    user?: Partial<FakeUser>
  }): FakeComment
  close(): Promise<void>
}

export interface GitHubServerOptions {
  /** Who the token posts as. Default: the Actions bot. */
  user?: FakeUser
  /**
   * What kind of token it is: `installation` (GITHUB_TOKEN, a GitHub App's; the default
   * for a Bot) cannot read `GET /user`; `personal` (a user's token; the default for a
   * User) can.
   */
  tokenKind?: 'installation' | 'personal'
  /** When set, requests must carry `Authorization: token|Bearer <token>`. */
  token?: string
}

const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
const BODY_LIMIT = 65_536
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'API rate limit exceeded',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable'
}

interface Answer {
  status: number
  json: unknown
  headers?: Record<string, string>
}

const GRAPHQL_VIEWER = /^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/
const LIST_OR_CREATE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const UPDATE = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/
const LIST_PULLS = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/
const GET_PULL = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const user = options.user ?? ACTIONS_BOT
  const tokenKind = options.tokenKind ?? (user.type === 'Bot' ? 'installation' : 'personal')
  const comments: FakeComment[] = []
  const locations = new Map<number, Location>()
  const isAt = (comment: FakeComment, owner?: string, repo?: string, issue?: number): boolean => {
    const location = locations.get(comment.id)
    return (
      location?.owner === owner &&
      location?.repo === repo &&
      (issue === undefined || location?.issueNumber === issue)
    )
  }
  const requests: RecordedRequest[] = []
  const pulls = new Map<string, FakePull[]>()
  const failures = new Map<GitHubRoute, Failure[]>()
  let nextId = 1_000_000
  let url = ''

  const addComment: GitHubServer['addComment'] = input => {
    const id = nextId++
    const now = new Date().toISOString()
    // Someone else unless told otherwise: a login of their own gets an id of its own.
    const author: FakeUser =
      input.user?.login === undefined || input.user.login === user.login
        ? { ...user, ...input.user }
        : { type: 'User', id: otherId(input.user.login), ...input.user, login: input.user.login }
    const apiBase = `${url}/repos/${input.owner}/${input.repo}`
    const comment: FakeComment = {
      id,
      node_id: `IC_${id}`,
      url: `${apiBase}/issues/comments/${id}`,
      html_url: `${url}/${input.owner}/${input.repo}/pull/${input.issueNumber}#issuecomment-${id}`,
      issue_url: `${apiBase}/issues/${input.issueNumber}`,
      body: input.body,
      user: author,
      created_at: now,
      updated_at: now,
      author_association: 'NONE'
    }
    comments.push(comment)
    locations.set(id, { owner: input.owner, repo: input.repo, issueNumber: input.issueNumber })
    return comment
  }

  const addPull: GitHubServer['addPull'] = input => {
    const name = `${input.owner}/${input.repo}`
    const pull: FakePull = {
      number: input.number,
      state: input.state ?? 'open',
      html_url: `${url}/${name}/pull/${input.number}`,
      head: {
        label: `${input.headOwner}:${input.headRef}`,
        ref: input.headRef,
        sha: input.headSha,
        repo: { full_name: `${input.headOwner}/${input.repo}` }
      },
      base: { ref: 'main', repo: { full_name: name } }
    }
    pulls.set(name, [...(pulls.get(name) ?? []), pull])
    return pull
  }

  const route = (method: string, path: string): GitHubRoute | 'unknown' => {
    if (method === 'GET' && path === '/user') return 'get-user'
    if (method === 'POST' && path === '/graphql') return 'graphql'
    if (method === 'GET' && LIST_PULLS.test(path)) return 'list-pulls'
    if (method === 'GET' && GET_PULL.test(path)) return 'get-pull'
    if (LIST_OR_CREATE.test(path)) {
      if (method === 'GET') return 'list-comments'
      if (method === 'POST') return 'create-comment'
    }
    if (UPDATE.test(path) && method === 'PATCH') return 'update-comment'
    return 'unknown'
  }

  const answer = (request: RecordedRequest): Answer => {
    const failure = failures.get(request.route as GitHubRoute)?.shift()
    if (failure) return failureAnswer(failure)
    if (!authorized(request.headers.authorization, options.token))
      return failureAnswer({ status: 401 })
    switch (request.route) {
      case 'get-user':
        return tokenKind === 'personal'
          ? { status: 200, json: user }
          : failureAnswer({ status: 403 })
      case 'graphql':
        return viewer(request)
      case 'list-comments':
        return listComments(request)
      case 'create-comment':
        return createComment(request)
      case 'update-comment':
        return updateComment(request)
      case 'list-pulls':
        return listPulls(request)
      case 'get-pull':
        return getPull(request)
      case 'unknown':
        return failureAnswer({ status: 404 })
    }
  }

  const listComments = (request: RecordedRequest): Answer => {
    const [, owner, repo, issue] = LIST_OR_CREATE.exec(request.path) ?? []
    const perPage = Math.min(MAX_PER_PAGE, Number(request.query.per_page ?? DEFAULT_PER_PAGE))
    const page = Math.max(1, Number(request.query.page ?? 1))
    const all = comments.filter(comment => isAt(comment, owner, repo, Number(issue)))
    const lastPage = Math.max(1, Math.ceil(all.length / perPage))
    const links: string[] = []
    const pageUrl = (n: number): string => `${url}${request.path}?per_page=${perPage}&page=${n}`
    if (page < lastPage)
      links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`)
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`)
    return {
      status: 200,
      json: all.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }

  const createComment = (request: RecordedRequest): Answer => {
    const [, owner = '', repo = '', issue] = LIST_OR_CREATE.exec(request.path) ?? []
    const body = bodyOf(request)
    if (typeof body !== 'string') return bodyProblem(body)
    return { status: 201, json: addComment({ owner, repo, issueNumber: Number(issue), body }) }
  }

  const updateComment = (request: RecordedRequest): Answer => {
    const [, owner, repo, id] = UPDATE.exec(request.path) ?? []
    const comment = comments.find(c => c.id === Number(id) && isAt(c, owner, repo))
    if (!comment) return failureAnswer({ status: 404 })
    // Only its author may edit a comment (an admin's token could; no test needs one).
    if (comment.user.id !== user.id) return failureAnswer({ status: 403 })
    const body = bodyOf(request)
    if (typeof body !== 'string') return bodyProblem(body)
    comment.body = body
    comment.updated_at = new Date().toISOString()
    return { status: 200, json: comment }
  }

  // The one GraphQL query the action sends; anything else is a GraphQL error.
  const viewer = (request: RecordedRequest): Answer => {
    const query = (request.body as { query?: unknown } | undefined)?.query
    if (typeof query !== 'string' || !GRAPHQL_VIEWER.test(query)) {
      return {
        status: 200,
        json: { errors: [{ message: 'the loopback server answers only viewer { login }' }] }
      }
    }
    return { status: 200, json: { data: { viewer: { login: user.login } } } }
  }

  // GitHub's filters: `state` (default open, or all) and `head` as `owner:branch`.
  const listPulls = (request: RecordedRequest): Answer => {
    const [, owner, repo] = LIST_PULLS.exec(request.path) ?? []
    const state = request.query.state ?? 'open'
    const { head } = request.query
    const found = (pulls.get(`${owner}/${repo}`) ?? []).filter(
      pull => (state === 'all' || pull.state === state) && (!head || pull.head.label === head)
    )
    return { status: 200, json: found }
  }

  const getPull = (request: RecordedRequest): Answer => {
    const [, owner, repo, number] = GET_PULL.exec(request.path) ?? []
    const pull = pulls.get(`${owner}/${repo}`)?.find(found => found.number === Number(number))
    return pull ? { status: 200, json: pull } : failureAnswer({ status: 404 })
  }

  const server = createServer((incoming, response) => {
    void readBody(incoming).then(raw => {
      const parsed = new URL(incoming.url ?? '/', 'http://127.0.0.1')
      const method = incoming.method ?? 'GET'
      const recorded: RecordedRequest = {
        route: route(method, parsed.pathname),
        method,
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams),
        headers: incoming.headers,
        body: parseJson(raw),
        receivedAt: Date.now()
      }
      requests.push(recorded)
      const { status, json, headers } = answer(recorded)
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      response.end(JSON.stringify(json))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    comments,
    requests,
    failNext(routeName, failure, times = 1) {
      const queue = failures.get(routeName) ?? []
      for (let i = 0; i < times; i++) queue.push(failure)
      failures.set(routeName, queue)
    },
    pulls,
    addPull,
    addComment,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}

/** A stable id for another account, never the token's own. */
function otherId(login: string): number {
  let hash = 0
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000
  return 2_000_000 + hash
}

function authorized(header: string | undefined, token: string | undefined): boolean {
  if (header === undefined) return false
  return token === undefined || header === `token ${token}` || header === `Bearer ${token}`
}

function failureAnswer(failure: Failure): Answer {
  return {
    status: failure.status,
    headers: failure.headers,
    json: {
      message: failure.message ?? DEFAULT_MESSAGES[failure.status] ?? 'Error',
      documentation_url: 'https://docs.github.com/rest'
    }
  }
}

/** The `body` field if it is a string GitHub would accept, else the problem. */
function bodyOf(request: RecordedRequest): string | { problem: string } {
  const body = (request.body as { body?: unknown } | undefined)?.body
  if (typeof body !== 'string' || body === '') return { problem: 'missing_field' }
  if (body.length > BODY_LIMIT) return { problem: 'too_long' }
  return body
}

function bodyProblem({ problem }: { problem: string }): Answer {
  const message =
    problem === 'too_long'
      ? `body is too long (maximum is ${BODY_LIMIT} characters)`
      : 'body is missing'
  return {
    status: 422,
    json: {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message }],
      documentation_url: 'https://docs.github.com/rest'
    }
  }
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
