import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addDays, assertDate, daysBetween, isWeekend, weekday, yearOf } from './dates'

test('adding days crosses months, leap days and years', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29')
  assert.equal(addDays('2025-02-28', 1), '2025-03-01')
  assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  assert.equal(addDays('2026-01-01', -1), '2025-12-31')
  assert.equal(daysBetween('2025-10-01', '2025-10-08'), 7)
  assert.equal(daysBetween('2025-10-08', '2025-10-01'), -7)
})

test('weekdays: 2025-01-26 is a Sunday, 2026-02-14 a Saturday, 2026-03-02 a Monday', () => {
  assert.equal(weekday('2025-01-26'), 0)
  assert.equal(weekday('2026-02-14'), 6)
  assert.equal(weekday('2026-03-02'), 1)
  assert.equal(isWeekend('2026-02-14'), true)
  assert.equal(isWeekend('2026-03-02'), false)
  assert.equal(yearOf('2027-01-01'), 2027)
})

test('only real YYYY-MM-DD dates are accepted', () => {
  for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '20260101', '2026-01-01T00:00', '']) {
    assert.throws(() => assertDate(bad), RangeError, bad)
  }
  assert.doesNotThrow(() => assertDate('2024-02-29'))
})
