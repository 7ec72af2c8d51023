/**
 * No-show ban (DOMAIN.md "Appointments"): `limit` no-shows within
 * `windowDays` days → no booking for `banDays` days. Computed from the dates
 * of the citizen's no-shows, so forgiving one (changing its status) lifts the
 * ban with no second record to keep in step.
 *
 * A no-show on day D that brings the count within (D − windowDays, D] to
 * `limit` bans through D + banDays (inclusive).
 */
import { addDays, daysBetween } from '../calendar/dates'
import { fullDateLabel } from './bookingWindow'

export interface NoShowRules {
  limit: number
  windowDays: number
  banDays: number
}

export interface Ban {
  /** Last banned day, inclusive. */
  until: string
  noShows: number
  message: string
}

/** How far back no-shows can still matter on `today`. */
export function noShowLookbackStart(today: string, rules: NoShowRules): string {
  return addDays(today, -(rules.banDays + rules.windowDays))
}

export function bookingBan(noShowDates: readonly string[], today: string, rules: NoShowRules): Ban | null {
  const dates = [...noShowDates].sort()
  let best: { until: string; noShows: number } | null = null
  for (let i = 0; i < dates.length; i++) {
    const inWindow = dates.slice(0, i + 1).filter((d) => daysBetween(d, dates[i]) < rules.windowDays).length
    if (inWindow < rules.limit) continue
    const until = addDays(dates[i], rules.banDays)
    if (!best || until > best.until) best = { until, noShows: inWindow }
  }
  if (!best || best.until < today) return null
  return {
    ...best,
    message: `您在${rules.windowDays}天内有${best.noShows}次预约未到，${fullDateLabel(best.until)}（含）前不能在线预约；如有疑问请拨打12345`,
  }
}

/** The warning given with a no-show that does not (yet) ban. */
export function noShowWarning(rules: NoShowRules): string {
  return `${rules.windowDays}天内预约未到${rules.limit}次，将有${rules.banDays}天不能在线预约。`
}
