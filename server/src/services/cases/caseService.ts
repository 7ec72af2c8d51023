/**
 * Cases (办件): citizen list/detail/withdraw, staff registration (窗口收件),
 * queue, actions, result mailing and supervision. Transitions are decided by
 * domain/cases/transitions.ts; every step is written with its pause changes,
 * the recomputed deadline, the notification and the audit entry in one short
 * transaction (the calendar is read before it opens).
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm'
import type {
  CaseDetail,
  CasePage,
  CaseSummary,
  MailResultRequest,
  StaffCaseListQuery,
  Supervision,
  WalkInReceipt,
  WalkInRequest,
} from '../../../../types/cases'
import { CASE_STATUSES, type CaseAction, type CaseStatus } from '../../../../types/enums'
import { checkResidentId, RESIDENT_ID_MESSAGES } from '../../../../types/validators'
import type { Db, DbOrTx } from '../../db/client'
import {
  casePauses,
  caseSteps,
  cases,
  citizens,
  departments,
  matters,
  staff,
  type CasePauseRow,
  type CitizenRow,
} from '../../db/schema'
import { computeDeadline, shanghaiDate } from '../../domain/calendar'
import {
  allowedActions,
  checkTransition,
  COMPLETED_STATUSES,
  FINAL_STATUSES,
  type Transition,
} from '../../domain/cases/transitions'
import { HttpError, badRequest, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import type { CalendarService } from '../calendar/calendarService'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import { deadlineOf, toDetail, toSummary, type CaseRecord, type Clock, type StepRecord } from './caseViews'
import { nextCaseNumber } from './caseNumbers'
import { hashQueryPassword, newQueryPassword } from './queryPassword'

const FINAL = [...FINAL_STATUSES]
/** Accepted and not finished: the cases supervision counts. */
const RUNNING: CaseStatus[] = ['accepted', 'handling', 'specialStarted', 'specialEnded']
/** Enough for one department's active queue when a light filter forces computing every light. */
const LIGHT_SCAN_LIMIT = 2000

const NOT_FOUND = '未找到该办件'

export const selectCase = (db: DbOrTx) =>
  db
    .select({
      c: cases,
      matterName: matters.name,
      promisedLimitDays: matters.promisedLimitDays,
      departmentName: departments.name,
    })
    .from(cases)
    .innerJoin(matters, eq(matters.id, cases.matterId))
    .innerJoin(departments, eq(departments.id, cases.departmentId))

export const toRecord = (r: { c: typeof cases.$inferSelect; matterName: string; promisedLimitDays: number; departmentName: string }): CaseRecord => ({
  ...r.c,
  matterName: r.matterName,
  promisedLimitDays: r.promisedLimitDays,
  departmentName: r.departmentName,
})

export async function stepsOf(db: DbOrTx, caseId: string): Promise<StepRecord[]> {
  const rows = await db
    .select({ step: caseSteps, staffName: staff.displayName, staffRole: staff.role })
    .from(caseSteps)
    .leftJoin(staff, eq(staff.id, caseSteps.staffId))
    .where(eq(caseSteps.caseId, caseId))
    .orderBy(asc(caseSteps.at), asc(caseSteps.id))
  return rows.map((r) => ({ ...r.step, staffName: r.staffName, staffRole: r.staffRole }))
}

export async function pausesOf(db: DbOrTx, caseIds: string[]): Promise<Map<string, CasePauseRow[]>> {
  const out = new Map<string, CasePauseRow[]>()
  if (caseIds.length === 0) return out
  const rows = await db.select().from(casePauses).where(inArray(casePauses.caseId, caseIds)).orderBy(asc(casePauses.from))
  for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r])
  return out
}

type Actor = { kind: 'staff'; staff: StaffPrincipal } | { kind: 'citizen'; citizenId: string }

