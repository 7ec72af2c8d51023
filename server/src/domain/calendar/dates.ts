/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings. A date string names a day,
 * not an instant, so this arithmetic uses UTC internally and is independent of
 * the process time zone.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Whether `date` is a real calendar date 'YYYY-MM-DD' (2026-02-30 matches the pattern but is none). */
export function isCalendarDate(date: string): boolean {
  const m = DATE_RE.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Throws a RangeError unless `date` is a real calendar date 'YYYY-MM-DD'. */
export function assertDate(date: string): void {
  if (isCalendarDate(date)) return
  throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`)
}

function toUtcMs(date: string): number {
  assertDate(date)
  return Date.parse(`${date}T00:00:00Z`)
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return new Date(toUtcMs(date) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay()
}

export function isWeekend(date: string): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

export function yearOf(date: string): number {
  assertDate(date)
  return Number(date.slice(0, 4))
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS)
}
