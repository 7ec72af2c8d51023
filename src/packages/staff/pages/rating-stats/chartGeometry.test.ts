import { ratingStatistics } from '../../../../testing/ratings'
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  groupBars,
  levelBars,
  percentLabel,
  rateLine,
  rectificationParts,
  shortPeriod,
  trendColumns,
} from './chartGeometry'

describe('labels', () => {
  it('writes rates as percentages and nothing-to-divide as a dash', () => {
    expect(percentLabel(0.75)).toBe('75%')
    expect(percentLabel(2 / 3)).toBe('66.7%')
    expect(percentLabel(0)).toBe('0%')
    expect(percentLabel(null)).toBe('—')
  })

  it('shortens months and weeks for the axis', () => {
    expect(shortPeriod('2026-11')).toBe('11月')
    expect(shortPeriod('2026-03-16')).toBe('3/16')
  })
})

describe('level distribution', () => {
  it('gives the largest level the full row and labels count and share', () => {
    const bars = levelBars(ratingStatistics().byLevel)
    expect(bars.map((bar) => bar.level)).toEqual(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'])
    expect(bars.map((bar) => bar.length)).toEqual([100, 40, 20, 30, 10])
    expect(bars[0].valueLabel).toBe('10件 · 50%')
    expect(bars[4].valueLabel).toBe('1件 · 5%')
  })

  it('draws empty bars and dashes when nothing was rated', () => {
    const bars = levelBars(ratingStatistics().byLevel.map((row) => ({ ...row, count: 0 })))
    expect(bars.every((bar) => bar.length === 0 && bar.valueLabel === '0件 · —')).toBe(true)
  })
})

describe('by service and by window', () => {
  it('stacks good and 差评 lengths, most rated first, within the limit', () => {
    const stats = ratingStatistics()
    const bars = groupBars(stats.byMatter, (m) => m.matterName, (m) => m.matterId)
    expect(bars.map((bar) => [bar.name, bar.goodLength, bar.badLength])).toEqual([
      ['个体工商户设立登记', 75, 25],
      ['食品经营许可', 58.33, 8.33],
    ])
    expect(bars[0].valueLabel).toBe('12件 · 满意率75%')
    const windows = groupBars(stats.byWindow, (w) => (w.window ? `${w.window}号窗口` : '未记录窗口'), (w) => w.window ?? '-', 1)
    expect(windows).toHaveLength(1)
    expect(windows[0].name).toBe('3号窗口')
  })
})

describe('trend', () => {
  it('places one column per period in the box, the busiest one full height, 差评 stacked on top', () => {
    const columns = trendColumns(ratingStatistics().trend)
    expect(columns).toHaveLength(3)
    const slot = CHART_WIDTH / 3
    expect(columns[0]).toMatchObject({ left: slot * 0.2, width: slot * 0.6, goodHeight: 0, badHeight: 0, label: '9月' })
    expect(columns[2].goodHeight + columns[2].badHeight).toBe(CHART_HEIGHT)
    expect(columns[2].badHeight).toBeCloseTo((3 / 15) * CHART_HEIGHT, 1)
    expect(columns[1].goodHeight).toBeCloseTo((4 / 15) * CHART_HEIGHT, 1)
    for (const column of columns) expect(column.left + column.width).toBeLessThanOrEqual(CHART_WIDTH)
  })

  it('labels every other column of twelve, always the latest', () => {
    const trend = Array.from({ length: 12 }, (_, i) => ({
      period: `2026-${String(i + 1).padStart(2, '0')}`,
      label: '',
      total: i,
      good: i,
      bad: 0,
      satisfactionRate: i ? 1 : null,
    }))
    const shown = trendColumns(trend).filter((c) => c.showLabel).map((c) => c.label)
    expect(shown).toEqual(['2月', '4月', '6月', '8月', '10月', '12月'])
  })

  it('joins the satisfaction rate points with rotated segments and breaks the line at empty periods', () => {
    const { points, segments } = rateLine([0.5, 1, null, 0], 400, 200)
    expect(points[0]).toMatchObject({ x: 50, y: 100, label: '50%' })
    expect(points[1]).toMatchObject({ x: 150, y: 0, label: '100%' })
    expect(points[2]).toBeNull()
    expect(points[3]).toMatchObject({ x: 350, y: 200, label: '0%' })
    // Only 0→1 is joined: 1→2 and 2→3 cross the empty period.
    expect(segments).toEqual([{ left: 50, top: 100, length: Math.round(Math.hypot(100, 100) * 10) / 10, angle: -45 }])
  })

  it('draws a flat line at the same height for equal rates', () => {
    const { segments } = rateLine([0.8, 0.8])
    expect(segments[0]).toMatchObject({ angle: 0, length: CHART_WIDTH / 2, top: 0.2 * CHART_HEIGHT })
  })
})

describe('rectification', () => {
  it('splits the 差评 into on time, late, open and overdue, as shares of all', () => {
    const parts = rectificationParts(ratingStatistics().rectification)
    expect(parts.map((p) => [p.key, p.count, p.length])).toEqual([
      ['onTime', 2, 50],
      ['late', 1, 25],
      ['open', 1, 25],
      ['openOverdue', 0, 0],
    ])
  })

  it('draws nothing for a department without 差评', () => {
    const parts = rectificationParts({ total: 0, rectified: 0, onTime: 0, late: 0, open: 0, openOverdue: 0, rectificationRate: null, timelyRate: null })
    expect(parts.every((p) => p.length === 0)).toBe(true)
  })
})
