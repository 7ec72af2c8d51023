import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput } from './calendarData'
import { DEFAULT_OFFICE_HOURS, closeOfDay, minutesPerDay, officeMinutesBetween, parseOfficeHours } from './officeHours'
import { WorkdayCalendar } from './workdayCalendar'

const cal = new WorkdayCalendar(chineseDaysCalendarInput())
const H = DEFAULT_OFFICE_HOURS
/** A Shanghai wall-clock instant, written independently of the code under test. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)
const minutes = (from: Date, to: Date) => officeMinutesBetween(cal, H, from, to)

test('office hours parse from settings strings and default to 08:30–12:00, 14:30–18:00 (420 minutes)', () => {
  assert.deepEqual(parseOfficeHours('08:30-12:00', '14:30-18:00'), { morning: ['08:30', '12:00'], afternoon: ['14:30', '18:00'] })
  assert.deepEqual(parseOfficeHours(' 09:00 - 12:00', '13:30-17:00 '), { morning: ['09:00', '12:00'], afternoon: ['13:30', '17:00'] })
  assert.equal(minutesPerDay(H), 420)
  assert.equal(minutesPerDay(parseOfficeHours('09:00-12:00', '14:00-17:00')), 360)
  assert.equal(closeOfDay(H, '2026-03-02').toISOString(), '2026-03-02T10:00:00.000Z')
})

test('invalid office hours are refused with a reason', () => {
  assert.throws(() => parseOfficeHours('8:30-12:00', '14:30-18:00'), /morning office hours must look like/)
  assert.throws(() => parseOfficeHours('08:30~12:00', '14:30-18:00'), RangeError)
  assert.throws(() => parseOfficeHours('12:00-08:30', '14:30-18:00'), /must end after they start/)
  assert.throws(() => parseOfficeHours('08:30-12:00', '14:30-14:30'), /must end after they start/)
  assert.throws(() => parseOfficeHours('08:30-15:00', '14:30-18:00'), /before the afternoon session/)
  assert.throws(() => parseOfficeHours('08:30-12:00', '14:30-25:00'), /not a time/)
})

test('office minutes inside one morning, across lunch, and over a whole workday', () => {
  assert.equal(minutes(at('2026-03-02', '09:00'), at('2026-03-02', '11:00')), 120)
  assert.equal(minutes(at('2026-03-02', '11:00'), at('2026-03-02', '15:00')), 90)
  assert.equal(minutes(at('2026-03-02', '12:00'), at('2026-03-02', '14:30')), 0)
  assert.equal(minutes(at('2026-03-02', '00:00'), at('2026-03-03', '00:00')), 420)
  assert.equal(minutes(at('2026-03-02', '07:00'), at('2026-03-02', '20:00')), 420)
})

test('office minutes skip weekends and holidays, and count adjusted working weekends', () => {
  // Friday 17:00 → Monday 09:30: 60 + 60.
  assert.equal(minutes(at('2026-03-06', '17:00'), at('2026-03-09', '09:30')), 120)
  // Across 春节 2026: Friday 2/13 60, Saturday 2/14 (worked) 420, Tuesday 2/24 30.
  assert.equal(minutes(at('2026-02-13', '17:00'), at('2026-02-24', '09:00')), 510)
  assert.equal(minutes(at('2025-10-01', '09:00'), at('2025-10-08', '17:00')), 0)
})

test('office minutes are negative when the end is before the start, and fractional with seconds', () => {
  assert.equal(minutes(at('2026-03-02', '11:00'), at('2026-03-02', '09:00')), -120)
  assert.equal(minutes(new Date('2026-03-02T09:00:00+08:00'), new Date('2026-03-02T09:00:30+08:00')), 0.5)
  assert.throws(() => minutes(at('2026-03-02', '09:00'), new Date('nonsense')), RangeError)
})

test('the Shanghai day is used whatever the process time zone (late evening and early morning instants)', () => {
  // 2026-03-02 07:00 Shanghai is Sunday 23:00 UTC: the Monday morning counts from 08:30.
  assert.equal(minutes(new Date('2026-03-01T23:00:00Z'), at('2026-03-02', '10:00')), 90)
  assert.equal(minutes(at('2026-03-01', '23:30'), at('2026-03-02', '08:30')), 0)
})

test('custom office hours change the count', () => {
  const h = parseOfficeHours('09:00-12:00', '13:00-17:00')
  assert.equal(officeMinutesBetween(cal, h, at('2026-03-02', '08:00'), at('2026-03-02', '14:00')), 240)
})
