// Bundles the three entry points into committed ESM files, dist/index.js (action main),
// dist/post.js (action post step) and dist/cli.js (command line), and writes
// dist/licenses.txt, the licences of the third-party code in them.
//
// Layout. esbuild's code splitting puts code that several entry points share into
// dist/chunks/, and each module the command line imports on demand (`import('./run')`)
// into a file of its own, so `--help` and `compare` load only what they need (start-up:
// scripts/bench-cli.mjs). esbuild names those files by content hash, so a one-line
// change renamed its chunk, and every file importing it, and so on up. Here every
// file in dist/chunks/ gets a name that depends on the module graph only:
//   - a module imported on demand: its path under src/, e.g. chunks/cli-run.js;
//   - shared code: the entry points that load it, e.g. chunks/shared-cli-run+index.js
//     (esbuild makes one chunk per set of entry points, so the names are unique).
// A one-line change in src/ then changes one line in each file holding that module.
//
// Deterministic: the same src/ and node_modules/ make the same bytes, wherever the
// checkout lives (`preserveSymlinks`: a node_modules that is a symlink, as in a git
// worktree, leaves the `// node_modules/...` comments as they are in a clean clone).
// The banner gives bundled CommonJS dependencies the `require` they expect.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, posix, relative, sep } from 'node:path'
import { build } from 'esbuild'
import { bundledPackages, licensesFile } from './licenses.mjs'

const entryPoints = {
  index: 'src/index.ts',
  post: 'src/post.ts',
  cli: 'src/cli.ts'
}
const OUT = 'dist'
const CHUNKS = `${OUT}/chunks`

const result = await build({
  entryPoints,
  outdir: OUT,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  preserveSymlinks: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
  banner: {
    js: [
      "import { createRequire as __ppgCreateRequire } from 'node:module';",
      'const require = __ppgCreateRequire(import.meta.url);'
    ].join('\n')
  }
})
const outputs = result.metafile.outputs
// A licence problem fails the bundle before dist/ is touched.
const licenses = licensesFile(bundledPackages(result.metafile, '.'))

/** `src/cli/run.ts` → `cli-run`; `dist/index.js` → `index`. */
function label(output) {
  if (!output.startsWith(`${CHUNKS}/`)) return posix.basename(output, '.js')
  return outputs[output].entryPoint
    .replace(/^src\//, '')
    .replace(/\.[cm]?[jt]s$/, '')
    .replace(/[^\w.-]+/g, '-')
}

/** The output files an output loads before it runs: its static imports, transitively. */
function staticClosure(output) {
  const seen = new Set()
  const stack = [output]
  while (stack.length > 0) {
    for (const { path, kind, external } of outputs[stack.pop()].imports) {
      if (external || kind !== 'import-statement' || seen.has(path)) continue
      seen.add(path)
      stack.push(path)
    }
  }
  return seen
}

// Stable names: entries keep theirs; the other chunks are named after who loads them.
const rename = new Map()
const loaders = new Map()
for (const output of Object.keys(outputs).filter(output => outputs[output].entryPoint)) {
  if (output.startsWith(`${CHUNKS}/`)) rename.set(output, `${CHUNKS}/${label(output)}.js`)
  for (const chunk of staticClosure(output)) {
    if (outputs[chunk].entryPoint) continue
    loaders.set(chunk, [...(loaders.get(chunk) ?? []), label(output)])
  }
}
for (const [chunk, by] of loaders) rename.set(chunk, `${CHUNKS}/shared-${by.sort().join('+')}.js`)
const names = [...rename.values()]
const clash = names.find((name, i) => names.indexOf(name) !== i)
if (clash !== undefined) throw new Error(`two bundle files would be named ${clash}`)
const unnamed = Object.keys(outputs).find(
  output => output.startsWith(`${CHUNKS}/`) && !rename.has(output)
)
if (unnamed !== undefined) throw new Error(`no stable name for ${unnamed}`)

/** The specifier with which `from` imports `to`, as esbuild writes it. */
function specifier(from, to) {
  const path = posix.relative(posix.dirname(from), to)
  return path.startsWith('.') ? path : `./${path}`
}

// Every file's final text first, so that a failure leaves dist/ as it was.
const files = result.outputFiles.map(file => {
  const output = relative(process.cwd(), file.path).split(sep).join('/')
  if (!outputs[output]) throw new Error(`esbuild wrote ${output}, which its metafile lacks`)
  const target = rename.get(output) ?? output
  let text = file.text
  for (const { path, external } of outputs[output].imports) {
    if (external) continue
    const from = `"${specifier(output, path)}"`
    const to = `"${specifier(target, rename.get(path) ?? path)}"`
    if (!text.includes(from)) throw new Error(`${output} has no import ${from}`)
    text = text.split(from).join(to)
  }
  return { target, text }
})

rmSync(OUT, { recursive: true, force: true })
for (const { target, text } of files) {
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, text)
}
writeFileSync(`${OUT}/licenses.txt`, licenses)
