import { formatDate, formatDateTime, formatFen, limitLabel, visitsLabel } from './format'

it('shows fen as yuan with two decimals', () => {
  expect(formatFen(0)).toBe('¥0.00')
  expect(formatFen(5)).toBe('¥0.05')
  expect(formatFen(1000)).toBe('¥10.00')
  expect(formatFen(12345)).toBe('¥123.45')
  expect(formatFen(-250)).toBe('-¥2.50')
})

it('names zero visits 零跑腿', () => {
  expect(visitsLabel(0)).toBe('零跑腿')
  expect(visitsLabel(1)).toBe('跑1次')
})

it('reads a zero limit as settled on the spot', () => {
  expect(limitLabel(0)).toBe('即时办结')
  expect(limitLabel(20)).toBe('20个工作日')
})

it('dates in China time, whatever the device zone', () => {
  expect(formatDate('2025-02-28T17:00:00Z')).toBe('2025-03-01')
  expect(formatDate('garbage')).toBe('')
})

it('shows date-times in China time', () => {
  expect(formatDateTime('2026-11-22T15:36:00.000Z')).toBe('2026-11-22 23:36')
  expect(formatDateTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05')
  expect(formatDateTime('not a date')).toBe('')
})
