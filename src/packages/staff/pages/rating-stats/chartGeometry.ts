/**
 * Pure geometry of the statistics charts. The charts are drawn with plain
 * positioned views (no canvas), so they render the same in the mini-program
 * and H5 and can be tested here: bar lengths are percentages of the row,
 * column and line coordinates are in the 750 design's px inside a chart box
 * of CHART_WIDTH × CHART_HEIGHT (turned into rpx / rem by Taro.pxTransform).
 */
import type { RatingLevel } from '../../../../../types/enums'
import type { LevelCount, RatingStatistics } from '../../../../../types/ratings'

export const CHART_WIDTH = 600
export const CHART_HEIGHT = 260

/** "75%", "66.7%", or "—" when there is nothing to divide. */
export function percentLabel(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—'
  const percent = Math.round(rate * 1000) / 10
  return `${percent}%`
}

/** Share of `part` in `whole` as a 0–100 length; 0 for an empty whole. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0
}

export interface LevelBar {
  level: RatingLevel
  count: number
  /** Bar length, % of the row: the largest level fills it. */
  length: number
  /** "10件 · 50%" — count and share of all ratings. */
  valueLabel: string
}

/** 评价等级分布: one bar per level, best first, zeros included. */
export function levelBars(byLevel: LevelCount[]): LevelBar[] {
  const total = byLevel.reduce((sum, row) => sum + row.count, 0)
  const max = Math.max(0, ...byLevel.map((row) => row.count))
  return byLevel.map(({ level, count }) => ({
    level,
    count,
    length: share(count, max),
    valueLabel: `${count}件 · ${percentLabel(total ? count / total : null)}`,
  }))
}

interface GroupFigures {
  total: number
  good: number
  bad: number
  satisfactionRate: number | null
}

export interface GroupBar {
  key: string
  name: string
  total: number
  /** Lengths in % of the row: the most rated group fills it; good and bad stacked. */
  goodLength: number
  badLength: number
  valueLabel: string
}

/** 按事项 / 按窗口: stacked good / 差评 bars, most rated first, at most `limit`. */
export function groupBars<T extends GroupFigures>(groups: T[], name: (group: T) => string, key: (group: T) => string, limit = 8): GroupBar[] {
  const top = [...groups].sort((a, b) => b.total - a.total).slice(0, limit)
  const max = Math.max(0, ...top.map((group) => group.total))
  return top.map((group) => ({
    key: key(group),
    name: name(group),
    total: group.total,
    goodLength: share(group.total - group.bad, max),
    badLength: share(group.bad, max),
    valueLabel: `${group.total}件 · 满意率${percentLabel(group.satisfactionRate)}`,
  }))
}

/** "2026-11" → "11月"; a week's Monday "2026-11-16" → "11/16". */
export function shortPeriod(period: string): string {
  const [, month, day] = period.split('-')
  return day ? `${Number(month)}/${Number(day)}` : `${Number(month)}月`
}

export interface Column {
  period: string
  label: string
  /** Axis label, shown on every `labelEvery`-th column so they do not overlap. */
  showLabel: boolean
  total: number
  bad: number
  left: number
  width: number
  /** Heights from the baseline, in design px; the 差评 part sits on top of the good part. */
  goodHeight: number
  badHeight: number
}

/** 评价数量趋势: one column per period, oldest first, empty periods included. */
export function trendColumns(trend: RatingStatistics['trend'], width = CHART_WIDTH, height = CHART_HEIGHT): Column[] {
  const count = trend.length
  if (count === 0) return []
  const slot = width / count
  const max = Math.max(1, ...trend.map((period) => period.total))
  const labelEvery = Math.max(1, Math.ceil(count / 6))
  return trend.map((period, i) => ({
    period: period.period,
    label: shortPeriod(period.period),
    showLabel: (count - 1 - i) % labelEvery === 0,
    total: period.total,
    bad: period.bad,
    left: round(slot * i + slot * 0.2),
    width: round(slot * 0.6),
    goodHeight: round(((period.total - period.bad) / max) * height),
    badHeight: round((period.bad / max) * height),
  }))
}

export interface LinePoint {
  x: number
  y: number
  rate: number
  label: string
  showLabel: boolean
}

/** A straight piece of the line, drawn as a thin view rotated about its left end. */
export interface LineSegment {
  left: number
  top: number
  length: number
  /** Degrees, clockwise (y grows downwards). */
  angle: number
}

/**
 * 满意率趋势: a point per period that has ratings (rate 0–1 → y from the
 * bottom), and segments joining consecutive points; a period without ratings
 * breaks the line rather than pretending 0%.
 */
export function rateLine(rates: Array<number | null>, width = CHART_WIDTH, height = CHART_HEIGHT): { points: Array<LinePoint | null>; segments: LineSegment[] } {
  const count = rates.length
  const slot = count ? width / count : 0
  const labelEvery = Math.max(1, Math.ceil(count / 6))
  const points = rates.map((rate, i) =>
    rate === null
      ? null
      : { x: round(slot * (i + 0.5)), y: round((1 - rate) * height), rate, label: percentLabel(rate), showLabel: (count - 1 - i) % labelEvery === 0 },
  )
  const segments: LineSegment[] = []
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]
    const b = points[i]
    if (!a || !b) continue
    const dx = b.x - a.x
    const dy = b.y - a.y
    segments.push({ left: a.x, top: a.y, length: round(Math.hypot(dx, dy)), angle: round((Math.atan2(dy, dx) * 180) / Math.PI) })
  }
  return { points, segments }
}

export interface RectificationPart {
  key: 'onTime' | 'late' | 'open' | 'openOverdue'
  label: string
  count: number
  /** % of all 差评 in range. */
  length: number
}

/** 差评整改: one stacked bar — rectified on time, late, still open, open and overdue. */
export function rectificationParts(r: RatingStatistics['rectification']): RectificationPart[] {
  const parts: Array<Omit<RectificationPart, 'length'>> = [
    { key: 'onTime', label: '按时整改', count: r.onTime },
    { key: 'late', label: '超时整改', count: r.late },
    { key: 'open', label: '整改中', count: Math.max(0, r.open - r.openOverdue) },
    { key: 'openOverdue', label: '超期未整改', count: r.openOverdue },
  ]
  return parts.map((part) => ({ ...part, length: share(part.count, r.total) }))
}

const round = (n: number) => Math.round(n * 10) / 10
