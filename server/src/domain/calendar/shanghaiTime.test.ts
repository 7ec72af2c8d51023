import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseHHmm, shanghaiDate, shanghaiInstant } from './shanghaiTime'

test('an instant late in the evening in Shanghai keeps its Shanghai date', () => {
  assert.equal(shanghaiDate(new Date('2026-03-01T23:30:00+08:00')), '2026-03-01')
})

test('an instant early in the morning in Shanghai is on the next day of UTC and Los Angeles', () => {
  // 2026-03-02 07:00 in Shanghai is 2026-03-01 23:00 UTC and 15:00 in Los Angeles.
  assert.equal(shanghaiDate(new Date('2026-03-02T07:00:00+08:00')), '2026-03-02')
  assert.equal(shanghaiDate(new Date('2026-03-01T23:00:00Z')), '2026-03-02')
})

test('the Shanghai day starts at 16:00 UTC of the previous day', () => {
  assert.equal(shanghaiDate(new Date('2025-12-31T15:59:59.999Z')), '2025-12-31')
  assert.equal(shanghaiDate(new Date('2025-12-31T16:00:00.000Z')), '2026-01-01')
})

test('shanghaiInstant gives the UTC instant of a Shanghai wall-clock time', () => {
  assert.equal(shanghaiInstant('2026-03-01', '08:30').toISOString(), '2026-03-01T00:30:00.000Z')
  assert.equal(shanghaiInstant('2026-01-01', '00:00').toISOString(), '2025-12-31T16:00:00.000Z')
  assert.equal(shanghaiInstant('2026-03-08', '18:00').toISOString(), '2026-03-08T10:00:00.000Z') // US DST starts that day
  assert.equal(shanghaiInstant('2026-11-01', '23:59').toISOString(), '2026-11-01T15:59:00.000Z') // US DST ends that day
})

test('shanghaiDate agrees with Intl Asia/Shanghai every 37 minutes across both US DST switches', () => {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
  for (const [from, to] of [
    ['2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'],
    ['2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z'],
    ['2025-12-30T00:00:00Z', '2026-01-02T00:00:00Z'],
  ]) {
    for (let t = Date.parse(from!); t < Date.parse(to!); t += 37 * 60_000) {
      assert.equal(shanghaiDate(new Date(t)), fmt.format(new Date(t)), new Date(t).toISOString())
    }
  }
})

test('round trip: shanghaiDate(shanghaiInstant(d, t)) === d for the first and last minute of the day', () => {
  for (const d of ['2025-01-01', '2026-02-28', '2026-12-31']) {
    assert.equal(shanghaiDate(shanghaiInstant(d, '00:00')), d)
    assert.equal(shanghaiDate(shanghaiInstant(d, '23:59')), d)
  }
})

test('bad input is refused', () => {
  assert.throws(() => shanghaiInstant('2026-02-30', '08:30'), RangeError)
  assert.throws(() => shanghaiInstant('2026-3-1', '08:30'), RangeError)
  assert.throws(() => shanghaiInstant('2026-03-01', '8:30'), RangeError)
  assert.throws(() => shanghaiInstant('2026-03-01', '24:00'), RangeError)
  assert.throws(() => shanghaiDate(new Date('nonsense')), RangeError)
  assert.equal(parseHHmm('23:59'), 1439)
})
