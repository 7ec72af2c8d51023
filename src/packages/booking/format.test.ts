import { monthDay, visitLabel, weekdayOf } from './format'

it('reads a calendar date the same in every time zone', () => {
  expect(weekdayOf('2026-11-23')).toBe('周一')
  expect(weekdayOf('2026-11-22')).toBe('周日')
  expect(monthDay('2026-01-05')).toBe('1月5日')
  expect(visitLabel('2026-11-23', '09:00', '09:30')).toBe('11月23日 周一 09:00–09:30')
})
