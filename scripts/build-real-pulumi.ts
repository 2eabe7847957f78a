/**
 * `npm run build:real-pulumi -- [VERSION ...]`: builds the real Pulumi CLIs (default: every
 * version in scripts/real-pulumi/versions.ts), the test provider and the Python
 * virtualenv into the cache, and prints where they are as one JSON line.
 */
import { buildAll } from './real-pulumi/build'

const versions = process.argv.slice(2).filter(arg => /^\d+\.\d+\.\d+$/.test(arg))
const built = buildAll(versions.length > 0 ? versions : undefined)
process.stdout.write(`${JSON.stringify(built)}\n`)
