/**
 * Statistics periods on Shanghai dates (YYYY-MM-DD): weeks start on Monday
 * (ISO), months on the 1st. Every period of a range is listed, so a chart
 * shows empty weeks as zero instead of skipping them.
 */
import type { RatingGranularity } from '../../../../types/enums'
import { addDays, weekday } from '../calendar/dates'

/** The period key of a date: its Monday (week) or YYYY-MM (month). */
export function periodOf(date: string, granularity: RatingGranularity): string {
  if (granularity === 'month') return date.slice(0, 7)
  const dow = weekday(date) // 0 = Sunday
  return addDays(date, -((dow + 6) % 7))
}

export function periodLabel(period: string, granularity: RatingGranularity): string {
  if (granularity === 'month') return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`
  return `${Number(period.slice(5, 7))}月${Number(period.slice(8, 10))}日周`
}

const MAX_PERIODS = 400

/** Every period from the one holding `from` to the one holding `to`, oldest first. */
export function periodsBetween(from: string, to: string, granularity: RatingGranularity): string[] {
  const out: string[] = []
  let p = periodOf(from, granularity)
  const last = periodOf(to, granularity)
  while (p <= last && out.length < MAX_PERIODS) {
    out.push(p)
    if (granularity === 'week') p = addDays(p, 7)
    else {
      const y = Number(p.slice(0, 4))
      const m = Number(p.slice(5, 7))
      p = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
    }
  }
  return out
}
