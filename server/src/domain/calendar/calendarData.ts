/**
 * Calendar entries: the days on which China's working calendar differs from
 * the plain "Monday–Friday work, weekend rest" rule, as published yearly by the
 * State Council (国务院办公厅关于…部分节假日安排的通知).
 *
 * The `chinese-days` package ships these notices as JSON; this module turns
 * them into plain entries. The calendar class takes entries, not the package,
 * so that a database table (seeded from here, overridable by an admin) can feed
 * it later.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { assertDate, yearOf } from './dates'

export type CalendarDay = {
  date: string // 'YYYY-MM-DD' (Asia/Shanghai calendar date)
  /**
   * holiday: no work on that day (a public holiday, or a rest day of the
   * holiday period, including weekdays taken as bridging rest days and the
   * weekend days inside the period);
   * workday: an adjusted working weekend day (调休上班).
   */
  kind: 'holiday' | 'workday'
  name: string // e.g. '春节'
}

type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> }
const pkg = data as unknown as PackageData

/** Package values read "English name,中文名,days", e.g. "Spring Festival,春节,4". */
function chineseName(value: string): string {
  const parts = value.split(',')
  return parts[1] || parts[0] || ''
}

/**
 * The entries `chinese-days` holds for the given years, sorted by date.
 * Weekend days inside a holiday period are included as holidays (harmless for
 * the arithmetic, useful to an admin reading the table).
 */
export function chineseDaysEntries(years: number[]): CalendarDay[] {
  const wanted = new Set(years)
  const out: CalendarDay[] = []
  const add = (map: Record<string, string>, kind: CalendarDay['kind']) => {
    for (const [date, value] of Object.entries(map)) {
      assertDate(date)
      if (wanted.has(yearOf(date))) out.push({ date, kind, name: chineseName(value) })
    }
  }
  add(pkg.holidays, 'holiday')
  add(pkg.workdays, 'workday')
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

/**
 * The years whose State Council notice the package really contains, derived
 * from its data: a year counts when it has Spring Festival holidays. Every
 * notice includes 春节, and 春节 always falls in January–February of its own
 * year, so a few late-December days that an earlier or later notice spills
 * into a neighbouring year (e.g. 2018-12-30 for 元旦 2019) never make that
 * neighbouring year look published.
 */
export function publishedYears(): number[] {
  const years = new Set<number>()
  for (const [date, value] of Object.entries(pkg.holidays)) {
    if (chineseName(value) === '春节' || value.startsWith('Spring Festival')) years.add(yearOf(date))
  }
  return [...years].sort((a, b) => a - b)
}

/** Everything the package publishes, ready for `new WorkdayCalendar(…)` or seeding. */
export function chineseDaysCalendarInput(): { entries: CalendarDay[]; publishedYears: number[] } {
  const years = publishedYears()
  return { entries: chineseDaysEntries(years), publishedYears: years }
}
