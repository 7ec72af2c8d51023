import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput } from './calendarData'
import { computeDeadline, type Pause } from './deadline'
import { deadlineLight } from './light'
import { DEFAULT_OFFICE_HOURS, closeOfDay, parseOfficeHours } from './officeHours'
import { WorkdayCalendar } from './workdayCalendar'

const calendar = new WorkdayCalendar(chineseDaysCalendarInput())
const hours = DEFAULT_OFFICE_HOURS
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)
const due = (acceptedAt: Date, limitDays: number, pauses: Pause[] = [], now?: Date) =>
  computeDeadline({ calendar, hours, acceptedAt, limitDays, pauses, now })
const iso = (d: Date) => d.toISOString()

test('without pauses: due at the close of the N-th workday after the acceptance day', () => {
  // Accepted Monday 2026-03-02: 3/3 (1) … 3/6 (4), 3/9 (5).
  assert.deepEqual(due(at('2026-03-02', '10:00'), 5), { dueAt: at('2026-03-09', '18:00'), unpublished: false, paused: false })
  assert.equal(iso(due(at('2026-03-02', '08:00'), 1).dueAt), iso(at('2026-03-03', '18:00')))
  assert.equal(iso(due(at('2026-03-02', '17:59'), 1).dueAt), iso(at('2026-03-03', '18:00')))
})

test('across 春节 2026 and 国庆 2025', () => {
  // 2/13 (1), 2/14 Sat worked (2), 2/24 (3).
  assert.equal(iso(due(at('2026-02-12', '15:00'), 3).dueAt), iso(at('2026-02-24', '18:00')))
  assert.equal(iso(due(at('2025-09-30', '09:00'), 1).dueAt), iso(at('2025-10-09', '18:00')))
  assert.equal(iso(due(at('2025-09-26', '10:00'), 4).dueAt), iso(at('2025-10-09', '18:00')))
})

test('accepted on a weekend or holiday: the first workday after counts as day 1', () => {
  assert.equal(iso(due(at('2026-03-07', '11:00'), 1).dueAt), iso(at('2026-03-09', '18:00')))
  assert.equal(iso(due(at('2025-10-03', '11:00'), 2).dueAt), iso(at('2025-10-10', '18:00')))
})

test('TZ trap: the acceptance day is the Shanghai date of the instant', () => {
  // Sunday 23:30 in Shanghai → Monday is day 1.
  assert.equal(iso(due(new Date('2026-03-01T23:30:00+08:00'), 1).dueAt), iso(at('2026-03-02', '18:00')))
  // Monday 07:00 in Shanghai is Sunday in UTC and Los Angeles → Tuesday is day 1.
  assert.equal(iso(due(new Date('2026-03-01T23:00:00Z'), 1).dueAt), iso(at('2026-03-03', '18:00')))
})

test('limit 0 (即办件): the close of the acceptance day, or of the next workday', () => {
  assert.equal(iso(due(at('2026-03-02', '10:00'), 0).dueAt), iso(at('2026-03-02', '18:00')))
  assert.equal(iso(due(at('2026-03-07', '10:00'), 0).dueAt), iso(at('2026-03-09', '18:00')))
  assert.equal(iso(due(at('2026-03-02', '19:00'), 0).dueAt), iso(at('2026-03-02', '19:00')))
  const paused = due(at('2026-03-02', '10:00'), 0, [{ from: at('2026-03-02', '11:00'), to: at('2026-03-02', '16:00') }])
  assert.equal(iso(paused.dueAt), iso(at('2026-03-03', '11:00'))) // 60 + 90 paused office minutes: 08:30 + 150
})

test('a 补正 pause of two whole working days moves the deadline by two working days', () => {
  const pause = { from: at('2026-03-04', '08:30'), to: at('2026-03-05', '18:00') }
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, [pause]).dueAt), iso(at('2026-03-11', '18:00')))
  // Wednesday 10:00 → Friday 10:00 is also exactly two working days of office time.
  const midday = { from: at('2026-03-04', '10:00'), to: at('2026-03-06', '10:00') }
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, [midday]).dueAt), iso(at('2026-03-11', '18:00')))
})

test('a partial pause extends the deadline by the office minutes it covers', () => {
  // 180 paused minutes: from Monday 3/9 18:00 on, 180 more office minutes → Tuesday 11:30.
  const pause = { from: at('2026-03-04', '14:30'), to: at('2026-03-04', '17:30') }
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, [pause]).dueAt), iso(at('2026-03-10', '11:30')))
  // A pause over lunch only costs nothing.
  const lunch = { from: at('2026-03-04', '12:00'), to: at('2026-03-04', '14:30') }
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, [lunch]).dueAt), iso(at('2026-03-09', '18:00')))
})

