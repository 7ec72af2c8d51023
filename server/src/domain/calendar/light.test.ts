import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput } from './calendarData'
import { deadlineLight, lightLabel } from './light'
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, type OfficeHours } from './officeHours'
import { WorkdayCalendar } from './workdayCalendar'

const calendar = new WorkdayCalendar(chineseDaysCalendarInput())
const hours = DEFAULT_OFFICE_HOURS
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)
const light = (dueAt: Date, now: Date, h: OfficeHours = hours) => {
  const r = deadlineLight({ calendar, hours: h, dueAt, now })
  return [r.light, r.remainingMinutes] as const
}

const MONDAY_CLOSE = at('2026-03-09', '18:00')

test('half a working day is 210 office minutes: 211 green, 210 yellow', () => {
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '11:59')), ['green', 211])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '12:00')), ['yellow', 210])
})

test('the lunch break does not use up time: 12:00–14:30 stays at 210', () => {
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '13:15')), ['yellow', 210])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '14:30')), ['yellow', 210])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '14:31')), ['yellow', 209])
})

test('0 minutes left is yellow (not yet past); one minute past is red', () => {
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '18:00')), ['yellow', 0])
  assert.deepEqual(light(MONDAY_CLOSE, new Date(MONDAY_CLOSE.getTime() - 30_000)), ['yellow', 0])
  const midMorning = at('2026-03-10', '11:30')
  assert.deepEqual(light(midMorning, at('2026-03-10', '11:30')), ['yellow', 0])
  assert.deepEqual(light(midMorning, at('2026-03-10', '11:31')), ['red', -1])
  assert.deepEqual(light(midMorning, new Date(midMorning.getTime() + 1)), ['red', -1])
})

test('past the close of the deadline day it is red, even before office time has passed', () => {
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-09', '18:01')), ['red', -1])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-10', '07:00')), ['red', -1])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-10', '09:30')), ['red', -60])
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-11', '18:00')), ['red', -840])
})

test('across a weekend: a Monday 10:00 deadline seen on Friday afternoon and Saturday', () => {
  const due = at('2026-03-09', '10:00') // Monday; Friday is 2026-03-06
  assert.deepEqual(light(due, at('2026-03-06', '15:59')), ['green', 211]) // 121 + 90
  assert.deepEqual(light(due, at('2026-03-06', '16:00')), ['yellow', 210])
  assert.deepEqual(light(due, at('2026-03-07', '10:00')), ['yellow', 90])
  assert.deepEqual(light(due, at('2026-03-09', '09:59')), ['yellow', 1])
})

test('across 春节 2026: the worked Saturday 2/14 counts, the holiday does not', () => {
  const due = at('2026-02-24', '18:00')
  assert.deepEqual(light(due, at('2026-02-13', '18:00')), ['green', 840])
  assert.deepEqual(light(due, at('2026-02-15', '10:00')), ['green', 420])
  assert.deepEqual(light(due, at('2026-02-24', '12:00')), ['yellow', 210])
})

test('well within the limit it is green', () => {
  assert.deepEqual(light(MONDAY_CLOSE, at('2026-03-02', '10:00')), ['green', 2430])
})

test('custom office hours: half a day of 360 minutes is 180', () => {
  const h = parseOfficeHours('09:00-12:00', '14:00-17:00')
  const due = at('2026-03-09', '17:00')
  assert.deepEqual(light(due, at('2026-03-09', '11:59'), h), ['green', 181])
  assert.deepEqual(light(due, at('2026-03-09', '12:00'), h), ['yellow', 180])
})

test('TZ trap: a Shanghai-morning "now" that is the previous day in UTC and Los Angeles', () => {
  // 2026-03-09 07:00 Shanghai = 2026-03-08 23:00 UTC (a Sunday there). Monday's full 420 minutes remain.
  assert.deepEqual(light(MONDAY_CLOSE, new Date('2026-03-08T23:00:00Z')), ['green', 420])
})

test('unpublished is flagged when the period reaches an unpublished year', () => {
  const r = deadlineLight({ calendar, hours, dueAt: at('2027-01-07', '18:00'), now: at('2026-12-28', '09:00') })
  assert.equal(r.unpublished, true)
  assert.equal(deadlineLight({ calendar, hours, dueAt: MONDAY_CLOSE, now: at('2026-03-02', '09:00') }).unpublished, false)
})

test('Chinese labels', () => {
  assert.equal(lightLabel({ remainingMinutes: 630 }, hours), '剩余1.5个工作日')
  assert.equal(lightLabel({ remainingMinutes: 420 }, hours), '剩余1个工作日')
  assert.equal(lightLabel({ remainingMinutes: 2430 }, hours), '剩余5.7个工作日')
  assert.equal(lightLabel({ remainingMinutes: 180 }, hours), '剩余3小时')
  assert.equal(lightLabel({ remainingMinutes: 210 }, hours), '剩余3.5小时')
  assert.equal(lightLabel({ remainingMinutes: 45 }, hours), '剩余45分钟')
  assert.equal(lightLabel({ remainingMinutes: 0 }, hours), '剩余不足1分钟')
  assert.equal(lightLabel({ remainingMinutes: -1 }, hours), '已超期1分钟')
  assert.equal(lightLabel({ remainingMinutes: -90 }, hours), '已超期1.5小时')
  assert.equal(lightLabel({ remainingMinutes: -840 }, hours), '已超期2个工作日')
  assert.equal(lightLabel({ remainingMinutes: 1680, paused: true }, hours), '已暂停，剩余4个工作日')
  assert.equal(lightLabel({ remainingMinutes: 840, unpublished: true }, hours), '剩余2个工作日（工作日历未发布）')
  assert.equal(lightLabel({ remainingMinutes: 360 }, parseOfficeHours('09:00-12:00', '14:00-17:00')), '剩余1个工作日')
})
