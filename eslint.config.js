import js from '@eslint/js'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The layers of src/, each with the layers it may import from: imports only go down
 * (docs/architecture.md explains each layer). The entry points at src/ itself sit on
 * top. A layer always imports from itself, its subfolders included.
 */
/** Everything the use cases (src/run) may use: every layer below them. */
const BELOW_RUN = [
  'config',
  'github',
  'export',
  'report',
  'results',
  'teardown',
  'pulumi',
  'bench',
  'stats',
  'core'
]

const LAYERS = {
  core: [],
  stats: ['core'],
  bench: ['core'],
  pulumi: ['bench', 'core'],
  teardown: ['pulumi', 'bench', 'core'],
  results: ['stats', 'bench', 'core'],
  report: ['results', 'stats', 'bench', 'core'],
  // One folder per format (markdown, text, json), rendering what src/report says.
  export: ['report', 'results', 'stats', 'bench', 'core'],
  github: ['report', 'stats', 'core'],
  config: ['github', 'pulumi', 'bench', 'stats', 'core'],
  run: BELOW_RUN,
  // The two front ends: the command line and the action, side by side over the use cases.
  cli: ['run', ...BELOW_RUN],
  action: ['run', ...BELOW_RUN]
}

/** One zone per layer: it may not import from any layer it does not list, nor from src/*.ts. */
const layerZones = Object.entries(LAYERS).map(([layer, allowed]) => ({
  target: `./src/${layer}`,
  from: [
    ...Object.keys(LAYERS)
      .filter(other => other !== layer && !allowed.includes(other))
      .map(other => `./src/${other}/**`),
    './src/*.ts'
  ],
  message: `src/${layer} may import only from ${allowed.length === 0 ? 'itself' : allowed.map(name => `src/${name}`).join(', ')} (eslint.config.js: LAYERS).`
}))

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/', 'fixtures/programs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    // Tests read JSON files and process output whose shape they then assert.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off'
    }
  },
  {
    // The scripts (demo, validate, bench:*) import these helpers outside vitest, where
    // importing vitest throws.
    files: [
      'test/helpers/{action-runner,cancel-scenarios,experiments,github-server}.ts',
      'test/helpers/{phase-runs,pulumi-releases,random,sim-cloud}.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vitest', message: 'scripts/ import this helper outside vitest.' }] }
      ]
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too, or no-cycle cannot follow them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })]
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      // Only the action's own layer talks to the runner; everything else is testable without it.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@actions/core', message: 'Only src/action/ may use @actions/core.' }] }
      ]
    }
  },
  {
    files: ['src/action/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' }
  }
)
