import table from './alpha-star-table.json'

/**
 * The α* of the designs users run most, computed once by `npm run design-table`
 * (scripts/design-table.ts) and committed, so a run with them starts at once instead of
 * simulating for seconds; test/stats/alpha-star-table.test.ts recomputes some entries.
 */
const ALPHA_STARS: Readonly<Record<string, number>> = table.alphaStar

/** The tabled α* of a calibration key, if the table has it. */
export function tabledAlphaStar(key: string): number | undefined {
  return Object.hasOwn(ALPHA_STARS, key) ? ALPHA_STARS[key] : undefined
}

/**
 * The whole table: a cache of values computed by this code is kept under its hash, so
 * a change that makes the table be recomputed also leaves caches of the old code aside.
 */
export const ALPHA_STAR_TABLE: Readonly<Record<string, number>> = ALPHA_STARS
