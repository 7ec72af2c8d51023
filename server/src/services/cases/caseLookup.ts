/**
 * Anonymous progress lookup (进度查询): case number + query password.
 *
 * Rules, all counted in the database so they hold across instances:
 * - A wrong number and a wrong password get the same 404 message, in the
 *   same time (an unknown number is checked against a dummy hash).
 * - Per client (hash of the address): at most `hourlyLimitPerClient` failed
 *   lookups per clock hour, then every lookup answers 429 until the hour
 *   ends. Only failures count: guessing is what produces them, and a
 *   successful lookup then costs reads only (no write per request).
 * - Per typed case number — whether or not such a case exists — after
 *   `maxFailures` failures within `lockMinutes`, the number is locked for
 *   `lockMinutes`: every lookup of it answers 429, even with the right
 *   password. Because the guard is keyed by a hash of the typed number and
 *   not by the case, a locked real case and a locked unknown number look
 *   alike: the lock reveals nothing about existence.
 */
import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { CaseProgress } from '../../../../types/cases'
import type { CaseStatus } from '../../../../types/enums'
import { maskName } from '../../../../types/validators'
import type { Db } from '../../db/client'
import { lookupClientCounts, lookupGuards } from '../../db/schema'
import { notFound } from '../../errors'
import { RateLimited, rateLimited } from '../limits/rateLimited'
import type { CalendarService } from '../calendar/calendarService'
import { deadlineOf, toStep, type StepRecord } from './caseViews'
import { DUMMY_QUERY_PASSWORD_HASH, verifyQueryPassword } from './queryPassword'

type LookupRow = {
  client_failures: number | null
  locked_until: string | Date | null
  id: string | null
  number: string | null
  query_password_hash: string | null
  applicant_name: string | null
  status: CaseStatus | null
  accepted_at: string | Date | null
  due_at: string | Date | null
  deadline_unpublished: boolean | null
  finished_at: string | Date | null
  matter_name: string | null
  promised_limit_days: number | null
  department_name: string | null
  steps: (Omit<StepRecord, 'at'> & { at: string })[]
  pauses: { from: string; to: string | null }[]
}

export interface LookupSettings {
  maxFailures: number
  lockMinutes: number
  hourlyLimitPerClient: number
}

export const LOOKUP_FAILED = '办件编号或查询密码不正确'

export const clientKeyOf = (ip: string) => createHash('sha256').update(`client:${ip}`).digest('hex')
const numberKeyOf = (number: string) => createHash('sha256').update(`case-number:${number}`).digest('hex')

