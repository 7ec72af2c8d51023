/**
 * Rating results: a lead's (own department) or an admin's statistics, and the
 * published aggregate. Ratings excluded by an upheld appeal count nowhere but
 * in `excluded`. Dates are Shanghai dates; a rating counts in the period it
 * was given. Satisfaction rate = (非常满意 + 满意 + 基本满意) / total.
 */
import { sql, type SQL } from 'drizzle-orm'
import { RATING_LEVELS, type RatingChannel, type RatingGranularity, type RatingLevel } from '../../../../types/enums'
import type { PublicRatingSummary, RatingStatistics, RatingStatisticsQuery } from '../../../../types/ratings'
import type { Db } from '../../db/client'
import { shanghaiDate, shanghaiInstant } from '../../domain/calendar'
import { addDays, isCalendarDate } from '../../domain/calendar/dates'
import { periodLabel, periodsBetween } from '../../domain/ratings/periods'
import { badRequest, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'

const LEVELS = Object.keys(RATING_LEVELS) as RatingLevel[]
const MAX_RANGE_DAYS = 3 * 366

type Figures = { total: number; good: number; bad: number; satisfactionRate: number | null }
type FigureRow = { total: string | number; good: string | number; bad: string | number }

const FIGURES = sql`count(*)::int AS total,
  (count(*) FILTER (WHERE r.level IN ('verySatisfied', 'satisfied', 'basicallySatisfied')))::int AS good,
  (count(*) FILTER (WHERE r.level IN ('dissatisfied', 'veryDissatisfied')))::int AS bad`

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000)

function figures(row: FigureRow | undefined): Figures {
  const total = Number(row?.total ?? 0)
  const good = Number(row?.good ?? 0)
  return { total, good, bad: Number(row?.bad ?? 0), satisfactionRate: rate(good, total) }
}

/** The first day of the month `months - 1` months before today's: a range of `months` whole months. */
function monthsBack(today: string, months: number): string {
  let y = Number(today.slice(0, 4))
  let m = Number(today.slice(5, 7)) - (months - 1)
  while (m <= 0) {
    m += 12
    y -= 1
  }
  return `${y}-${String(m).padStart(2, '0')}-01`
}


export class RatingStatisticsService {
  constructor(private readonly db: Db) {}

  async forStaff(s: StaffPrincipal, q: RatingStatisticsQuery, now = new Date()): Promise<RatingStatistics> {
    if (s.role !== 'admin' && s.role !== 'lead') throw forbidden('评价统计仅供部门负责人和管理员查看')
    let departmentId: string | null = q.departmentId ?? null
    if (s.role === 'lead') {
      if (!s.department) throw forbidden('您的账号未关联部门')
      if (departmentId && departmentId !== s.department.id) throw forbidden('只能查看本部门的评价统计')
      departmentId = s.department.id
    }
    let department: { id: string; name: string } | null = null
    if (departmentId) {
      const { rows } = await this.db.execute<{ id: string; name: string }>(sql`SELECT id, name FROM departments WHERE id = ${departmentId}`)
      if (!rows[0]) throw notFound('未找到该部门')
      department = rows[0]
    }
    const today = shanghaiDate(now)
    const to = q.to ?? today
    const from = q.from ?? monthsBack(to, 12)
    if (!isCalendarDate(from)) throw badRequest('开始日期不是有效日期', 'from')
    if (!isCalendarDate(to)) throw badRequest('结束日期不是有效日期', 'to')
    if (from > to) throw badRequest('开始日期不能晚于结束日期', 'from')
    if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * 86_400_000) throw badRequest('统计范围最长三年', 'from')
    const granularity: RatingGranularity = q.granularity ?? 'month'
    const fromAt = shanghaiInstant(from, '00:00')
    const toAt = shanghaiInstant(addDays(to, 1), '00:00')

    const inRange = sql`r.created_at >= ${fromAt} AND r.created_at < ${toAt} ${departmentId ? sql`AND r.department_id = ${departmentId}` : sql``}`
    const counted = sql`${inRange} AND NOT r.excluded`
    const one = async <T extends Record<string, unknown>>(q: SQL) => (await this.db.execute<T>(q)).rows

