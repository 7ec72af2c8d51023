import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput, type CalendarDay } from './calendarData'
import { WorkdayCalendar } from './workdayCalendar'

const input = chineseDaysCalendarInput()
const cal = new WorkdayCalendar(input)

test('addWorkingDays across 春节 2025 (1/26 Sun and 2/8 Sat worked; 1/28–2/4 off)', () => {
  // Accepted Friday 2025-01-24: 1/26 (1), 1/27 (2), 2/5 (3), 2/6 (4), 2/7 (5), 2/8 (6).
  assert.deepEqual(cal.addWorkingDays('2025-01-24', 1), { date: '2025-01-26', unpublished: false })
  assert.deepEqual(cal.addWorkingDays('2025-01-24', 2), { date: '2025-01-27', unpublished: false })
  assert.deepEqual(cal.addWorkingDays('2025-01-24', 3), { date: '2025-02-05', unpublished: false })
  assert.deepEqual(cal.addWorkingDays('2025-01-24', 6), { date: '2025-02-08', unpublished: false })
  assert.deepEqual(cal.addWorkingDays('2025-01-24', 7), { date: '2025-02-10', unpublished: false })
})

test('addWorkingDays across 春节 2026 (2/14 Sat worked; 2/15–2/23 off; 2/28 Sat worked)', () => {
  assert.equal(cal.addWorkingDays('2026-02-13', 1).date, '2026-02-14')
  assert.equal(cal.addWorkingDays('2026-02-13', 2).date, '2026-02-24')
  assert.equal(cal.addWorkingDays('2026-02-24', 3).date, '2026-02-27')
  assert.equal(cal.addWorkingDays('2026-02-24', 4).date, '2026-02-28')
  assert.equal(cal.addWorkingDays('2026-02-24', 5).date, '2026-03-02')
})

test('addWorkingDays across 国庆+中秋 2025 (9/28 Sun and 10/11 Sat worked; 10/1–10/8 off)', () => {
  assert.equal(cal.addWorkingDays('2025-09-26', 1).date, '2025-09-28')
  assert.equal(cal.addWorkingDays('2025-09-26', 3).date, '2025-09-30')
  assert.equal(cal.addWorkingDays('2025-09-26', 4).date, '2025-10-09')
  assert.equal(cal.addWorkingDays('2025-09-26', 6).date, '2025-10-11')
  assert.equal(cal.addWorkingDays('2025-09-26', 7).date, '2025-10-13')
})

test('addWorkingDays across 国庆 2026 (9/20 Sun worked, 10/1–10/7 off, 10/10 Sat worked)', () => {
  assert.equal(cal.addWorkingDays('2026-09-18', 1).date, '2026-09-20')
  assert.equal(cal.addWorkingDays('2026-09-29', 2).date, '2026-10-08')
  assert.equal(cal.addWorkingDays('2026-09-29', 4).date, '2026-10-10')
})

test('a 10-day limit across 劳动节 2025 (4/27 Sun worked, 5/1–5/5 off)', () => {
  assert.equal(cal.addWorkingDays('2025-04-25', 10).date, '2025-05-13')
})

test('accepted on a holiday or a weekend: counting starts at the next workday', () => {
  assert.equal(cal.addWorkingDays('2025-10-03', 1).date, '2025-10-09')
  assert.equal(cal.addWorkingDays('2025-10-03', 2).date, '2025-10-10')
  assert.equal(cal.addWorkingDays('2026-03-07', 1).date, '2026-03-09') // Saturday
  assert.equal(cal.addWorkingDays('2026-03-08', 1).date, '2026-03-09') // Sunday
})

test('n = 0: the same day when it is a workday, else the next workday', () => {
  assert.deepEqual(cal.addWorkingDays('2026-03-04', 0), { date: '2026-03-04', unpublished: false })
  assert.equal(cal.addWorkingDays('2026-03-07', 0).date, '2026-03-09')
  assert.equal(cal.addWorkingDays('2025-10-01', 0).date, '2025-10-09')
  assert.equal(cal.addWorkingDays('2025-09-28', 0).date, '2025-09-28') // 调休 Sunday
})

test('a full year of 2026: 248 working days after 2025-12-31 is 2026-12-31', () => {
  assert.deepEqual(cal.addWorkingDays('2025-12-31', 248), { date: '2026-12-31', unpublished: false })
})

test('a deadline falling in an unpublished year (2027) is flagged, still counted on weekdays', () => {
  assert.deepEqual(cal.addWorkingDays('2026-12-24', 4), { date: '2026-12-30', unpublished: false })
  // 12/25 (1), 12/28 (2), 12/29 (3), 12/30 (4), 12/31 (5), 2027-01-01 (6), 01-04 (7)
  assert.deepEqual(cal.addWorkingDays('2026-12-24', 7), { date: '2027-01-04', unpublished: true })
  assert.deepEqual(cal.addWorkingDays('2027-03-01', 0), { date: '2027-03-01', unpublished: true })
  assert.deepEqual(cal.addWorkingDays('2030-06-03', 1), { date: '2030-06-04', unpublished: true })
  assert.equal(cal.addWorkingDays('2003-06-02', 1).unpublished, true)
  assert.equal(cal.isPublished('2026-12-31'), true)
  assert.equal(cal.isPublished('2027-01-01'), false)
})