export class CaseLookup {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly settings: LookupSettings,
  ) {}

  async lookup(rawNumber: string, password: string, clientKey: string): Promise<CaseProgress> {
    const row = await this.guarded(rawNumber, password, clientKey)
    return this.progressOf(row)
  }

  /**
   * The case id behind a receipt, through the same guards and the same 404 as
   * the lookup (anonymous rating by number + query password uses it).
   */
  async caseIdFor(rawNumber: string, password: string, clientKey: string): Promise<string> {
    const row = await this.guarded(rawNumber, password, clientKey)
    return row.id!
  }

  /** Limits, then the password: throws 429 / 404 (counting the failure), else the row. */
  private async guarded(rawNumber: string, password: string, clientKey: string): Promise<LookupRow> {
    const s = this.settings
    const number = rawNumber.trim().toUpperCase()
    const numberKey = numberKeyOf(number)

    // One round trip, reads only: the limits, the case and its timeline. No write on success.
    const result = await this.db.execute<LookupRow>(sql`
      SELECT l.client_failures, l.locked_until,
             c.id, c.number, c.query_password_hash, c.applicant_name, c.status, c.accepted_at, c.due_at,
             c.deadline_unpublished, c.finished_at, m.name AS matter_name, m.promised_limit_days, d.name AS department_name,
             (SELECT coalesce(json_agg(json_build_object('at', s.at, 'status', s.status, 'outcome', s.outcome,
                       'actorKind', s.actor_kind, 'comment', s.comment, 'staffName', st.display_name, 'staffRole', st.role)
                     ORDER BY s.at, s.id), '[]')
                FROM case_steps s LEFT JOIN staff st ON st.id = s.staff_id WHERE s.case_id = c.id) AS steps,
             (SELECT coalesce(json_agg(json_build_object('from', p."from", 'to', p."to")), '[]')
                FROM case_pauses p WHERE p.case_id = c.id) AS pauses
      FROM (SELECT
              (SELECT count FROM lookup_client_counts
                WHERE client_key = ${clientKey} AND window_start = date_trunc('hour', now())) AS client_failures,
              (SELECT locked_until FROM lookup_guards
                WHERE number_key = ${numberKey} AND locked_until > now()) AS locked_until) l
      LEFT JOIN cases c ON c.number = ${number}
      LEFT JOIN matters m ON m.id = c.matter_id
      LEFT JOIN departments d ON d.id = c.department_id`)
    const row = result.rows[0]
    if ((row.client_failures ?? 0) >= s.hourlyLimitPerClient) {
      // The client's window is the clock hour: it opens again when the hour ends.
      const hourEnds = Math.ceil((3_600_000 - (Date.now() % 3_600_000)) / 1000)
      throw new RateLimited('查询过于频繁，请一小时后再试', hourEnds)
    }
    if (row.locked_until) throw rateLimited('查询失败次数过多', (new Date(row.locked_until).getTime() - Date.now()) / 1000)

    const ok = verifyQueryPassword(password, row.query_password_hash ?? DUMMY_QUERY_PASSWORD_HASH)
    if (!row.id || !ok) {
      await this.fail(numberKey, clientKey)
      throw notFound(LOOKUP_FAILED)
    }
    return row
  }

  private async progressOf(row: LookupRow): Promise<CaseProgress> {
    const date = (v: string | Date | null) => (v === null ? null : new Date(v))
    const clock = { calendar: await this.calendar.get(), hours: this.calendar.hours, now: new Date() }
    const deadline = deadlineOf(
      {
        status: row.status!,
        acceptedAt: date(row.accepted_at),
        dueAt: date(row.due_at),
        finishedAt: date(row.finished_at),
        deadlineUnpublished: row.deadline_unpublished!,
        promisedLimitDays: row.promised_limit_days!,
      },
      row.pauses.map((p) => ({ from: new Date(p.from), to: date(p.to) })),
      clock,
    )
    return {
      number: row.number!,
      matterName: row.matter_name!,
      departmentName: row.department_name!,
      applicantNameMasked: maskName(row.applicant_name!),
      status: row.status!,
      deadline,
      steps: row.steps.map((st) => toStep({ ...st, at: new Date(st.at) })),
    }
  }

  /** Counts a failure for the client and the typed number; the failure that reaches the limit starts the lock. */
  private async fail(numberKey: string, clientKey: string): Promise<void> {
    const s = this.settings
    await this.db
      .insert(lookupClientCounts)
      .values({ clientKey, windowStart: sql`date_trunc('hour', now())`, count: 1 })
      .onConflictDoUpdate({
        target: [lookupClientCounts.clientKey, lookupClientCounts.windowStart],
        set: { count: sql`${lookupClientCounts.count} + 1` },
      })
    const window = sql`make_interval(mins => ${s.lockMinutes}::int)`
    const [{ failures }] = await this.db
      .insert(lookupGuards)
      .values({ numberKey, failures: 1, lastFailureAt: sql`now()` })
      .onConflictDoUpdate({
        target: lookupGuards.numberKey,
        set: {
          failures: sql`CASE WHEN ${lookupGuards.lastFailureAt} < now() - ${window} THEN 1 ELSE ${lookupGuards.failures} + 1 END`,
          lastFailureAt: sql`now()`,
        },
      })
      .returning({ failures: lookupGuards.failures })
    if (failures >= s.maxFailures) {
      await this.db
        .update(lookupGuards)
        .set({ failures: 0, lockedUntil: sql`now() + ${window}` })
        .where(eq(lookupGuards.numberKey, numberKey))
    }
  }
}
