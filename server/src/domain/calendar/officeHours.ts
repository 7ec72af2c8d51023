/**
 * Office hours (DOMAIN.md "Time limits and lights": default 08:30–12:00 and
 * 14:30–18:00, settable) and office time between two instants: only time
 * inside office hours on workdays of the calendar counts, in Asia/Shanghai.
 */
import { addDays } from './dates'
import { parseHHmm, shanghaiDate, shanghaiMinuteInstant } from './shanghaiTime'
import type { WorkdayCalendar } from './workdayCalendar'

export type OfficeHours = {
  morning: readonly [string, string] // ['HH:mm', 'HH:mm']
  afternoon: readonly [string, string]
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { morning: ['08:30', '12:00'], afternoon: ['14:30', '18:00'] }

const MINUTE_MS = 60_000

function parseRange(label: string, range: string): [string, string] {
  const m = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(range)
  if (!m) throw new RangeError(`${label} office hours must look like '08:30-12:00': ${JSON.stringify(range)}`)
  return [m[1]!, m[2]!]
}

/** Office hours from settings strings such as '08:30-12:00' and '14:30-18:00'. */
export function parseOfficeHours(morning: string, afternoon: string): OfficeHours {
  const hours: OfficeHours = { morning: parseRange('morning', morning), afternoon: parseRange('afternoon', afternoon) }
  officeSessions(hours) // validates
  return hours
}

/**
 * The two sessions as [start, end) minutes since midnight. Throws RangeError
 * unless each is a valid non-empty 'HH:mm' range and the morning ends no later
 * than the afternoon starts.
 */
export function officeSessions(hours: OfficeHours): Array<[number, number]> {
  const sessions = [hours.morning, hours.afternoon].map(([a, b]) => [parseHHmm(a), parseHHmm(b)] as [number, number])
  const [[ms, me], [as, ae]] = sessions as [[number, number], [number, number]]
  if (!(ms < me)) throw new RangeError(`morning office hours must end after they start: ${hours.morning.join('-')}`)
  if (!(as < ae)) throw new RangeError(`afternoon office hours must end after they start: ${hours.afternoon.join('-')}`)
  if (me > as) throw new RangeError('the morning session must end before the afternoon session starts')
  return sessions
}

/** Office minutes of one workday: one "working day" of time (420 by default). */
export function minutesPerDay(hours: OfficeHours): number {
  return officeSessions(hours).reduce((sum, [s, e]) => sum + e - s, 0)
}

/** The instant office hours end on `date` (Shanghai). */
export function closeOfDay(hours: OfficeHours, date: string): Date {
  return shanghaiMinuteInstant(date, officeSessions(hours)[1]![1])
}

/**
 * Office intervals [startMs, endMs) on workdays, in time order, beginning with
 * the one in progress at `from` (clipped to start at `from`). Endless: the
 * consumer stops.
 */
export function* officeIntervalsFrom(
  calendar: WorkdayCalendar,
  hours: OfficeHours,
  from: Date,
): Generator<[number, number]> {
  const sessions = officeSessions(hours)
  const t0 = from.getTime()
  for (let date = shanghaiDate(from); ; date = addDays(date, 1)) {
    if (!calendar.isWorkday(date)) continue
    for (const [s, e] of sessions) {
      const start = shanghaiMinuteInstant(date, s).getTime()
      const end = shanghaiMinuteInstant(date, e).getTime()
      if (end > t0) yield [Math.max(start, t0), end]
    }
  }
}

/** Office milliseconds between two instants (negative when `to` is before `from`). */
export function officeMsBetween(calendar: WorkdayCalendar, hours: OfficeHours, from: Date, to: Date): number {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError('not a valid Date')
  if (to.getTime() < from.getTime()) return -officeMsBetween(calendar, hours, to, from)
  const t1 = to.getTime()
  let total = 0
  for (const [s, e] of officeIntervalsFrom(calendar, hours, from)) {
    if (s >= t1) break
    total += Math.min(e, t1) - s
  }
  return total
}

/**
 * Office minutes between two instants: time inside office hours on workdays
 * only (Asia/Shanghai), negative when `to` is before `from`. May be fractional
 * when the instants carry seconds.
 */
export function officeMinutesBetween(calendar: WorkdayCalendar, hours: OfficeHours, from: Date, to: Date): number {
  return officeMsBetween(calendar, hours, from, to) / MINUTE_MS
}
