/** Keeping report bodies within GitHub's size limit for comments. Pure. */

/** GitHub rejects issue comment bodies longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536

/**
 * The most a report may hold: the publisher adds its hidden marker line
 * (`<!-- pulumi-perf-gate:KEY -->`) above it, and both must fit GitHub's limit.
 */
export const REPORT_LIMIT = GITHUB_COMMENT_LIMIT - 1_024

const TRUNCATION_NOTE =
  "\n\n_Report truncated to fit GitHub's comment size limit; the results file holds everything._\n"

/**
 * Cuts `body` to at most `limit` characters, keeping its start (the marker and the
 * headline) and ending with a note. The cut falls at a line end when one is near,
 * and never inside a surrogate pair.
 */
export function capBody(body: string, limit: number = GITHUB_COMMENT_LIMIT): string {
  if (body.length <= limit) return body
  let end = Math.max(0, limit - TRUNCATION_NOTE.length)
  const lineEnd = body.lastIndexOf('\n', end)
  if (lineEnd > end / 2) end = lineEnd
  const code = body.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return body.slice(0, end) + TRUNCATION_NOTE
}

/** How much optional detail a render includes; reduced step by step until it fits. */
export interface Detail {
  /** Raw sample rows shown per benchmark. */
  rawRows: number
  chart: boolean
}

/**
 * Renders with as much detail as fits in `limit`: every raw sample if possible,
 * else the most raw rows that fit (binary search), else no raw rows and no chart,
 * and as a last resort the body cut by `capBody`.
 */
export function fitToLimit(
  render: (detail: Detail) => string,
  totalRows: number,
  limit: number = REPORT_LIMIT
): string {
  const full = render({ rawRows: totalRows, chart: true })
  if (full.length <= limit) return full
  const fits = (rawRows: number): boolean => render({ rawRows, chart: true }).length <= limit
  if (fits(0)) {
    let low = 0
    let high = totalRows
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (fits(middle)) low = middle
      else high = middle
    }
    return render({ rawRows: low, chart: true })
  }
  return capBody(render({ rawRows: 0, chart: false }), limit)
}
