import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chineseDaysCalendarInput, WorkdayCalendar } from '../calendar'
import { bookingWindow, dateLabel, inWindow, isoWeekday } from './bookingWindow'

const cal = new WorkdayCalendar(chineseDaysCalendarInput())

test('an ordinary week: next working day up to 5 working days ahead, weekend skipped', () => {
  // Wednesday 2026-03-04 → Thu 5, Fri 6, Mon 9, Tue 10, Wed 11.
  const w = bookingWindow(cal, '2026-03-04', 5)
  assert.deepEqual(w.dates, ['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'])
  assert.equal(w.first, '2026-03-05')
  assert.equal(w.last, '2026-03-11')
  assert.equal(w.unpublished, false)
  assert.equal(inWindow(w, '2026-03-04'), false, 'today is never bookable')
  assert.equal(inWindow(w, '2026-03-07'), false, 'a Saturday is never bookable')
  assert.equal(inWindow(w, '2026-03-12'), false, 'beyond the window')
})

test('holidays are never offered; 调休 working weekends are (春节 2026: 2/14 Sat worked, 2/15–2/23 off)', () => {
  const w = bookingWindow(cal, '2026-02-12', 5)
  assert.deepEqual(w.dates, ['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26'])
})

test('the window length is a setting', () => {
  assert.deepEqual(bookingWindow(cal, '2026-03-04', 1).dates, ['2026-03-05'])
  assert.equal(bookingWindow(cal, '2026-03-04', 10).dates.length, 10)
  assert.throws(() => bookingWindow(cal, '2026-03-04', 0), RangeError)
})

test('a window reaching an unpublished year says so', () => {
  const w = bookingWindow(cal, '2099-12-29', 5)
  assert.equal(w.unpublished, true)
})

test('weekday and labels', () => {
  assert.equal(isoWeekday('2026-03-09'), 1)
  assert.equal(isoWeekday('2026-03-08'), 7)
  assert.equal(dateLabel('2026-03-05'), '3月5日（周四）')
})
