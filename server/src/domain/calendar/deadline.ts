/**
 * Case deadlines with pauses.
 *
 * Rule (DOMAIN.md "Time limits and lights" and "Cases": limits are in working
 * days; 补正 and special procedures 特别程序 pause the clock; 行政许可法 第四十五条:
 * time for hearings, expert review etc. is not counted in the limit):
 *
 * - A case accepted on day D (Asia/Shanghai) with a limit of N ≥ 1 working
 *   days has a budget of N × minutesPerDay office minutes. The clock starts at
 *   the end of day D: the day of acceptance does not count (民法典 第二百零一条).
 * - The budget is consumed only by office minutes on workdays (officeHours.ts)
 *   outside every pause. Office minutes inside a pause do not consume budget,
 *   so a pause extends the deadline by exactly the office time it covers.
 * - dueAt is the instant the budget runs out. Without pauses (or with pauses of
 *   whole working days) that is the close of office hours of the deadline day
 *   WorkdayCalendar#addWorkingDays(D, N), as 民法典 第二百零三条 puts it: where
 *   there are business hours, the cut-off is the close of business. A budget
 *   running out exactly at the end of a session yields that session's end.
 * - An open pause (to = null) stops the clock now: it is treated as ending at
 *   `now` (required then), so dueAt is "the deadline if the pause ended now"
 *   and the office time remaining from `now` to dueAt stays frozen while the
 *   pause lasts.
 * - N = 0 (即办件): due at the close of the acceptance day (of the next workday
 *   when accepted on a non-working day); the budget is the office time from
 *   acceptance to that close, so pauses extend it the same way. Accepted after
 *   that close, it is due at the acceptance instant.
 * - `unpublished` is true when any year from D to the deadline day is not
 *   published: the caller shows "calendar not published".
 */
import { addDays } from './dates'
import { closeOfDay, minutesPerDay, officeIntervalsFrom, officeMsBetween, type OfficeHours } from './officeHours'
import { shanghaiDate, shanghaiMinuteInstant } from './shanghaiTime'
import type { WorkdayCalendar } from './workdayCalendar'

export type Pause = { from: Date; to: Date | null }

export type DeadlineInput = {
  calendar: WorkdayCalendar
  hours: OfficeHours
  acceptedAt: Date
  limitDays: number
  pauses?: readonly Pause[]
  /** Required when a pause is open (to = null). */
  now?: Date
}

export type Deadline = { dueAt: Date; unpublished: boolean; paused: boolean }

const MAX_LIMIT_DAYS = 3_650

function time(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN
  if (Number.isNaN(t)) throw new RangeError(`${what} is not a valid Date`)
  return t
}

/** Pauses as sorted, merged [start, end) millisecond intervals. */
function pauseIntervals(pauses: readonly Pause[], now: Date | undefined): Array<[number, number]> {
  const raw = pauses.map((p, i): [number, number] => {
    const from = time(p.from, `pauses[${i}].from`)
    if (p.to === null) {
      if (!now) throw new TypeError('an open pause (to = null) needs `now`')
      return [from, Math.max(from, time(now, 'now'))]
    }
    const to = time(p.to, `pauses[${i}].to`)
    if (to < from) throw new RangeError(`pauses[${i}] ends before it starts`)
    return [from, to]
  })
  raw.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else if (e > s) merged.push([s, e])
  }
  return merged
}

/** The instant `budgetMs` of unpaused office time after `start` is used up. */
function consume(
  calendar: WorkdayCalendar,
  hours: OfficeHours,
  start: Date,
  budgetMs: number,
  pauses: Array<[number, number]>,
): Date {
  if (budgetMs <= 0) return start
  let left = budgetMs
  for (const [s, e] of officeIntervalsFrom(calendar, hours, start)) {
    // Cut the pauses out of this office interval, then spend on what is left.
    let cursor = s
    for (const [ps, pe] of pauses) {
      if (pe <= cursor || ps >= e) continue
      if (ps > cursor) {
        if (ps - cursor >= left) return new Date(cursor + left)
        left -= ps - cursor
      }
      cursor = Math.max(cursor, pe)
      if (cursor >= e) break
    }
    if (cursor < e) {
      if (e - cursor >= left) return new Date(cursor + left)
      left -= e - cursor
    }
  }
  throw new Error('unreachable: office intervals never end')
}

export function computeDeadline(input: DeadlineInput): Deadline {
  const { calendar, hours, acceptedAt, limitDays } = input
  if (!Number.isInteger(limitDays) || limitDays < 0 || limitDays > MAX_LIMIT_DAYS) {
    throw new RangeError(`limitDays must be an integer from 0 to ${MAX_LIMIT_DAYS}: ${limitDays}`)
  }
  const accepted = time(acceptedAt, 'acceptedAt')
  const pauses = pauseIntervals(input.pauses ?? [], input.now)
  const day = shanghaiDate(acceptedAt)

  let dueAt: Date
  if (limitDays === 0) {
    const close = closeOfDay(hours, calendar.addWorkingDays(day, 0).date)
    const budget = Math.max(0, officeMsBetween(calendar, hours, acceptedAt, close))
    dueAt = budget > 0 ? consume(calendar, hours, acceptedAt, budget, pauses) : new Date(Math.max(accepted, close.getTime()))
  } else {
    const clockStart = shanghaiMinuteInstant(addDays(day, 1), 0)
    dueAt = consume(calendar, hours, clockStart, limitDays * minutesPerDay(hours) * 60_000, pauses)
  }
  return {
    dueAt,
    unpublished: !calendar.isSpanPublished(day, shanghaiDate(dueAt)),
    paused: (input.pauses ?? []).some((p) => p.to === null),
  }
}