test('a local closure (override) shifts a deadline', () => {
  const closure: CalendarDay = { date: '2025-05-07', kind: 'holiday', name: '本地闭馆' }
  const local = new WorkdayCalendar({ entries: [...input.entries, closure], publishedYears: input.publishedYears })
  assert.equal(cal.addWorkingDays('2025-04-25', 10).date, '2025-05-13')
  assert.equal(local.addWorkingDays('2025-04-25', 10).date, '2025-05-14')
  assert.equal(local.isWorkday('2025-05-07'), false)
})

test('a later entry replaces an earlier one for the same date', () => {
  const reopened: CalendarDay = { date: '2025-10-08', kind: 'workday', name: '更正' }
  const local = new WorkdayCalendar({ entries: [...input.entries, reopened], publishedYears: input.publishedYears })
  assert.equal(cal.isWorkday('2025-10-08'), false)
  assert.equal(local.isWorkday('2025-10-08'), true)
  assert.equal(local.addWorkingDays('2025-09-30', 1).date, '2025-10-08')
  assert.equal(local.entry('2025-10-08')?.name, '更正')
})

test('an admin can publish a year by hand: entries plus the year in publishedYears', () => {
  const y2027 = new WorkdayCalendar({
    entries: [...input.entries, { date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    publishedYears: [...input.publishedYears, 2027],
  })
  assert.deepEqual(y2027.addWorkingDays('2026-12-24', 7), { date: '2027-01-05', unpublished: false })
})

test('workingDaysBetween counts (a, b]: the first day excluded, the last included', () => {
  assert.deepEqual(cal.workingDaysBetween('2025-01-24', '2025-02-08'), { days: 6, unpublished: false })
  assert.deepEqual(cal.workingDaysBetween('2025-02-08', '2025-01-24'), { days: -6, unpublished: false })
  assert.deepEqual(cal.workingDaysBetween('2026-03-02', '2026-03-02'), { days: 0, unpublished: false })
  assert.deepEqual(cal.workingDaysBetween('2025-09-30', '2025-10-08'), { days: 0, unpublished: false })
  assert.deepEqual(cal.workingDaysBetween('2026-12-30', '2027-01-04'), { days: 3, unpublished: true })
})

test('a synthetic calendar: plain weekdays, entries and published years are all it knows', () => {
  const c = new WorkdayCalendar({
    entries: [
      { date: '2030-01-01', kind: 'holiday', name: 'x' },
      { date: '2030-01-05', kind: 'workday', name: 'y' },
    ],
    publishedYears: [2030],
  })
  // 2030-01-01 is a Tuesday, 2030-01-05 a Saturday.
  assert.equal(c.isWorkday('2030-01-01'), false)
  assert.equal(c.isWorkday('2030-01-05'), true)
  assert.equal(c.isWorkday('2030-01-06'), false)
  assert.deepEqual(c.addWorkingDays('2029-12-31', 1), { date: '2030-01-02', unpublished: true })
  assert.deepEqual(c.addWorkingDays('2030-01-01', 4), { date: '2030-01-05', unpublished: false })
})

test('missingNextYearWarning: from October 1 in Shanghai, when next year is missing', () => {
  assert.equal(cal.missingNextYearWarning(new Date('2026-09-30T23:59:59+08:00')), null)
  // 2026-09-30 16:00 UTC is already October 1 in Shanghai (still September 30 in UTC and Los Angeles).
  const w = cal.missingNextYearWarning(new Date('2026-09-30T16:00:00Z'))
  assert.match(w ?? '', /calendar for 2027 is not published/)
  assert.match(w ?? '', /2026-10-01/)
  assert.match(cal.missingNextYearWarning(new Date('2026-12-31T12:00:00+08:00')) ?? '', /2027/)
  assert.equal(cal.missingNextYearWarning(new Date('2025-10-15T09:00:00+08:00')), null) // 2026 is published
  assert.equal(cal.missingNextYearWarning(new Date('2026-03-01T09:00:00+08:00')), null)
})

test('missingNextYearWarning: always when the current year itself is missing', () => {
  assert.match(cal.missingNextYearWarning(new Date('2027-02-01T09:00:00+08:00')) ?? '', /2027, the current year/)
  const next = new WorkdayCalendar({ entries: [], publishedYears: [2026, 2027] })
  assert.equal(next.missingNextYearWarning(new Date('2026-11-01T09:00:00+08:00')), null)
})

test('bad input is refused', () => {
  assert.throws(() => cal.addWorkingDays('2026-03-02', -1), RangeError)
  assert.throws(() => cal.addWorkingDays('2026-03-02', 1.5), RangeError)
  assert.throws(() => cal.isWorkday('2026-02-30'), RangeError)
  assert.throws(() => new WorkdayCalendar({ entries: [{ date: '2026-1-1', kind: 'holiday', name: '' }], publishedYears: [] }), RangeError)
  assert.throws(
    () => new WorkdayCalendar({ entries: [{ date: '2026-01-01', kind: 'rest' as 'holiday', name: '' }], publishedYears: [] }),
    RangeError,
  )
})
