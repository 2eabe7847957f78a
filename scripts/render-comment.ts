/**
 * Remakes docs/comment.png, the picture of a pull-request comment in the README:
 *
 *   npm run render-comment   (or: npx vite-node scripts/render-comment.ts [out.png])
 *
 * Runs the shipped command line (dist/cli.js; `npm run bundle` first if src/ changed) in
 * Pulumi mode against the simulated releases, offline, timing up, update and destroy,
 * with the buggy 3.43.1 as the candidate, so the report is a regression. Renders its markdown as GitHub does (markdown
 * with HTML, GitHub's CSS, the Mermaid chart drawn by mermaid from node_modules) and
 * screenshots the page with headless Chromium (`apt-get install chromium`, or set
 * CHROMIUM to the browser's path).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import MarkdownIt from 'markdown-it'
import { root, simulatedPulumi } from './simulated-pulumi'

const output = process.argv[2] ?? join(root, 'docs', 'comment.png')
const WIDTH = 920
const browser = process.env.CHROMIUM ?? 'chromium'

/** The markdown report of a Pulumi-mode run timing three phases: 3.44.3 as baseline, 3.43.1 as candidate. */
async function demoReport(): Promise<string> {
  const pulumi = await simulatedPulumi()
  try {
    const { status, stdout } = await pulumi.run({
      baseline: '3.44.3',
      candidate: '3.43.1',
      flags: [
        ...['--config', 'resources: 200\nlatencyMs: 50', '--samples', '20'],
        ...['--phases', 'up, update, destroy'],
        ...['--results-file', join(pulumi.work, 'results.json'), '--format', 'markdown']
      ],
      stdout: 'pipe'
    })
    // 1 is the regression this run is meant to show; anything else is a failure.
    if (status !== 0 && status !== 1) throw new Error(`dist/cli.js run exited with ${status}`)
    return stdout
  } finally {
    await pulumi.close()
  }
}

/** Markdown to HTML the way GitHub treats a comment: raw HTML kept, Mermaid fences drawn. */
function renderMarkdown(markdown: string): string {
  const md = new MarkdownIt({ html: true, linkify: true })
  const fence = md.renderer.rules.fence!
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!
    if (token.info.trim() !== 'mermaid') return fence(tokens, index, options, env, self)
    return `<pre class="mermaid">${md.utils.escapeHtml(token.content)}</pre>\n`
  }
  return md.render(markdown)
}

/** A page showing the report as a comment by the Actions bot, with GitHub's styles. */
function commentPage(body: string): string {
  const asset = (path: string) => pathToFileURL(join(root, 'node_modules', path)).href
  return `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${asset('github-markdown-css/github-markdown-light.css')}">
<style>
  body { margin: 0; padding: 16px; background: #fff; width: ${WIDTH - 32}px; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
    font: 14px -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
    color: #59636e; }
  .header b { color: #1f2328; }
  .bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; }
  .markdown-body { padding: 16px; }
  pre.mermaid { background: none; text-align: center; }
</style>
<script src="${asset('mermaid/dist/mermaid.min.js')}"></script>
</head><body>
<div class="comment">
  <div class="header"><b>github-actions</b> <span class="bot">bot</span> commented</div>
  <div class="markdown-body">${body}</div>
</div>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default' })
  mermaid.run().finally(() => {
    const bottom = document.querySelector('.comment').getBoundingClientRect().bottom
    document.body.dataset.height = String(Math.ceil(bottom + 16))
  })
</script>
</body></html>
`
}

/** Runs headless Chromium on the page with a fresh profile and no network chatter. */
async function chromium(page: string, profile: string, args: string[]): Promise<string> {
  const flags = [
    ...['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    ...['--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
    `--user-data-dir=${profile}`,
    // Lets mermaid finish drawing before the page is dumped or shot.
    '--virtual-time-budget=20000'
  ]
  const { stdout } = await promisify(execFile)(browser, [...flags, ...args, page], {
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout
}

/** Screenshots the page at the height the comment needs (measured in a first pass). */
async function screenshot(page: string, work: string): Promise<void> {
  const dom = await chromium(page, join(work, 'profile-measure'), [
    '--dump-dom',
    `--window-size=${WIDTH},1000`
  ])
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1])
  if (!height) throw new Error('the page did not finish rendering (no data-height)')
  await chromium(page, join(work, 'profile-shoot'), [
    `--screenshot=${output}`,
    `--window-size=${WIDTH},${height}`,
    '--force-device-scale-factor=2'
  ])
}

const work = mkdtempSync(join(tmpdir(), 'pulumi-perf-gate-comment-'))
try {
  const markdown = await demoReport()
  const page = join(work, 'comment.html')
  writeFileSync(page, commentPage(renderMarkdown(markdown)))
  await screenshot(pathToFileURL(page).href, work)
  console.log(`wrote ${output}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
