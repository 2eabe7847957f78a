// Bundles the three entry points into committed, self-contained ESM files.
// The banner gives bundled CommonJS dependencies the `require` they expect.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const entryPoints = {
  index: 'src/index.ts',
  post: 'src/post.ts',
  cli: 'src/cli.ts'
}

// A clean folder: chunk names carry content hashes, so old ones must not linger.
rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  // Shared code goes to dist/chunks/, and the command line loads a subcommand's
  // modules only when it runs (fast `--help` and `compare`).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: [
      "import { createRequire as __ppgCreateRequire } from 'node:module';",
      'const require = __ppgCreateRequire(import.meta.url);'
    ].join('\n')
  }
})
