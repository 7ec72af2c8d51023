import { chinaDatePlus } from './promiseDates'

describe('chinaDatePlus', () => {
  it('counts from the day in China, not in UTC', () => {
    // 2026-11-22 17:30 UTC is already 2026-11-23 01:30 in Shanghai.
    const now = Date.parse('2026-11-22T17:30:00Z')
    expect(chinaDatePlus(0, now)).toBe('2026-11-23')
    expect(chinaDatePlus(1, now)).toBe('2026-11-24')
  })

  it('crosses month and year ends', () => {
    expect(chinaDatePlus(14, Date.parse('2026-12-25T02:00:00Z'))).toBe('2027-01-08')
  })
})
