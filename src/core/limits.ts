/**
 * Upper bounds shared by the inputs and by results files read back (README "Inputs",
 * docs/workflows.md). A run asks for at most this much, and a file claiming more is
 * refused: report mode never plans for a design it could not have run.
 */

/** Most timed samples per group (`samples`), and the most a results file may plan. */
export const MAX_SAMPLES = 10_000

/**
 * Most looks (`looks`). Report mode's sequential p-value integrates every look again for
 * each look made, so its cost grows with the square of this.
 */
export const MAX_LOOKS = 50
