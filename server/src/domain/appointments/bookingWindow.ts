/**
 * The booking window (DOMAIN.md "Appointments"): from the next working day up
 * to N working days ahead, in the Asia/Shanghai calendar. Holidays are never
 * in it; 调休 working weekends are.
 */
import { addDays } from '../calendar/dates'
import type { WorkdayCalendar } from '../calendar'

export interface BookingWindow {
  /** The working days a citizen may book, in order. */
  dates: string[]
  first: string
  last: string
  /** Some day falls in a year whose holiday calendar is not published yet. */
  unpublished: boolean
}

/** The N working days strictly after `today` (a Shanghai date). */
export function bookingWindow(calendar: WorkdayCalendar, today: string, workingDays: number): BookingWindow {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`working days must be a positive integer: ${workingDays}`)
  const dates: string[] = []
  let unpublished = false
  for (let d = addDays(today, 1); dates.length < workingDays; d = addDays(d, 1)) {
    if (!calendar.isWorkday(d)) continue
    dates.push(d)
    if (!calendar.isPublished(d)) unpublished = true
  }
  return { dates, first: dates[0], last: dates[dates.length - 1], unpublished }
}

export function inWindow(window: BookingWindow, date: string): boolean {
  return window.dates.includes(date)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** 3月5日（周四） */
export function dateLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日（周${'一二三四五六日'[isoWeekday(date) - 1]}）`
}

/** 2026年5月1日 */
export function fullDateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
