/**
 * Columns padded to their widest cell for a terminal: the first `textColumns` (text)
 * left-aligned, the others (numbers) right-aligned. Cells are already plain text. Pure.
 */
export function alignColumns(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns: number
): string[] {
  const cells = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...cells.map(row => row[column]?.length ?? 0)))
  return cells.map(row =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return column < textColumns ? cell.padEnd(width) : cell.padStart(width)
      })
      .join('  ')
      .trimEnd()
  )
}
