import { test } from 'node:test'
import assert from 'node:assert/strict'
import { allowedStaffActions, checkStaffAction } from './staffActions'

const booking = { status: 'booked' as const, date: '2026-03-05', endsAt: new Date('2026-03-05T01:30:00Z') } // 09:00–09:30 Shanghai
const at = (iso: string) => new Date(iso)

test('check-in on the day until 30 minutes after the slot, then no-show', () => {
  assert.deepEqual(allowedStaffActions(booking, at('2026-03-05T00:00:00Z'), '2026-03-05', 30), ['checkIn'])
  assert.deepEqual(allowedStaffActions(booking, at('2026-03-05T02:00:00Z'), '2026-03-05', 30), ['checkIn'])
  assert.deepEqual(allowedStaffActions(booking, at('2026-03-05T02:00:01Z'), '2026-03-05', 30), ['noShow'])
})

test('check-in refused on another day, with a reason', () => {
  const early = checkStaffAction('checkIn', booking, at('2026-03-04T02:00:00Z'), '2026-03-04', 30)
  assert.equal(early.ok, false)
  assert.match(!early.ok ? early.message : '', /预约当天/)
})

test('served only after check-in; nothing after served, cancelled or no-show', () => {
  const now = at('2026-03-05T01:00:00Z')
  assert.deepEqual(allowedStaffActions({ ...booking, status: 'checkedIn' }, now, '2026-03-05', 30), ['serve'])
  for (const status of ['served', 'cancelled', 'noShow'] as const) {
    assert.deepEqual(allowedStaffActions({ ...booking, status }, now, '2026-03-05', 30), [], status)
  }
})
