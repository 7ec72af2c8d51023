/**
 * The 差评 loop for staff: every 差评 is its department's to verify (核实),
 * rectify and reply to (整改回复, the citizen is notified and may rate once
 * more), or to appeal as malicious (申诉) for an admin to decide. Each step
 * locks the rating row, writes the event, the audit entry and the
 * notification in one transaction; channels are dispatched after it.
 * Window staff and leads see their own department's 差评 only (another
 * department's answers 404, like an unknown id); admins see all.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { RATING_LEVELS, type BadRatingAction, type Light } from '../../../../types/enums'
import type {
  AppealDecisionRequest,
  StaffBadRatingDetail,
  StaffBadRatingListQuery,
  StaffBadRatingPage,
  StaffBadRatingSummary,
} from '../../../../types/ratings'
import type { Db, Tx } from '../../db/client'
import { ratingAppeals, ratingEvents, ratings, type RatingAppealRow } from '../../db/schema'
import { HttpError, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import type { CalendarService } from '../calendar/calendarService'
import type { Clock } from '../cases/caseViews'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import { findRating, followUpOf, historyOf, raterLabel, rectifyDeadline, selectRatings, targetOf, toRecord, type RatingRecord } from './ratingRecords'

const NOT_FOUND = '未找到该差评'
/** Enough for one department's 差评 when a light filter forces computing every light. */
const LIGHT_SCAN_LIMIT = 2000

