import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkInPayload, newCheckInCode, parseCheckInCode, queueNumber } from './checkInCode'
import { holdsBookingOn, onePerDayMessage } from './onePerDay'

test('codes are 8 unambiguous characters and survive scanning or typing', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 1000; i++) {
    const code = newCheckInCode()
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/)
    seen.add(code)
    assert.equal(parseCheckInCode(checkInPayload(code)), code)
    assert.equal(parseCheckInCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `), code)
  }
  assert.ok(seen.size > 990)
  assert.equal(parseCheckInCode('O0I1L000'), null)
  assert.equal(parseCheckInCode('ABC'), null)
  assert.equal(parseCheckInCode('https://example.com/x'), null)
})

test('queue numbers', () => {
  assert.equal(queueNumber(7), 'Y007')
  assert.equal(queueNumber(1024), 'Y1024')
})

test('one booking per person per matter per day', () => {
  const held = [{ matterId: 'm1', date: '2026-03-05', status: 'booked' as const }]
  assert.equal(holdsBookingOn(held, 'm1', '2026-03-05'), true)
  assert.equal(holdsBookingOn(held, 'm1', '2026-03-06'), false, 'another day')
  assert.equal(holdsBookingOn(held, 'm2', '2026-03-05'), false, 'another matter')
  assert.equal(holdsBookingOn([{ ...held[0], status: 'cancelled' }], 'm1', '2026-03-05'), false, 'a cancelled booking frees the day')
  assert.equal(holdsBookingOn([{ ...held[0], status: 'noShow' }], 'm1', '2026-03-05'), true)
  assert.match(onePerDayMessage('2026-03-05'), /3月5日（周四）.*每天只能预约一次/)
})
