// Computes the committed α* table (src/stats/design/alpha-star-table.json) for the plans in
// scripts/design-table-entries.ts: run it after changing how a design is calibrated;
// test/stats/alpha-star-table.test.ts fails until then. Minutes: every entry is a
// seeded null simulation (README "How it decides").
// Run: npm run design-table
import { writeFileSync } from 'node:fs'
import { computeAlphaStar } from '../src/stats/design/calibrate'
import { tableRequests } from './design-table-entries'

const TABLE = new URL('../src/stats/design/alpha-star-table.json', import.meta.url)

const requests = [...tableRequests()]
const alphaStar: Record<string, number> = {}
const started = Date.now()
for (const [index, [key, request]] of requests.entries()) {
  alphaStar[key] = computeAlphaStar(request)
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  console.log(`${index + 1}/${requests.length} (${seconds} s) ${key}: ${alphaStar[key]}`)
}
const sorted = Object.fromEntries(Object.entries(alphaStar).sort(([a], [b]) => a.localeCompare(b)))
writeFileSync(TABLE, `${JSON.stringify({ alphaStar: sorted }, null, 2)}\n`)
console.log(`wrote ${requests.length} entries to ${TABLE.pathname}`)
