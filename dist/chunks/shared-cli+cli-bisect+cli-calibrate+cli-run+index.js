import { createRequire as __ppgCreateRequire } from 'node:module';
const require = __ppgCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "pulumi-perf-gate",
  version: "0.1.0",
  description: "GitHub Action and CLI that catches performance regressions in Pulumi deployments: interleaved benchmarks, Welch's t-test, one sticky pull-request comment.",
  license: "MIT",
  private: true,
  type: "module",
  bin: {
    "pulumi-perf-gate": "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  scripts: {
    bundle: "node scripts/bundle.mjs",
    typecheck: "tsc --noEmit",
    lint: "eslint .",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    test: "vitest run --project unit --project mocks --project processes --project e2e",
    "test:real": "vitest run --project real",
    "build:real-pulumi": "vite-node scripts/build-real-pulumi.ts --",
    all: "npm run format:check && npm run lint && npm run typecheck && npm run test && npm run bundle",
    demo: "npm run -s bundle && vite-node scripts/demo.ts",
    "bench:cli": "node scripts/bench-cli.mjs",
    "bench:startup": "npm run -s bundle && node scripts/bench-startup.mjs",
    "bench:hyperfine": "node scripts/bench-hyperfine.mjs",
    "bench:resources": "node scripts/bench-resources.mjs",
    "bench:redact": "vite-node scripts/bench-redact.ts",
    "bench:cancel": "npm run -s bundle && vite-node scripts/bench-cancel.ts",
    "local-action": "local-action . src/action/main.ts .env",
    validate: "vite-node scripts/validate.ts",
    "validate:bisect": "vite-node scripts/validate-bisect.ts",
    "design-table": "vite-node scripts/design-table.ts",
    "render-comment": "npm run -s bundle && vite-node scripts/render-comment.ts"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/glob": "^0.7.0",
    "@actions/http-client": "^4.0.1",
    "@actions/tool-cache": "^4.0.0",
    "@stdlib/math-base-special-erfcinv": "^0.2.4",
    "@stdlib/stats-base-dists-normal-cdf": "^0.3.1",
    "@stdlib/stats-base-dists-t-cdf": "^0.2.3",
    "@stdlib/stats-base-dists-t-quantile": "^0.2.3",
    "simple-statistics": "^7.12.1"
  },
  devDependencies: {
    "@eslint/js": "^9.39.5",
    "@github/local-action": "^7.0.1",
    "@types/markdown-it": "^14.2.0",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    "eslint-plugin-import-x": "^4.18.1",
    "github-markdown-css": "^5.9.0",
    globals: "^17.14.0",
    "markdown-it": "^15.0.3",
    mermaid: "^11.17.2",
    prettier: "^3.10.1",
    typescript: "~5.9",
    "typescript-eslint": "^8.73.0",
    "vite-node": "^3.2.4",
    vitest: "^3.2.7",
    yaml: "^2.9.1"
  }
};

// src/core/version.ts
var TOOL_VERSION = package_default.version;

export {
  TOOL_VERSION
};
