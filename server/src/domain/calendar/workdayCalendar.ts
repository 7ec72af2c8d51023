/**
 * China's working-day calendar built from plain entries (see calendarData.ts).
 *
 * A day is a workday when an entry says so (调休 working weekend), not when an
 * entry says holiday, and otherwise when it is Monday–Friday. Later entries
 * replace earlier ones for the same date, so overrides (a local closure making
 * a weekday a holiday, an admin correction) are simply appended.
 *
 * A year is "published" only when listed in `publishedYears`. Dates in other
 * years still follow the weekday rule and the entries given, but every result
 * that depends on such a date carries `unpublished: true`, so the caller can
 * mark the deadline "calendar not published" (DOMAIN.md, "Time limits and
 * lights": never silently treat an unpublished year as an ordinary year).
 */
import type { CalendarDay } from './calendarData'
import { addDays, assertDate, isWeekend, yearOf } from './dates'
import { shanghaiDate } from './shanghaiTime'

export type CalendarInput = { entries: readonly CalendarDay[]; publishedYears: readonly number[] }
export type WorkdayResult = { date: string; unpublished: boolean }

/** Upper bound on a working-day count, to stop runaway loops on bad input. */
const MAX_WORKING_DAYS = 10_000

export class WorkdayCalendar {
  private readonly days = new Map<string, CalendarDay>()
  private readonly published: ReadonlySet<number>

  constructor(input: CalendarInput) {
    for (const e of input.entries) {
      assertDate(e.date)
      if (e.kind !== 'holiday' && e.kind !== 'workday') {
        throw new RangeError(`calendar entry ${e.date}: kind must be 'holiday' or 'workday'`)
      }
      this.days.set(e.date, e)
    }
    for (const y of input.publishedYears) {
      if (!Number.isInteger(y)) throw new RangeError(`published year must be an integer: ${y}`)
    }
    this.published = new Set(input.publishedYears)
  }

  /** The entry in force for a date, if any. */
  entry(date: string): CalendarDay | undefined {
    assertDate(date)
    return this.days.get(date)
  }

  isWorkday(date: string): boolean {
    const e = this.entry(date)
    return e ? e.kind === 'workday' : !isWeekend(date)
  }

  /** Whether the date's year is covered by a published notice. */
  isPublished(date: string): boolean {
    return this.published.has(yearOf(date))
  }

  /** Whether every year from the earlier to the later date is published. */
  isSpanPublished(a: string, b: string): boolean {
    let [from, to] = [yearOf(a), yearOf(b)]
    if (from > to) [from, to] = [to, from]
    for (let y = from; y <= to; y++) if (!this.published.has(y)) return false
    return true
  }

  /**
   * The deadline day of a limit of `n` working days accepted on `start`.
   *
   * Convention: limits count working days, excluding statutory holidays
   * (行政许可法 第八十二条), and the starting day does not count (民法典 第二百零一条:
   * 开始的当日不计入，自下一日开始计算). So the result is the n-th workday
   * strictly after `start`, and the case is due by the close of office hours
   * of that day (民法典 第二百零三条: 有业务时间的，停止业务活动的时间为截止时间). Accepted on a weekend or holiday, counting simply starts at the
   * next workday. n = 0 (即办件) gives `start` itself when it is a workday,
   * otherwise the next workday.
   *
   * `unpublished` is true when any year from `start` to the result is not
   * published.
   */
  addWorkingDays(start: string, n: number): WorkdayResult {
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}: ${n}`)
    }
    let date = start
    if (n === 0) {
      while (!this.isWorkday(date)) date = addDays(date, 1)
    } else {
      for (let counted = 0; counted < n; ) {
        date = addDays(date, 1)
        if (this.isWorkday(date)) counted++
      }
    }
    return { date, unpublished: !this.isSpanPublished(start, date) }
  }

  /**
   * Workdays in the half-open range (a, b]: `a` excluded, `b` included, so that
   * workingDaysBetween(D, addWorkingDays(D, n).date).days === n for n ≥ 1.
   * Negative when b is before a; 0 when a === b.
   */
  workingDaysBetween(a: string, b: string): { days: number; unpublished: boolean } {
    const unpublished = !this.isSpanPublished(a, b)
    const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1]
    let days = 0
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) days++
    return { days: sign * days || 0, unpublished }
  }

  /**
   * A warning for the logs when the calendar is running out: from October 1
   * (Asia/Shanghai) on, when next year is not published (the State Council
   * notice usually comes out in October–December). Also whenever the current
   * year itself is not published. Otherwise null.
   */
  missingNextYearWarning(now: Date): string | null {
    const today = shanghaiDate(now)
    const year = yearOf(today)
    if (!this.published.has(year)) {
      return (
        `Working-day calendar for ${year}, the current year, is not published (today is ${today} in Asia/Shanghai): ` +
        `every deadline is flagged "calendar not published" until the State Council holiday notice for ${year} is loaded.`
      )
    }
    if (today.slice(5) >= '10-01' && !this.published.has(year + 1)) {
      return (
        `Working-day calendar for ${year + 1} is not published yet (today is ${today} in Asia/Shanghai): ` +
        `deadlines reaching ${year + 1} are flagged "calendar not published" until the State Council holiday notice for ${year + 1} is loaded.`
      )
    }
    return null
  }
}
