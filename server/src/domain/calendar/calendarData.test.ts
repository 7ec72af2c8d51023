/**
 * The package's data checked against the State Council notices, written here
 * as literal dates (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026).
 * For each holiday: the last working day before, every rest day of the
 * period (first and last included), the first working day after, and each
 * adjusted working weekend day (调休上班).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput, chineseDaysEntries, publishedYears } from './calendarData'
import { WorkdayCalendar } from './workdayCalendar'

type Holiday = { name: string; before: string; rest: [string, string]; after: string; workWeekends: string[] }

const NOTICES: Record<number, Holiday[]> = {
  2025: [
    { name: '元旦', before: '2024-12-31', rest: ['2025-01-01', '2025-01-01'], after: '2025-01-02', workWeekends: [] },
    { name: '春节', before: '2025-01-27', rest: ['2025-01-28', '2025-02-04'], after: '2025-02-05', workWeekends: ['2025-01-26', '2025-02-08'] },
    { name: '清明', before: '2025-04-03', rest: ['2025-04-04', '2025-04-06'], after: '2025-04-07', workWeekends: [] },
    { name: '劳动节', before: '2025-04-30', rest: ['2025-05-01', '2025-05-05'], after: '2025-05-06', workWeekends: ['2025-04-27'] },
    { name: '端午', before: '2025-05-30', rest: ['2025-05-31', '2025-06-02'], after: '2025-06-03', workWeekends: [] },
    { name: '国庆+中秋', before: '2025-09-30', rest: ['2025-10-01', '2025-10-08'], after: '2025-10-09', workWeekends: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', before: '2025-12-31', rest: ['2026-01-01', '2026-01-03'], after: '2026-01-04', workWeekends: ['2026-01-04'] },
    { name: '春节', before: '2026-02-14', rest: ['2026-02-15', '2026-02-23'], after: '2026-02-24', workWeekends: ['2026-02-14', '2026-02-28'] },
    { name: '清明', before: '2026-04-03', rest: ['2026-04-04', '2026-04-06'], after: '2026-04-07', workWeekends: [] },
    { name: '劳动节', before: '2026-04-30', rest: ['2026-05-01', '2026-05-05'], after: '2026-05-06', workWeekends: ['2026-05-09'] },
    { name: '端午', before: '2026-06-18', rest: ['2026-06-19', '2026-06-21'], after: '2026-06-22', workWeekends: [] },
    { name: '中秋', before: '2026-09-24', rest: ['2026-09-25', '2026-09-27'], after: '2026-09-28', workWeekends: [] },
    { name: '国庆', before: '2026-09-30', rest: ['2026-10-01', '2026-10-07'], after: '2026-10-08', workWeekends: ['2026-09-20', '2026-10-10'] },
  ],
}

/** Test-local date helpers (independent of the module under test). */
const utc = (d: string) => new Date(`${d}T00:00:00Z`)
const dow = (d: string) => utc(d).getUTCDay()
function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = utc(from).getTime(); t <= utc(to).getTime(); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

const cal = new WorkdayCalendar(chineseDaysCalendarInput())

for (const [year, holidays] of Object.entries(NOTICES)) {
  for (const h of holidays) {
    test(`${year} ${h.name}: ${h.before} works, ${h.rest[0]}…${h.rest[1]} rest, ${h.after} works`, () => {
      assert.equal(cal.isWorkday(h.before), true, `${h.before} (day before) is a workday`)
      for (const d of range(...h.rest)) assert.equal(cal.isWorkday(d), false, `${d} is a rest day`)
      assert.equal(cal.isWorkday(h.after), true, `${h.after} (first day after) is a workday`)
      // The literal "day before" and "day after" are the nearest workdays around the period.
      for (const d of range(h.before, h.after).slice(1, -1)) assert.equal(cal.isWorkday(d), false, `${d}`)
    })
    for (const d of h.workWeekends) {
      test(`${year} ${h.name}: ${d} (${dow(d) === 0 ? 'Sunday' : 'Saturday'}) is an adjusted working day`, () => {
        assert.ok(dow(d) === 0 || dow(d) === 6, `${d} is a weekend day in the notice`)
        assert.equal(cal.isWorkday(d), true)
        assert.equal(cal.entry(d)?.kind, 'workday')
      })
    }
  }

  test(`${year}: the package lists exactly the notice's adjusted working weekends and weekday rest days`, () => {
    const y = Number(year)
    const entries = chineseDaysEntries([y])
    const workdays = entries.filter((e) => e.kind === 'workday').map((e) => e.date)
    const expectedWorkdays = holidays.flatMap((h) => h.workWeekends).filter((d) => d.startsWith(year))
    assert.deepEqual(workdays.sort(), [...new Set(expectedWorkdays)].sort())
    const weekdayRest = entries.filter((e) => e.kind === 'holiday' && dow(e.date) % 6 !== 0).map((e) => e.date)
    const expectedRest = holidays.flatMap((h) => range(...h.rest)).filter((d) => dow(d) % 6 !== 0 && d.startsWith(year))
    assert.deepEqual(weekdayRest.sort(), expectedRest.sort())
  })
}

test('2025 and 2026 each have 248 working days (261 weekdays − 13 statutory holidays)', () => {
  assert.deepEqual(cal.workingDaysBetween('2024-12-31', '2025-12-31'), { days: 248, unpublished: false })
  assert.deepEqual(cal.workingDaysBetween('2025-12-31', '2026-12-31'), { days: 248, unpublished: false })
})

test('names are the Chinese holiday names; 2025-10-06 is 中秋 inside the 国庆 period', () => {
  const byDate = new Map(chineseDaysEntries([2025, 2026]).map((e) => [e.date, e]))
  assert.deepEqual(byDate.get('2025-01-28'), { date: '2025-01-28', kind: 'holiday', name: '春节' })
  assert.deepEqual(byDate.get('2025-10-06'), { date: '2025-10-06', kind: 'holiday', name: '中秋' })
  assert.deepEqual(byDate.get('2026-02-28'), { date: '2026-02-28', kind: 'workday', name: '春节' })
  assert.deepEqual(byDate.get('2026-09-20'), { date: '2026-09-20', kind: 'workday', name: '国庆节' })
})

test('entries are limited to the requested years and sorted', () => {
  const entries = chineseDaysEntries([2025])
  assert.ok(entries.length > 0)
  assert.ok(entries.every((e) => e.date.startsWith('2025-')))
  assert.deepEqual(entries.map((e) => e.date), entries.map((e) => e.date).sort())
  assert.deepEqual(chineseDaysEntries([1999]), [])
})

test('chinese-days 1.5.7 publishes 2004 through 2026, not 2027', () => {
  const years = publishedYears()
  assert.deepEqual(years, Array.from({ length: 23 }, (_, i) => 2004 + i))
})

test('a year is published by its own notice, not by days a neighbouring notice spills into it', () => {
  // 元旦 2019 ran 2018-12-30…2019-01-01: those December days are in 2018's data.
  const dec2018 = chineseDaysEntries([2018]).filter((e) => e.date >= '2018-12-29')
  assert.deepEqual(dec2018.map((e) => `${e.date} ${e.kind} ${e.name}`), [
    '2018-12-29 workday 元旦',
    '2018-12-30 holiday 元旦',
    '2018-12-31 holiday 元旦',
  ])
})
