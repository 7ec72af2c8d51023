/** How dates and times of appointments read. Plain functions, tested in format.test.ts. */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '2026-11-23' → '周一' (the calendar date itself, not the device's zone). */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
}

/** '2026-11-23' → '11月23日'. */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-')
  return m && d ? `${Number(m)}月${Number(d)}日` : date
}

/** '2026-11-23', '09:00', '09:30' → '11月23日 周一 09:00–09:30'. */
export function visitLabel(date: string, startTime: string, endTime: string): string {
  return `${monthDay(date)} ${weekdayOf(date)} ${startTime}–${endTime}`
}
