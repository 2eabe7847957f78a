// Bundles the three entry points into committed, self-contained ESM files.
// The banner gives bundled CommonJS dependencies the `require` they expect.
import { build } from 'esbuild'

const entryPoints = {
  index: 'src/index.ts',
  post: 'src/post.ts',
  cli: 'src/cli.ts'
}

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
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
