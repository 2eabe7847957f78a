/** A human duration for estimates and limits: `300 ms`, `12.3 s`, `2 min 10 s`, `1 h 5 min`. */
export function formatTimeSpan(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  if (seconds < 3600) {
    const whole = Math.round(seconds)
    return joinUnits(Math.floor(whole / 60), 'min', whole % 60, 's')
  }
  const minutes = Math.round(seconds / 60)
  return joinUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'min')
}

/** One sample's time with the precision a benchmark needs: `12.34 ms`, `1.234 s`. */
export function formatSampleTime(seconds: number): string {
  return seconds < 1 ? `${(seconds * 1000).toFixed(2)} ms` : `${seconds.toFixed(3)} s`
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`
}
