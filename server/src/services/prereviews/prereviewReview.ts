/**
 * The reviewer's side of a pre-review, by part (one department's share):
 * the department's queue by urgency, claims (one reviewer at a time; a claim
 * lapses when abandoned), a verdict per material, and the reply. When the
 * last part passes, every part becomes its department's case in the same
 * transaction. Decisions lock the pre-review row first, so parallel replies
 * of a bundle's departments are serialised and exactly one sees "all passed".
 */
import { and, count, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { MATERIAL_VERDICTS, PART_STATUSES, PREREVIEW_DECISIONS, type PartStatus } from '../../../../types/enums'
import type { DecisionRequest, MaterialVerdictRequest, StaffPartDetail, StaffPartPage, StaffPrereviewListQuery } from '../../../../types/prereviews'
import type { Db, Tx } from '../../db/client'
import { bundles, matters, prereviewEvents, prereviewParts, prereviews, prereviewVerdicts, staff } from '../../db/schema'
import { shanghaiDate } from '../../domain/calendar'
import { isCalendarDate } from '../../domain/calendar/dates'
import { checkDecision, overallStatus } from '../../domain/prereviews/review'
import { maskName } from '../../../../types/validators'
import { HttpError, badRequest, conflict, forbidden, notFound } from '../../errors'
import type { StaffPrincipal } from '../auth/sessionService'
import { recordAudit } from '../audit'
import { createCaseFromPrereview } from '../cases/caseFromPrereview'
import type { Clock } from '../cases/caseViews'
import { notify, type NotificationMessage, type NotificationService } from '../notifications/notificationService'
import { loadPrereview, loadRest, type PartRecord, type PrereviewRecord } from './prereviewRecords'
import type { PrereviewService } from './prereviewService'
import { holdsClaim, reviewState, toStaffDetail, toStaffSummary, type UrlSigner } from './prereviewViews'

export interface ReviewSettings {
  claimMinutes: number
  toleranceMaxDays: number
  maxFileBytes: number
  maxTotalBytes: number
}

const PART_NOT_FOUND = '未找到该预审'
/** Enough for one department's waiting parts when a light filter forces computing every light. */
const LIGHT_SCAN_LIMIT = 2000

const formatDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

export class PrereviewReview {
  constructor(
    private readonly db: Db,
    private readonly prereviews: PrereviewService,
    private readonly notifications: NotificationService,
    private readonly signer: UrlSigner,
    private readonly settings: ReviewSettings,
  ) {}

  private scope(s: StaffPrincipal): SQL | undefined {
    if (s.role === 'admin') return undefined
    return eq(prereviewParts.departmentId, s.department?.id ?? '00000000-0000-0000-0000-000000000000')
  }

  async queue(s: StaffPrincipal, q: StaffPrereviewListQuery): Promise<StaffPartPage> {
    const page = q.page ?? 1
    const pageSize = q.pageSize ?? 20
    const where = and(
      this.scope(s),
      q.status ? eq(prereviewParts.status, q.status) : q.active === false ? sql`${prereviewParts.status} <> 'waiting'` : eq(prereviewParts.status, 'pending'),
    )
    const select = () =>
      this.db
        .select({ part: prereviewParts, prereview: prereviews, matterName: matters.name, bundleName: bundles.name, claimerName: staff.displayName })
        .from(prereviewParts)
        .innerJoin(prereviews, eq(prereviews.id, prereviewParts.prereviewId))
        .innerJoin(matters, eq(matters.id, prereviewParts.matterId))
        .leftJoin(bundles, eq(bundles.id, prereviews.bundleId))
        .leftJoin(staff, eq(staff.id, prereviewParts.claimedBy))
    const order = [sql`${prereviewParts.dueAt} ASC NULLS LAST`, sql`${prereviewParts.pendingSince} DESC`, prereviewParts.id] as const
    const clock = await this.prereviews.clock()
    const toItem = (r: Awaited<ReturnType<ReturnType<typeof select>['where']>>[number]) =>
      toStaffSummary(r.prereview, { ...r.part, matterName: r.matterName, claimerName: r.claimerName }, r.bundleName, s.id, clock)
    if (q.light) {
      const rows = await select()
        .where(and(where, isNotNull(prereviewParts.dueAt)))
        .orderBy(...order)
        .limit(LIGHT_SCAN_LIMIT)
      const all = rows.map(toItem).filter((x) => x.deadline?.light === q.light)
      return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length }
    }
    const rows = await select()
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(prereviewParts).where(where)
    return { items: rows.map(toItem), page, pageSize, total }
  }

  /** The part and its pre-review, if the reviewer's department owns the part (403 otherwise, 404 if unknown). */
  private async visible(db: Db | Tx, s: StaffPrincipal, partId: string): Promise<{ record: PrereviewRecord; part: PartRecord }> {
    const [row] = await db.select({ prereviewId: prereviewParts.prereviewId, departmentId: prereviewParts.departmentId }).from(prereviewParts).where(eq(prereviewParts.id, partId))
    if (!row) throw notFound(PART_NOT_FOUND)
    if (s.role !== 'admin' && s.department?.id !== row.departmentId) throw forbidden('不能查看或审核其他部门的预审')
    const record = await loadPrereview(db, row.prereviewId)
    // A draft's parts are nobody's business until it is submitted.
    if (record.row.status === 'draft') throw notFound(PART_NOT_FOUND)
    return { record, part: record.parts.find((p) => p.id === partId)! }
  }

  private async detail(s: StaffPrincipal, partId: string, clock: Clock): Promise<StaffPartDetail> {
    const { record, part } = await this.visible(this.db, s, partId)
    return toStaffDetail(record, part, s.id, {
      clock,
      signer: this.signer,
      limits: { maxFileBytes: this.settings.maxFileBytes, maxTotalBytes: this.settings.maxTotalBytes },
    })
  }

  async get(s: StaffPrincipal, partId: string): Promise<StaffPartDetail> {
    return this.detail(s, partId, await this.prereviews.clock())
  }

  private claimUntil(now: Date): Date {
    return new Date(now.getTime() + this.settings.claimMinutes * 60_000)
  }

  async claim(s: StaffPrincipal, partId: string): Promise<StaffPartDetail> {
    const clock = await this.prereviews.clock()
    await this.visible(this.db, s, partId)
    await this.db.transaction(async (tx) => {
      const [p] = await tx
        .select({ part: prereviewParts, claimerName: staff.displayName, round: prereviews.round })
        .from(prereviewParts)
        .innerJoin(prereviews, eq(prereviews.id, prereviewParts.prereviewId))
        .leftJoin(staff, eq(staff.id, prereviewParts.claimedBy))
        .where(eq(prereviewParts.id, partId))
        .for('update', { of: prereviewParts })
      if (p.part.status !== 'pending') throw conflict('该预审已答复或已撤回，无需审核')
      const heldByOther = p.part.claimedBy && p.part.claimedBy !== s.id && p.part.claimExpiresAt && p.part.claimExpiresAt > clock.now
      if (heldByOther) {
        const until = p.part.claimExpiresAt!.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })
        throw conflict(`该预审正由${maskName(p.claimerName ?? '工作人员')}审核，${until}前不能接手`)
      }
      const already = p.part.claimedBy === s.id && holdsClaim(p.part, s.id, clock.now)
      await tx.update(prereviewParts).set({ claimedBy: s.id, claimExpiresAt: this.claimUntil(clock.now) }).where(eq(prereviewParts.id, partId))
      if (!already) {
        await tx.insert(prereviewEvents).values({ prereviewId: p.part.prereviewId, partId, round: p.part.round, kind: 'claimed', actorKind: 'staff', staffId: s.id, at: clock.now })
      }
    })
    return this.detail(s, partId, clock)
  }

  async release(s: StaffPrincipal, partId: string): Promise<StaffPartDetail> {
    const clock = await this.prereviews.clock()
    const { part } = await this.visible(this.db, s, partId)
    if (holdsClaim(part, s.id, clock.now)) {
      await this.db.transaction(async (tx) => {
        const released = await tx
          .update(prereviewParts)
          .set({ claimedBy: null, claimExpiresAt: null })
          .where(and(eq(prereviewParts.id, partId), eq(prereviewParts.claimedBy, s.id)))
          .returning({ id: prereviewParts.id })
        if (released.length) {
          await tx.insert(prereviewEvents).values({ prereviewId: part.prereviewId, partId, round: part.round, kind: 'released', actorKind: 'staff', staffId: s.id, at: clock.now })
        }
      })
    }
    return this.detail(s, partId, clock)
  }

  /** Locks the part and checks the reviewer holds its claim and it waits for review. */
  private async lockForReview(tx: Tx, s: StaffPrincipal, partId: string, now: Date) {
    const [part] = await tx.select().from(prereviewParts).where(eq(prereviewParts.id, partId)).for('update')
    if (part.status !== 'pending') throw conflict('该预审已答复或已撤回，不能再审核')
    if (!holdsClaim(part, s.id, now)) throw conflict('请先点击“开始审核”领取该预审（领取已过期或由他人审核）')
    return part
  }

  async mark(s: StaffPrincipal, partId: string, slotKey: string, body: MaterialVerdictRequest): Promise<StaffPartDetail> {
    const clock = await this.prereviews.clock()
    const { part } = await this.visible(this.db, s, partId)
    if (!part.target.slotKeys.includes(slotKey)) throw notFound('该事项没有这项材料')
    const reason = body.reason.trim()
    if (body.verdict === 'return' && reason.length < 2) throw badRequest('退回材料请写明原因，申请人将据此补正', 'reason')
    await this.db.transaction(async (tx) => {
      const locked = await this.lockForReview(tx, s, partId, clock.now)
      await tx
        .insert(prereviewVerdicts)
        .values({ partId, slotKey, round: locked.round, verdict: body.verdict, reason: body.verdict === 'return' ? reason : '', staffId: s.id, at: clock.now })
        .onConflictDoUpdate({
          target: [prereviewVerdicts.partId, prereviewVerdicts.slotKey, prereviewVerdicts.round],
          set: { verdict: body.verdict, reason: body.verdict === 'return' ? reason : '', staffId: s.id, at: clock.now },
        })
      await tx.update(prereviewParts).set({ claimExpiresAt: this.claimUntil(clock.now) }).where(eq(prereviewParts.id, partId))
      await tx.insert(prereviewEvents).values({
        prereviewId: locked.prereviewId,
        partId,
        round: locked.round,
        kind: 'materialMarked',
        actorKind: 'staff',
        staffId: s.id,
        slotKey,
        comment: body.verdict === 'return' ? `${MATERIAL_VERDICTS.return}：${reason}` : MATERIAL_VERDICTS.pass,
        at: clock.now,
      })
    })
    return this.detail(s, partId, clock)
  }

  async decide(s: StaffPrincipal, partId: string, body: DecisionRequest): Promise<StaffPartDetail> {
    const clock = await this.prereviews.clock()
    const { part: seen } = await this.visible(this.db, s, partId)
    const messages: (NotificationMessage & { id: string })[] = []
    await this.db.transaction(async (tx) => {
      // The pre-review row first: parallel replies on a bundle's parts queue here.
      const [row] = await tx.select().from(prereviews).where(eq(prereviews.id, seen.prereviewId)).for('update')
      await this.lockForReview(tx, s, partId, clock.now)
      const record = await loadRest(tx, row)
      const part = record.parts.find((p) => p.id === partId)!
      const { slots, verdicts } = reviewState(record, part)
      const check = checkDecision(body.decision, slots, verdicts, { comment: body.comment, toleratedKeys: body.tolerance?.materialKeys })
      if (!check.ok) throw new HttpError(409, check.message, check.field)
      const tolerance = check.status === 'tolerated' ? this.tolerance(body, slots, clock.now) : null
      const reply = this.reply(check.status, body.comment.trim(), slots, verdicts, tolerance)
      await tx
        .update(prereviewParts)
        .set({ status: check.status, reply, decidedAt: clock.now, decidedBy: s.id, claimedBy: null, claimExpiresAt: null, tolerance, updatedAt: clock.now })
        .where(eq(prereviewParts.id, partId))
      await tx.insert(prereviewEvents).values({
        prereviewId: row.id,
        partId,
        round: part.round,
        kind: 'decided',
        actorKind: 'staff',
        staffId: s.id,
        comment: `${PREREVIEW_DECISIONS[body.decision]}：${reply}`,
        at: clock.now,
      })
      await recordAudit(tx, { staffId: s.id, action: 'prereview.decide', targetKind: 'prereviewPart', targetId: partId, detail: { decision: body.decision } })

      const statuses: PartStatus[] = record.parts.map((p) => (p.id === partId ? check.status : p.status))
      const overall = overallStatus(statuses)
      if (overall !== row.status) await tx.update(prereviews).set({ status: overall, updatedAt: clock.now }).where(eq(prereviews.id, row.id))
      if (overall === 'passed') await this.createCases(tx, record, partId, check.status, tolerance, clock)
      messages.push(await notify(tx, this.message(record, part, check.status, overall)))
    })
    await this.notifications.dispatch(messages)
    return this.detail(s, partId, clock)
  }

  private tolerance(body: DecisionRequest, slots: ReturnType<typeof reviewState>['slots'], now: Date) {
    const promisedOn = body.tolerance!.promisedOn
    const today = shanghaiDate(now)
    const latest = shanghaiDate(new Date(now.getTime() + this.settings.toleranceMaxDays * 86_400_000))
    if (!isCalendarDate(promisedOn) || promisedOn <= today || promisedOn > latest) {
      throw badRequest(`补交日期须在明天到${formatDate(latest)}之间`, 'tolerance.promisedOn')
    }
    const keys = body.tolerance!.materialKeys
    return { materialKeys: keys, materialNames: slots.filter((x) => keys.includes(x.key)).map((x) => x.name), promisedOn }
  }

  /** The reply the citizen reads; a return lists every returned material with its reason (一次性告知). */
  private reply(
    status: PartStatus,
    comment: string,
    slots: ReturnType<typeof reviewState>['slots'],
    verdicts: ReturnType<typeof reviewState>['verdicts'],
    tolerance: { materialNames: string[]; promisedOn: string } | null,
  ): string {
    if (status === 'returned') {
      const items = slots.filter((x) => verdicts.get(x.key)?.verdict === 'return').map((x, i) => `${i + 1}. ${x.name}：${verdicts.get(x.key)!.reason}`)
      return [`请补正以下材料（一次性告知）：`, ...items, comment].filter(Boolean).join('\n')
    }
    if (status === 'tolerated') {
      return [`容缺受理：请于${formatDate(tolerance!.promisedOn)}前补交${tolerance!.materialNames.join('、')}。`, comment].filter(Boolean).join('\n')
    }
    if (status === 'refused') return comment
    return comment || '材料齐全，预审通过。'
  }

  private message(record: PrereviewRecord, part: PartRecord, status: PartStatus, overall: string): NotificationMessage {
    const title = record.info.title
    const number = record.row.number ?? ''
    const subject = { kind: 'prereview' as const, id: record.row.id }
    const facts = { matter: title, status: PART_STATUSES[status] }
    const base = { citizenId: record.row.citizenId, caseId: null, subject, kind: 'prereviewResult' as const, facts }
    if (overall === 'passed') {
      return { ...base, title: '预审通过', body: `您的“${title}”预审（编号${number}）已通过，已生成办件，请在预审详情查看办件编号和查询密码。` }
    }
    if (overall === 'returned') {
      return { ...base, kind: 'correctionNeeded', title: '预审需补正材料', body: `您的“${title}”预审（编号${number}）需要补正材料，请按一次性告知的内容重新上传后提交。` }
    }
    if (overall === 'refused') {
      return { ...base, title: '预审不予受理', body: `您的“${title}”预审（编号${number}）不予受理，原因请在预审详情查看。` }
    }
    return {
      ...base,
      title: '预审部分答复',
      body: `${part.departmentName}已答复您的“${title}”预审（${status === 'returned' ? '需补正' : '已通过'}），其他部门审核完成后将一并告知结果。`,
    }
  }

  /** Every part becomes its department's case; the part just decided carries its fresh status and tolerance. */
  private async createCases(
    tx: Tx,
    record: PrereviewRecord,
    decidedId: string,
    decidedStatus: PartStatus,
    decidedTolerance: { materialNames: string[]; promisedOn: string } | null,
    clock: Clock,
  ): Promise<void> {
    const { row } = record
    for (const p of record.parts) {
      const tolerance = p.id === decidedId ? (decidedStatus === 'tolerated' ? decidedTolerance : null) : p.tolerance
      const [matter] = await tx.select({ promisedLimitDays: matters.promisedLimitDays }).from(matters).where(eq(matters.id, p.matterId))
      const created = await createCaseFromPrereview(
        tx,
        {
          matterId: p.matterId,
          departmentId: p.departmentId,
          citizenId: row.citizenId,
          applicantName: row.applicantName!,
          applicantIdNumber: row.applicantIdNumber!,
          applicantPhone: row.applicantPhone!,
          deliveryMode: row.deliveryMode ?? 'hall',
          deliveryAddress: row.deliveryAddress,
          promisedLimitDays: matter.promisedLimitDays,
          visitsRequired: p.target.visitsRequired,
          tolerance,
        },
        clock,
      )
      await tx.update(prereviewParts).set({ caseId: created.id, queryPassword: created.queryPassword }).where(eq(prereviewParts.id, p.id))
      await tx.insert(prereviewEvents).values({
        prereviewId: row.id,
        partId: p.id,
        round: row.round,
        kind: 'caseCreated',
        actorKind: 'system',
        comment: `办件编号${created.number}`,
        at: clock.now,
      })
    }
  }
}
