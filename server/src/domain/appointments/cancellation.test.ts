import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cancelDeadline, checkCancellable } from './cancellation'

const startsAt = new Date('2026-03-05T01:00:00Z') // 09:00 Shanghai

test('cancel up to the cut-off, not after', () => {
  assert.equal(cancelDeadline(startsAt, 2).toISOString(), '2026-03-04T23:00:00.000Z')
  assert.deepEqual(checkCancellable('booked', startsAt, new Date('2026-03-04T22:59:59Z'), 2), { ok: true })
  assert.deepEqual(checkCancellable('booked', startsAt, new Date('2026-03-04T23:00:00Z'), 2), { ok: true }, 'exactly at the cut-off')
  const late = checkCancellable('booked', startsAt, new Date('2026-03-04T23:00:01Z'), 2)
  assert.equal(late.ok, false)
  assert.match(!late.ok ? late.message : '', /不足2小时/)
})

test('the cut-off is a setting', () => {
  assert.equal(checkCancellable('booked', startsAt, new Date('2026-03-05T00:30:00Z'), 0).ok, true)
  assert.equal(checkCancellable('booked', startsAt, new Date('2026-03-04T20:00:00Z'), 6).ok, false)
})

test('only a booked appointment can be cancelled', () => {
  const early = new Date('2026-03-01T00:00:00Z')
  for (const status of ['cancelled', 'checkedIn', 'served', 'noShow'] as const) {
    assert.equal(checkCancellable(status, startsAt, early, 2).ok, false, status)
  }
})