    const [totals] = await one<FigureRow & { excluded: number; system_default: number }>(sql`
      SELECT ${FIGURES}, (SELECT count(*)::int FROM ratings r WHERE ${inRange} AND r.excluded) AS excluded,
             (count(*) FILTER (WHERE r.channel = 'systemDefault'))::int AS system_default
      FROM ratings r WHERE ${counted}`)
    const levels = await one<{ level: RatingLevel; count: number }>(sql`SELECT r.level, count(*)::int AS count FROM ratings r WHERE ${counted} GROUP BY r.level`)
    const channels = await one<{ channel: RatingChannel; count: number }>(
      sql`SELECT r.channel, count(*)::int AS count FROM ratings r WHERE ${counted} GROUP BY r.channel ORDER BY count DESC, r.channel`,
    )
    const periodExpr =
      granularity === 'month'
        ? sql`to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`
        : sql`to_char(date_trunc('week', r.created_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`
    const trendRows = await one<FigureRow & { period: string }>(sql`SELECT ${periodExpr} AS period, ${FIGURES} FROM ratings r WHERE ${counted} GROUP BY 1`)
    const matters = await one<FigureRow & { matter_id: string; matter_name: string }>(sql`
      SELECT r.matter_id, m.name AS matter_name, ${FIGURES} FROM ratings r JOIN matters m ON m.id = r.matter_id
      WHERE ${counted} GROUP BY r.matter_id, m.name ORDER BY total DESC, m.name`)
    const windows = await one<FigureRow & { window: string | null }>(sql`
      SELECT r.window_number AS window, ${FIGURES} FROM ratings r WHERE ${counted}
      GROUP BY r.window_number ORDER BY total DESC, r.window_number NULLS LAST`)
    const [rect] = await one<{ total: number; rectified: number; on_time: number; late: number; open: number; open_overdue: number }>(sql`
      SELECT count(*)::int AS total,
             (count(*) FILTER (WHERE r.bad_status = 'rectified'))::int AS rectified,
             (count(*) FILTER (WHERE r.bad_status = 'rectified' AND r.rectified_on_time))::int AS on_time,
             (count(*) FILTER (WHERE r.bad_status = 'rectified' AND NOT r.rectified_on_time))::int AS late,
             (count(*) FILTER (WHERE r.bad_status IN ('pending', 'verified')))::int AS open,
             (count(*) FILTER (WHERE r.bad_status IN ('pending', 'verified') AND r.rectify_due_at < ${now}))::int AS open_overdue
      FROM ratings r WHERE ${counted} AND r.bad_status IS NOT NULL`)

    const byPeriod = new Map(trendRows.map((t) => [t.period, t]))
    const levelCounts = new Map(levels.map((l) => [l.level, Number(l.count)]))
    return {
      scope: { department, from, to, granularity },
      ...figures(totals),
      excluded: Number(totals?.excluded ?? 0),
      systemDefault: Number(totals?.system_default ?? 0),
      byLevel: LEVELS.map((level) => ({ level, count: levelCounts.get(level) ?? 0 })),
      byChannel: channels.map((c) => ({ channel: c.channel, count: Number(c.count) })),
      trend: periodsBetween(from, to, granularity).map((period) => ({ period, label: periodLabel(period, granularity), ...figures(byPeriod.get(period)) })),
      byMatter: matters.map((m) => ({ matterId: m.matter_id, matterName: m.matter_name, ...figures(m) })),
      byWindow: windows.map((w) => ({ window: w.window, ...figures(w) })),
      rectification: {
        total: Number(rect.total),
        rectified: Number(rect.rectified),
        onTime: Number(rect.on_time),
        late: Number(rect.late),
        open: Number(rect.open),
        openOverdue: Number(rect.open_overdue),
        rectificationRate: rate(Number(rect.rectified), Number(rect.total)),
        timelyRate: rate(Number(rect.on_time), Number(rect.total)),
      },
    }
  }

  /** Published figures: counts and rates per department over whole months. No text, no person. */
  async published(months: number, now = new Date()): Promise<PublicRatingSummary> {
    const to = shanghaiDate(now)
    const from = monthsBack(to, months)
    const fromAt = shanghaiInstant(from, '00:00')
    const toAt = shanghaiInstant(addDays(to, 1), '00:00')
    type Row = FigureRow & { department_id: string; department_name: string; bad_total: number; rectified: number }
    const { rows } = await this.db.execute<Row>(sql`
      SELECT d.id AS department_id, d.name AS department_name, ${FIGURES},
             (count(*) FILTER (WHERE r.bad_status IS NOT NULL))::int AS bad_total,
             (count(*) FILTER (WHERE r.bad_status = 'rectified'))::int AS rectified
      FROM ratings r JOIN departments d ON d.id = r.department_id
      WHERE r.created_at >= ${fromAt} AND r.created_at < ${toAt} AND NOT r.excluded
      GROUP BY d.id, d.name ORDER BY d.name`)
    const sum = (k: keyof Row) => rows.reduce((n, r) => n + Number(r[k]), 0)
    return {
      from,
      to,
      overall: {
        ...figures({ total: sum('total'), good: sum('good'), bad: sum('bad') }),
        rectificationRate: rate(sum('rectified'), sum('bad_total')),
      },
      departments: rows.map((r) => ({
        departmentId: r.department_id,
        departmentName: r.department_name,
        ...figures(r),
        rectificationRate: rate(Number(r.rectified), Number(r.bad_total)),
      })),
    }
  }
}
