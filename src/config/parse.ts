import { InputError } from '../core/errors/errors'

/**
 * Typed readers for input values. Each failure is one line naming the input, the
 * value and what is allowed.
 */

function reject(input: string, value: string, allowed: string): never {
  throw new InputError(`${input}: ${JSON.stringify(value)} is not valid; expected ${allowed}`)
}

export function parseInteger(
  input: string,
  value: string,
  bounds: { min: number; max?: number }
): number {
  const text = value.trim()
  const allowed =
    bounds.max === undefined
      ? `a whole number ≥ ${bounds.min}`
      : `a whole number from ${bounds.min} to ${bounds.max}`
  if (!/^[+]?\d+$/.test(text)) reject(input, value, allowed)
  const number = Number(text)
  if (
    !Number.isSafeInteger(number) ||
    number < bounds.min ||
    (bounds.max !== undefined && number > bounds.max)
  ) {
    reject(input, value, allowed)
  }
  return number
}

/** A positive number of minutes (fractions allowed: `0.5` is 30 s). */
export function parseMinutes(input: string, value: string): number {
  const number = parseDecimal(value)
  if (number === undefined || !(number > 0)) reject(input, value, 'a number of minutes > 0')
  return number
}

/** The significance level: a number in (0, 0.5]. */
export function parseAlpha(input: string, value: string): number {
  const number = parseDecimal(value)
  if (number === undefined || !(number > 0 && number <= 0.5)) {
    reject(input, value, 'a number greater than 0 and at most 0.5, such as 0.05')
  }
  return number
}

/** A relative change: `5%`, `0.05` or `0%`, from 0 up to (not including) 100%. */
export function parseThreshold(input: string, value: string): number {
  const text = value.trim()
  const percent = text.endsWith('%')
  const number = parseDecimal(percent ? text.slice(0, -1) : text)
  const fraction = number === undefined ? undefined : percent ? number / 100 : number
  if (fraction === undefined || !(fraction >= 0 && fraction < 1)) {
    reject(
      input,
      value,
      'a percentage such as 5% or a fraction such as 0.05, at least 0 and below 100%'
    )
  }
  return fraction
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[]
): T {
  const text = value.trim()
  if (!(choices as readonly string[]).includes(text)) {
    reject(input, value, `one of ${choices.join(', ')}`)
  }
  return text as T
}

function parseDecimal(value: string): number | undefined {
  const text = value.trim()
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined
  return Number(text)
}