test('pauses spanning a holiday count only the working time they cover', () => {
  // Accepted 2025-09-26: 9/28 (1), 9/29 (2), 9/30 (3), 10/9 (4). Paused 9/30 08:30 → 10/9 08:30 = one workday.
  const pause = { from: at('2025-09-30', '08:30'), to: at('2025-10-09', '08:30') }
  assert.equal(iso(due(at('2025-09-26', '10:00'), 4, [pause]).dueAt), iso(at('2025-10-10', '18:00')))
  // A pause entirely inside the holiday changes nothing.
  const inside = { from: at('2025-10-02', '09:00'), to: at('2025-10-06', '17:00') }
  assert.equal(iso(due(at('2025-09-26', '10:00'), 4, [inside]).dueAt), iso(at('2025-10-09', '18:00')))
  // Across 春节 2026: paused Friday 2/13 14:30 → Tuesday 2/24 12:00 = 210 + 420 (2/14 worked) + 210.
  const spring = { from: at('2026-02-13', '14:30'), to: at('2026-02-24', '12:00') }
  // Without it: 2/13 (1), 2/14 (2), 2/24 (3), 2/25 (4); with it, two more working days → 2/27.
  assert.equal(iso(due(at('2026-02-12', '09:00'), 4).dueAt), iso(at('2026-02-25', '18:00')))
  assert.equal(iso(due(at('2026-02-12', '09:00'), 4, [spring]).dueAt), iso(at('2026-02-27', '18:00')))
})

test('a pause on the acceptance day only counts from the end of that day', () => {
  const pause = { from: at('2026-03-02', '11:00'), to: at('2026-03-03', '18:00') }
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, [pause]).dueAt), iso(at('2026-03-10', '18:00')))
})

test('overlapping pauses are not counted twice', () => {
  const pauses = [
    { from: at('2026-03-04', '08:30'), to: at('2026-03-05', '18:00') },
    { from: at('2026-03-05', '08:30'), to: at('2026-03-05', '12:00') },
  ]
  assert.equal(iso(due(at('2026-03-02', '10:00'), 5, pauses).dueAt), iso(at('2026-03-11', '18:00')))
})

test('an open pause keeps the remaining time frozen until it ends', () => {
  const accepted = at('2026-03-02', '10:00') // 5 working days = 2100 office minutes from 3/3 on
  const open = { from: at('2026-03-04', '08:30'), to: null }
  // By Wednesday 08:30 only Tuesday was used: 1680 minutes remain.
  const before = due(accepted, 5)
  assert.equal(deadlineLight({ calendar, hours, dueAt: before.dueAt, now: at('2026-03-04', '08:30') }).remainingMinutes, 1680)
  for (const now of [at('2026-03-05', '12:00'), at('2026-03-07', '10:00'), at('2026-03-09', '15:00'), at('2026-03-20', '09:00')]) {
    const d = due(accepted, 5, [open], now)
    assert.equal(d.paused, true)
    const light = deadlineLight({ calendar, hours, dueAt: d.dueAt, now, paused: d.paused })
    assert.deepEqual(light, { light: 'green', remainingMinutes: 1680, unpublished: false, paused: true }, iso(now))
  }
  assert.equal(iso(due(accepted, 5, [open], at('2026-03-05', '12:00')).dueAt), iso(at('2026-03-11', '12:00')))
  // Closed on Thursday 12:00, it behaves like the open pause at that moment.
  const closed = due(accepted, 5, [{ from: at('2026-03-04', '08:30'), to: at('2026-03-05', '12:00') }])
  assert.deepEqual(closed, { dueAt: at('2026-03-11', '12:00'), unpublished: false, paused: false })
})

test('a deadline reaching an unpublished year is flagged', () => {
  assert.deepEqual(due(at('2026-12-24', '10:00'), 4), { dueAt: at('2026-12-30', '18:00'), unpublished: false, paused: false })
  // 12/25, 12/28, 12/29, 12/30, 12/31, 2027-01-01 (plain Friday), 1/4, 1/5, 1/6, 1/7.
  assert.deepEqual(due(at('2026-12-24', '10:00'), 10), { dueAt: at('2027-01-07', '18:00'), unpublished: true, paused: false })
  assert.equal(due(at('2027-02-01', '10:00'), 1).unpublished, true)
})

test('custom office hours: due at their close', () => {
  const h = parseOfficeHours('09:00-12:00', '13:00-17:00')
  const d = computeDeadline({ calendar, hours: h, acceptedAt: at('2026-03-02', '10:00'), limitDays: 1, pauses: [] })
  assert.equal(iso(d.dueAt), iso(at('2026-03-03', '17:00')))
})

test('without pauses, dueAt always equals the close of addWorkingDays(D, N) (2025–2026 sweep)', () => {
  for (let t = Date.parse('2025-01-01T02:00:00Z'); t < Date.parse('2026-12-01T00:00:00Z'); t += 5 * 86_400_000 + 7 * 3_600_000) {
    const acceptedAt = new Date(t)
    const day = new Date(t + 8 * 3_600_000).toISOString().slice(0, 10)
    for (const n of [1, 3, 7, 20]) {
      const expected = closeOfDay(hours, calendar.addWorkingDays(day, n).date)
      assert.equal(iso(due(acceptedAt, n).dueAt), iso(expected), `${acceptedAt.toISOString()} + ${n}`)
    }
  }
})

test('bad input is refused', () => {
  assert.throws(() => due(at('2026-03-02', '10:00'), -1), RangeError)
  assert.throws(() => due(at('2026-03-02', '10:00'), 2.5), RangeError)
  assert.throws(() => due(new Date('nonsense'), 2), RangeError)
  assert.throws(() => due(at('2026-03-02', '10:00'), 2, [{ from: at('2026-03-04', '10:00'), to: null }]), /needs `now`/)
  assert.throws(() => due(at('2026-03-02', '10:00'), 2, [{ from: at('2026-03-04', '10:00'), to: at('2026-03-03', '10:00') }]), /ends before/)
})
