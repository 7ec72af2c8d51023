import { test } from 'node:test'
import assert from 'node:assert/strict'
import { periodLabel, periodOf, periodsBetween } from './periods'

test('weeks start on Monday, months on the 1st', () => {
  assert.equal(periodOf('2026-11-22', 'week'), '2026-11-16') // a Sunday
  assert.equal(periodOf('2026-11-16', 'week'), '2026-11-16') // a Monday
  assert.equal(periodOf('2026-01-01', 'week'), '2025-12-29')
  assert.equal(periodOf('2026-11-22', 'month'), '2026-11')
})

test('every period of the range, empty ones included, across a year end', () => {
  assert.deepEqual(periodsBetween('2025-11-15', '2026-02-01', 'month'), ['2025-11', '2025-12', '2026-01', '2026-02'])
  assert.deepEqual(periodsBetween('2026-11-01', '2026-11-22', 'week'), ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'])
  assert.deepEqual(periodsBetween('2026-11-22', '2026-11-01', 'week'), [])
})

test('labels in Chinese', () => {
  assert.equal(periodLabel('2026-03', 'month'), '2026年3月')
  assert.equal(periodLabel('2026-11-16', 'week'), '11月16日周')
})
