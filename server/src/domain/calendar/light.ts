/**
 * Deadline lights (电子监察 亮灯, DOMAIN.md "Time limits and lights"):
 * green within the limit, yellow when 0.5 working day or less remains, red
 * past the limit. Remaining time is office time (officeHours.ts), so half a
 * working day is half of minutesPerDay (210 office minutes by default).
 */
import { minutesPerDay, officeMsBetween, type OfficeHours } from './officeHours'
import { shanghaiDate } from './shanghaiTime'
import type { WorkdayCalendar } from './workdayCalendar'

export type Light = 'green' | 'yellow' | 'red'

export type LightInput = {
  calendar: WorkdayCalendar
  hours: OfficeHours
  dueAt: Date
  now: Date
  /**
   * The clock is stopped (open 补正 or 特别程序). Pass the dueAt that
   * computeDeadline returned for the same `now`: it treats the open pause as
   * ending now, so the remaining time is frozen. Echoed for the label.
   */
  paused?: boolean
}

export type LightResult = {
  light: Light
  /**
   * Whole office minutes left (rounded down), negative when overdue. Red
   * always comes with a negative value (at least -1), even in the evening of
   * the deadline day when no office time has yet passed since dueAt.
   */
  remainingMinutes: number
  unpublished: boolean
  paused: boolean
}

export function deadlineLight(input: LightInput): LightResult {
  const { calendar, hours, dueAt, now } = input
  const ms = officeMsBetween(calendar, hours, now, dueAt)
  const unpublished = !calendar.isSpanPublished(shanghaiDate(now), shanghaiDate(dueAt))
  const paused = input.paused ?? false
  if (now.getTime() > dueAt.getTime()) {
    return { light: 'red', remainingMinutes: Math.min(-1, Math.floor(ms / 60_000)), unpublished, paused }
  }
  const remainingMinutes = Math.floor(ms / 60_000)
  const light: Light = remainingMinutes * 2 <= minutesPerDay(hours) ? 'yellow' : 'green'
  return { light, remainingMinutes, unpublished, paused }
}

/** A count in tenths, truncated, as '1.5' or '2'. */
function tenths(numerator: number, denominator: number): string {
  const t = Math.floor((numerator * 10) / denominator)
  return t % 10 === 0 ? String(t / 10) : `${Math.floor(t / 10)}.${t % 10}`
}

/**
 * A Chinese label for a light result: 剩余1.5个工作日, 剩余3小时, 剩余45分钟,
 * 剩余不足1分钟, 已超期2个工作日. One working day or more is shown in working
 * days, less in hours, under an hour in minutes; values are truncated to one
 * decimal. Prefixed 已暂停， when paused; suffixed （工作日历未发布） when the
 * calendar does not cover the period.
 */
export function lightLabel(
  result: Pick<LightResult, 'remainingMinutes'> & Partial<Pick<LightResult, 'paused' | 'unpublished'>>,
  hours: OfficeHours,
): string {
  const perDay = minutesPerDay(hours)
  const m = Math.abs(Math.trunc(result.remainingMinutes))
  const amount = m >= perDay ? `${tenths(m, perDay)}个工作日` : m >= 60 ? `${tenths(m, 60)}小时` : `${m}分钟`
  const core = result.remainingMinutes < 0 ? `已超期${amount}` : m === 0 ? '剩余不足1分钟' : `剩余${amount}`
  return `${result.paused ? '已暂停，' : ''}${core}${result.unpublished ? '（工作日历未发布）' : ''}`
}