export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationService,
  ) {}

  private async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  /** Summaries with deadlines; pauses are read only for cases whose clock is stopped. */
  private async summaries(records: CaseRecord[], clock: Clock): Promise<CaseSummary[]> {
    const paused = records.filter((r) => r.acceptedAt && (r.status === 'specialStarted' || r.status === 'correctionStarted'))
    const pauses = await pausesOf(this.db, paused.map((r) => r.id))
    return records.map((r) => toSummary(r, deadlineOf(r, pauses.get(r.id) ?? [], clock)))
  }

  private async detail(record: CaseRecord, clock: Clock, allowed: CaseAction[], db: DbOrTx = this.db): Promise<CaseDetail> {
    const steps = await stepsOf(db, record.id)
    const pauses = await pausesOf(db, [record.id])
    return toDetail(record, steps, deadlineOf(record, pauses.get(record.id) ?? [], clock), allowed)
  }

  private async find(db: DbOrTx, id: string): Promise<CaseRecord> {
    const [row] = await selectCase(db).where(eq(cases.id, id))
    if (!row) throw notFound(NOT_FOUND)
    return toRecord(row)
  }

  // ---- citizen ----

  /** Cases registered with the citizen's verified phone before they had an account become theirs. */
  private async linkByPhone(citizen: CitizenRow): Promise<void> {
    if (!citizen.phone) return
    await this.db
      .update(cases)
      .set({ citizenId: citizen.id })
      .where(and(isNull(cases.citizenId), eq(cases.applicantPhone, citizen.phone)))
  }

  async listMine(citizen: CitizenRow, page: number, pageSize: number): Promise<CasePage> {
    await this.linkByPhone(citizen)
    const rows = await selectCase(this.db)
      .where(eq(cases.citizenId, citizen.id))
      .orderBy(desc(cases.createdAt), desc(cases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(cases).where(eq(cases.citizenId, citizen.id))
    return { items: await this.summaries(rows.map(toRecord), await this.clock()), page, pageSize, total }
  }

  private async mine(db: DbOrTx, citizen: CitizenRow, id: string): Promise<CaseRecord> {
    const record = await this.find(db, id)
    // Another citizen's case answers exactly like an unknown one.
    if (record.citizenId !== citizen.id) throw notFound(NOT_FOUND)
    return record
  }

  async getMine(citizen: CitizenRow, id: string): Promise<CaseDetail> {
    await this.linkByPhone(citizen)
    const record = await this.mine(this.db, citizen, id)
    return this.detail(record, await this.clock(), allowedActions(record.status, 'applicant'))
  }

  async withdraw(citizen: CitizenRow, id: string, reason: string): Promise<CaseDetail> {
    const clock = await this.clock()
    await this.mine(this.db, citizen, id)
    await this.step(id, 'withdraw', 'applicant', reason, { kind: 'citizen', citizenId: citizen.id }, clock)
    const record = await this.find(this.db, id)
    return this.detail(record, clock, allowedActions(record.status, 'applicant'))
  }

  // ---- staff ----

  private canSee(s: StaffPrincipal, record: CaseRecord): boolean {
    return s.role === 'admin' || s.department?.id === record.departmentId
  }

  private async visibleTo(s: StaffPrincipal, id: string, db: DbOrTx = this.db): Promise<CaseRecord> {
    const record = await this.find(db, id)
    if (!this.canSee(s, record)) throw forbidden('不能查看或办理其他部门的办件')
    return record
  }

  async staffGet(s: StaffPrincipal, id: string): Promise<CaseDetail> {
    const record = await this.visibleTo(s, id)
    return this.detail(record, await this.clock(), allowedActions(record.status, 'staff'))
  }

  async register(s: StaffPrincipal, body: WalkInRequest): Promise<WalkInReceipt> {
    const idNumber = body.applicantIdNumber.trim().toUpperCase()
    const problem = checkResidentId(idNumber)
    if (problem) throw badRequest(RESIDENT_ID_MESSAGES[problem], 'applicantIdNumber')
    if (body.delivery.mode === 'mail' && !body.delivery.address) throw badRequest('邮寄送达请填写收件地址', 'delivery.address')
    const [matter] = await this.db
      .select({ id: matters.id, departmentId: matters.departmentId })
      .from(matters)
      .where(eq(matters.id, body.matterId))
    if (!matter) throw badRequest('未找到该事项，请重新选择', 'matterId')
    if (s.role !== 'admin' && s.department?.id !== matter.departmentId) throw forbidden('只能为本部门的事项收件')

    const clock = await this.clock()
    const password = newQueryPassword()
    const passwordHash = hashQueryPassword(password)
    const day = shanghaiDate(clock.now)
    const messages: (NotificationMessage & { id: string })[] = []
    const caseId = await this.db.transaction(async (tx) => {
      const number = await nextCaseNumber(tx, day)
      const [citizen] = await tx.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, body.applicantPhone))
      const [inserted] = await tx
        .insert(cases)
        .values({
          number,
          queryPasswordHash: passwordHash,
          matterId: matter.id,
          departmentId: matter.departmentId,
          citizenId: citizen?.id ?? null,
          applicantName: body.applicantName,
          applicantIdNumber: idNumber,
          applicantPhone: body.applicantPhone,
          status: 'received',
          deliveryMode: body.delivery.mode,
          deliveryAddress: body.delivery.mode === 'mail' ? (body.delivery.address ?? null) : null,
          createdAt: clock.now,
          updatedAt: clock.now,
        })
        .returning({ id: cases.id })
      await tx.insert(caseSteps).values({
        caseId: inserted.id,
        at: clock.now,
        status: 'received',
        outcome: 'pass',
        actorKind: 'staff',
        staffId: s.id,
        comment: '窗口收件',
      })
      if (citizen) {
        messages.push(
          await notify(tx, {
            citizenId: citizen.id,
            caseId: inserted.id,
            title: '办件已接件',
            body: `您的办件（编号${number}）已由窗口接件，可在“我的办件”查看进度。`,
          }),
        )
      }
      await recordAudit(tx, { staffId: s.id, action: 'case.register', targetKind: 'case', targetId: inserted.id, detail: { matterId: matter.id } })
      return inserted.id
    })
    await this.notifications.dispatch(messages)
    const record = await this.find(this.db, caseId)
    return { case: await this.detail(record, clock, allowedActions(record.status, 'staff')), queryPassword: password }
  }

  async act(s: StaffPrincipal, id: string, action: CaseAction, comment: string): Promise<CaseDetail> {
    const clock = await this.clock()
    await this.visibleTo(s, id)
    await this.step(id, action, 'staff', comment, { kind: 'staff', staff: s }, clock)
    const record = await this.find(this.db, id)
    return this.detail(record, clock, allowedActions(record.status, 'staff'))
  }

  /** One step: checked against the row locked FOR UPDATE, so two clicks cannot both pass. */
  private async step(id: string, action: CaseAction, role: 'staff' | 'applicant', comment: string, actor: Actor, clock: Clock): Promise<void> {
    const text = comment.trim()
    const messages: (NotificationMessage & { id: string })[] = []
    await this.db.transaction(async (tx) => {
      const [row] = await selectCase(tx).where(eq(cases.id, id)).for('update', { of: cases })
      if (!row) throw notFound(NOT_FOUND)
      const record = toRecord(row)
      const check = checkTransition(record.status, action, role, text)
      if (!check.ok) throw new HttpError(check.statusCode, check.message, check.field)
      await this.apply(tx, record, check.transition, actor, text, clock, messages)
      if (actor.kind === 'staff') {
        await recordAudit(tx, { staffId: actor.staff.id, action: 'case.action', targetKind: 'case', targetId: id, detail: { action, to: check.transition.to } })
      }
    })
    await this.notifications.dispatch(messages)
  }

  private async apply(
    tx: DbOrTx,
    record: CaseRecord,
    t: Transition,
    actor: Actor,
    comment: string,
    clock: Clock,
    messages: (NotificationMessage & { id: string })[],
  ): Promise<void> {
    const now = clock.now
    if (t.closePause) {
      await tx
        .update(casePauses)
        .set({ to: now })
        .where(and(eq(casePauses.caseId, record.id), isNull(casePauses.to)))
    }
    if (t.openPause) await tx.insert(casePauses).values({ caseId: record.id, kind: t.openPause, from: now, to: null })
    const acceptedAt = t.accepts ? now : record.acceptedAt
    const patch: Partial<typeof cases.$inferInsert> = { status: t.to, updatedAt: now }
    if (t.accepts) patch.acceptedAt = now
    if (FINAL_STATUSES.has(t.to)) patch.finishedAt = now
    // Recomputed on every step after acceptance, from the stored acceptance and pauses.
    if (acceptedAt) {
      const pauses = await tx.select().from(casePauses).where(eq(casePauses.caseId, record.id))
      const deadline = computeDeadline({
        calendar: clock.calendar,
        hours: clock.hours,
        acceptedAt,
        limitDays: record.promisedLimitDays,
        pauses,
        now,
      })
      patch.dueAt = deadline.dueAt
      patch.deadlineUnpublished = deadline.unpublished
    }
    await tx.update(cases).set(patch).where(eq(cases.id, record.id))
    await tx.insert(caseSteps).values({
      caseId: record.id,
      at: now,
      status: t.to,
      outcome: t.outcome,
      actorKind: actor.kind === 'staff' ? 'staff' : 'citizen',
      staffId: actor.kind === 'staff' ? actor.staff.id : null,
      comment,
    })
    if (record.citizenId) {
      const label = CASE_STATUSES[t.to]
      messages.push(
        await notify(tx, {
          citizenId: record.citizenId,
          caseId: record.id,
          title: `办件进度：${label}`,
          body: `您的办件（编号${record.number}，${record.matterName}）当前状态：${label}${comment ? `。说明：${comment}` : '。'}`,
        }),
      )
    }
  }

  async setDelivery(s: StaffPrincipal, id: string, body: MailResultRequest): Promise<CaseDetail> {
    const clock = await this.clock()
    await this.visibleTo(s, id)
    const messages: (NotificationMessage & { id: string })[] = []
    await this.db.transaction(async (tx) => {
      const [row] = await selectCase(tx).where(eq(cases.id, id)).for('update', { of: cases })
      if (!row) throw notFound(NOT_FOUND)
      const record = toRecord(row)
      if (record.deliveryMode !== 'mail') throw conflict('该办件不是邮寄送达，无需填写快递信息')
      if (!COMPLETED_STATUSES.has(record.status) || record.status === 'disapproved') {
        throw conflict('办件办结通过后才能寄送办理结果')
      }
      await tx.update(cases).set({ courier: body.courier, trackingNumber: body.trackingNumber, updatedAt: clock.now }).where(eq(cases.id, id))
      if (record.citizenId) {
        messages.push(
          await notify(tx, {
            citizenId: record.citizenId,
            caseId: id,
            title: '办理结果已寄出',
            body: `您的办件（编号${record.number}）办理结果已由${body.courier}寄出，运单号${body.trackingNumber}。`,
          }),
        )
      }
      await recordAudit(tx, { staffId: s.id, action: 'case.delivery', targetKind: 'case', targetId: id })
    })
    await this.notifications.dispatch(messages)
    const record = await this.find(this.db, id)
    return this.detail(record, clock, allowedActions(record.status, 'staff'))
  }

  /** 容缺受理: the promised materials arrived at the window. */
  async fulfilTolerance(s: StaffPrincipal, id: string): Promise<CaseDetail> {
    const clock = await this.clock()
    await this.visibleTo(s, id)
    await this.db.transaction(async (tx) => {
      const [row] = await selectCase(tx).where(eq(cases.id, id)).for('update', { of: cases })
      const record = toRecord(row)
      if (!record.toleranceMaterials) throw conflict('该办件不是容缺受理，没有待补交的材料')
      if (record.toleranceFulfilledAt) return
      await tx.update(cases).set({ toleranceFulfilledAt: clock.now, updatedAt: clock.now }).where(eq(cases.id, id))
      await tx.insert(caseSteps).values({
        caseId: id,
        at: clock.now,
        status: record.status,
        outcome: 'pass',
        actorKind: 'staff',
        staffId: s.id,
        comment: `容缺材料已补齐：${record.toleranceMaterials.join('、')}`,
      })
      await recordAudit(tx, { staffId: s.id, action: 'case.toleranceFulfilled', targetKind: 'case', targetId: id })
    })
    const record = await this.find(this.db, id)
    return this.detail(record, clock, allowedActions(record.status, 'staff'))
  }

  private scope(s: StaffPrincipal): SQL | undefined {
    return s.role === 'admin' || !s.department ? undefined : eq(cases.departmentId, s.department.id)
  }

  /**
   * The queue, most urgent first: by due time ascending (so overdue, red,
   * comes first), then cases not yet accepted (no deadline) oldest first.
   * A light filter needs every light computed, so it scans up to
   * LIGHT_SCAN_LIMIT cases and pages in memory.
   */
  async queue(s: StaffPrincipal, q: StaffCaseListQuery): Promise<CasePage> {
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const where = and(
      this.scope(s),
      q.status ? eq(cases.status, q.status) : undefined,
      q.active === false ? undefined : notInArray(cases.status, FINAL),
    )
    const order = [sql`${cases.dueAt} ASC NULLS LAST`, asc(cases.createdAt), asc(cases.id)]
    const clock = await this.clock()
    if (q.light) {
      const rows = await selectCase(this.db)
        .where(and(where, isNotNull(cases.dueAt)))
        .orderBy(...order)
        .limit(LIGHT_SCAN_LIMIT)
      const all = (await this.summaries(rows.map(toRecord), clock)).filter((c) => c.deadline?.light === q.light)
      return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length }
    }
    const rows = await selectCase(this.db)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(cases).where(where)
    return { items: await this.summaries(rows.map(toRecord), clock), page, pageSize, total }
  }

  /** Counts by light over accepted, unfinished cases (stopped clocks counted apart) and the overdue list. */
  async supervision(s: StaffPrincipal): Promise<Supervision> {
    const rows = await selectCase(this.db)
      .where(and(this.scope(s), inArray(cases.status, RUNNING), isNotNull(cases.dueAt)))
      .orderBy(asc(cases.dueAt))
    const summaries = await this.summaries(rows.map(toRecord), await this.clock())
    const counts = { green: 0, yellow: 0, red: 0, paused: 0 }
    for (const c of summaries) {
      if (!c.deadline) continue
      if (c.deadline.paused) counts.paused++
      else counts[c.deadline.light]++
    }
    return { counts, overdue: summaries.filter((c) => c.deadline && !c.deadline.paused && c.deadline.light === 'red') }
  }
}