export class BadRatingDesk {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationService,
  ) {}

  private async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  private scope(s: StaffPrincipal): SQL {
    const bad = isNotNull(ratings.badStatus)
    if (s.role === 'admin') return bad
    // A staff member without a department sees nothing.
    return and(bad, s.department ? eq(ratings.departmentId, s.department.id) : sql`false`)!
  }

  private summary(r: RatingRecord, appeal: RatingAppealRow | null, clock: Clock): StaffBadRatingSummary {
    return {
      id: r.id,
      target: targetOf(r),
      department: { id: r.departmentId, name: r.departmentName },
      level: r.level,
      channel: r.channel,
      tags: r.tags,
      text: r.text,
      applicantNameMasked: raterLabel(r),
      createdAt: r.createdAt.toISOString(),
      status: r.badStatus!,
      appealStatus: appeal?.status ?? null,
      deadline: rectifyDeadline(r, clock),
      windowNumber: r.windowNumber,
    }
  }

  private async appealsOf(ids: string[]): Promise<Map<string, RatingAppealRow>> {
    if (ids.length === 0) return new Map()
    const rows = await this.db.select().from(ratingAppeals).where(inArray(ratingAppeals.ratingId, ids))
    return new Map(rows.map((a) => [a.ratingId, a]))
  }

  async list(s: StaffPrincipal, q: StaffBadRatingListQuery): Promise<StaffBadRatingPage> {
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const filters: SQL[] = [this.scope(s)]
    if (q.status) filters.push(eq(ratings.badStatus, q.status))
    if (q.open) filters.push(inArray(ratings.badStatus, ['pending', 'verified']))
    if (q.appealStatus) {
      filters.push(sql`EXISTS (SELECT 1 FROM rating_appeals a WHERE a.rating_id = ${ratings.id} AND a.status = ${q.appealStatus})`)
    }
    const where = and(...filters)
    // Most urgent first: open ones by due time, then the rest newest first.
    const order = [
      asc(sql`CASE WHEN ${ratings.badStatus} IN ('pending', 'verified') THEN 0 ELSE 1 END`),
      asc(sql`CASE WHEN ${ratings.badStatus} IN ('pending', 'verified') THEN ${ratings.rectifyDueAt} END`),
      desc(ratings.createdAt),
      asc(ratings.id),
    ]
    const clock = await this.clock()
    if (q.light) {
      const rows = (await selectRatings(this.db).where(where).orderBy(...order).limit(LIGHT_SCAN_LIMIT)).map(toRecord)
      const appeals = await this.appealsOf(rows.map((r) => r.id))
      const matching = rows.map((r) => this.summary(r, appeals.get(r.id) ?? null, clock)).filter((x) => x.deadline?.light === (q.light as Light))
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: matching.length }
    }
    const rows = (await selectRatings(this.db).where(where).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize)).map(toRecord)
    const [{ total }] = await this.db.select({ total: count() }).from(ratings).where(where)
    const appeals = await this.appealsOf(rows.map((r) => r.id))
    return { items: rows.map((r) => this.summary(r, appeals.get(r.id) ?? null, clock)), page, pageSize, total }
  }

  private async visible(s: StaffPrincipal, id: string, db: Db | Tx = this.db, lock = false): Promise<RatingRecord> {
    if (lock) await db.execute(sql`SELECT id FROM ratings WHERE id = ${id} FOR UPDATE`)
    const record = await findRating(db, id, this.scope(s))
    if (!record) throw notFound(NOT_FOUND)
    return record
  }

  private allowed(s: StaffPrincipal, r: RatingRecord, appeal: RatingAppealRow | null): BadRatingAction[] {
    const open = r.badStatus === 'pending' || r.badStatus === 'verified'
    const appealPending = appeal?.status === 'pending'
    const out: BadRatingAction[] = []
    if (r.badStatus === 'pending' && !appealPending) out.push('verify')
    if (open && !appealPending) out.push('rectify')
    if (open && !appeal && s.role !== 'admin') out.push('appeal')
    if (appealPending && s.role === 'admin') out.push('decideAppeal')
    return out
  }

  async get(s: StaffPrincipal, id: string): Promise<StaffBadRatingDetail> {
    const record = await this.visible(s, id)
    return this.detail(s, record, await this.clock())
  }

  private async detail(s: StaffPrincipal, r: RatingRecord, clock: Clock): Promise<StaffBadRatingDetail> {
    const [appeal] = await this.db.select().from(ratingAppeals).where(eq(ratingAppeals.ratingId, r.id))
    const followUp = await followUpOf(this.db, r.id)
    return {
      ...this.summary(r, appeal ?? null, clock),
      scores: r.scores,
      verification: r.verifiedAt ? { note: r.verifyNote ?? '', at: r.verifiedAt.toISOString() } : null,
      rectification: r.rectifiedAt
        ? { measures: r.rectifyMeasures ?? '', reply: r.replyText ?? '', at: r.rectifiedAt.toISOString(), onTime: r.rectifiedOnTime ?? false }
        : null,
      appeal: appeal
        ? {
            evidence: appeal.evidence,
            status: appeal.status,
            at: appeal.createdAt.toISOString(),
            decisionComment: appeal.decisionComment,
            decidedAt: appeal.decidedAt?.toISOString() ?? null,
          }
        : null,
      reRating: followUp ? { id: followUp.id, level: followUp.level, at: followUp.createdAt.toISOString() } : null,
      history: await historyOf(this.db, r.id),
      allowedActions: this.allowed(s, r, appeal ?? null),
    }
  }

  /** Locks the rating, checks the action is allowed now, runs the step; dispatches its messages after commit. */
  private async step(
    s: StaffPrincipal,
    id: string,
    action: BadRatingAction,
    run: (tx: Tx, r: RatingRecord, appeal: RatingAppealRow | null, now: Date, messages: (NotificationMessage & { id: string })[]) => Promise<void>,
  ): Promise<StaffBadRatingDetail> {
    const clock = await this.clock()
    const messages: (NotificationMessage & { id: string })[] = []
    await this.db.transaction(async (tx) => {
      const record = await this.visible(s, id, tx, true)
      const [appeal] = await tx.select().from(ratingAppeals).where(eq(ratingAppeals.ratingId, id))
      if (!this.allowed(s, record, appeal ?? null).includes(action)) throw conflict(refusal(action, record, appeal ?? null, s))
      await run(tx, record, appeal ?? null, clock.now, messages)
    })
    await this.notifications.dispatch(messages)
    return this.detail(s, (await findRating(this.db, id))!, clock)
  }

  async verify(s: StaffPrincipal, id: string, note: string): Promise<StaffBadRatingDetail> {
    return this.step(s, id, 'verify', async (tx, r, _a, now) => {
      const text = note.trim()
      await tx.update(ratings).set({ badStatus: 'verified', verifiedAt: now, verifiedBy: s.id, verifyNote: text }).where(eq(ratings.id, r.id))
      await tx.insert(ratingEvents).values({ ratingId: r.id, at: now, event: 'verified', actorKind: 'staff', staffId: s.id, note: text })
      await recordAudit(tx, { staffId: s.id, action: 'rating.verify', targetKind: 'rating', targetId: r.id })
    })
  }

  async rectify(s: StaffPrincipal, id: string, measures: string, reply: string): Promise<StaffBadRatingDetail> {
    const replyText = reply.trim()
    if (replyText.length < 5) throw new HttpError(400, '请填写给群众的回复（至少5个字）', 'reply')
    return this.step(s, id, 'rectify', async (tx, r, _a, now, messages) => {
      const onTime = !r.rectifyDueAt || now.getTime() <= r.rectifyDueAt.getTime()
      await tx
        .update(ratings)
        .set({ badStatus: 'rectified', rectifiedAt: now, rectifiedBy: s.id, rectifyMeasures: measures.trim(), replyText, rectifiedOnTime: onTime })
        .where(eq(ratings.id, r.id))
      await tx.insert(ratingEvents).values({ ratingId: r.id, at: now, event: 'rectified', actorKind: 'staff', staffId: s.id, note: measures.trim() })
      await recordAudit(tx, { staffId: s.id, action: 'rating.rectify', targetKind: 'rating', targetId: r.id, detail: { onTime } })
      // The reply goes to whoever rated; an anonymous rating of a case reaches its applicant's account, if any.
      const citizenId = r.citizenId ?? r.caseCitizenId
      if (citizenId) {
        messages.push(
          await notify(tx, {
            citizenId,
            caseId: r.caseId,
            title: '您的评价已收到回复',
            body: `${r.departmentName}对您就“${r.matterName}”的评价（${RATING_LEVELS[r.level]}）已整改并回复：${replyText}。您可以再次评价。`,
            kind: 'ratingReply',
            subject: { kind: 'rating', id: r.id },
            facts: { matter: r.matterName, note: replyText, time: now },
          }),
        )
      }
    })
  }

  async appeal(s: StaffPrincipal, id: string, evidence: string): Promise<StaffBadRatingDetail> {
    return this.step(s, id, 'appeal', async (tx, r, _a, now) => {
      const text = evidence.trim()
      await tx.insert(ratingAppeals).values({ ratingId: r.id, staffId: s.id, evidence: text, createdAt: now })
      await tx.insert(ratingEvents).values({ ratingId: r.id, at: now, event: 'appealed', actorKind: 'staff', staffId: s.id, note: text })
      await recordAudit(tx, { staffId: s.id, action: 'rating.appeal', targetKind: 'rating', targetId: r.id })
    })
  }

  async decideAppeal(s: StaffPrincipal, id: string, body: AppealDecisionRequest): Promise<StaffBadRatingDetail> {
    if (s.role !== 'admin') throw forbidden('只有系统管理员可以裁定申诉')
    return this.step(s, id, 'decideAppeal', async (tx, r, appeal, now) => {
      const comment = body.comment.trim()
      await tx
        .update(ratingAppeals)
        .set({ status: body.decision, decidedBy: s.id, decidedAt: now, decisionComment: comment })
        .where(eq(ratingAppeals.id, appeal!.id))
      if (body.decision === 'upheld') await tx.update(ratings).set({ badStatus: 'excluded', excluded: true }).where(eq(ratings.id, r.id))
      await tx.insert(ratingEvents).values({
        ratingId: r.id,
        at: now,
        event: body.decision === 'upheld' ? 'appealUpheld' : 'appealRejected',
        actorKind: 'staff',
        staffId: s.id,
        note: comment,
      })
      await recordAudit(tx, { staffId: s.id, action: 'rating.appealDecision', targetKind: 'rating', targetId: r.id, detail: { decision: body.decision } })
    })
  }
}

function refusal(action: BadRatingAction, r: RatingRecord, appeal: RatingAppealRow | null, s: StaffPrincipal): string {
  if (r.badStatus === 'rectified') return '该差评已整改回复'
  if (r.badStatus === 'excluded') return '该差评已申诉成立，不再处理'
  if (action === 'verify' && r.badStatus === 'verified') return '该差评已核实'
  if (appeal?.status === 'pending' && action !== 'decideAppeal') return '该差评正在申诉中，请等待管理员裁定'
  if (action === 'appeal' && appeal) return '每条差评只能申诉一次'
  if (action === 'appeal' && s.role === 'admin') return '申诉由差评所属部门提出'
  if (action === 'decideAppeal') return '该差评没有待裁定的申诉'
  return '当前不能进行此操作'
}
