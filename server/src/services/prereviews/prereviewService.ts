/**
 * The citizen's side of a pre-review: the form, the draft (created once per
 * client key, saved as they type), submission and resubmission after 补正
 * (repeating a submission answers the same), and withdrawal. Pages are
 * uploaded by services/files; the reviewer's side is prereviewReview.ts.
 */
import { and, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import type {
  CreatePrereviewRequest,
  PrereviewDetail,
  PrereviewDraftPatch,
  PrereviewForm,
  PrereviewFormQuery,
  PrereviewPage,
} from '../../../../types/prereviews'
import type { Db, Tx } from '../../db/client'
import {
  bundles,
  matters,
  prereviewEvents,
  prereviewFiles,
  prereviewNumberCounters,
  prereviewParts,
  prereviews,
  prereviewVerdicts,
  type CitizenRow,
} from '../../db/schema'
import { computeDeadline, shanghaiDate } from '../../domain/calendar'
import { partsToReview } from '../../domain/prereviews/review'
import { badRequest, conflict, notFound } from '../../errors'
import type { CalendarService } from '../calendar/calendarService'
import type { Clock } from '../cases/caseViews'
import { checkFieldValues, loadTarget, targetOf, toForm } from './prereviewTargets'
import { currentFiles, loadPrereview, loadRest, PREREVIEW_NOT_FOUND, returnedSlots, type PrereviewRecord } from './prereviewRecords'
import { toCitizenDetail, toSummary, type UrlSigner, type ViewContext } from './prereviewViews'

export interface PrereviewSettings {
  reviewDays: number
  maxFileBytes: number
  maxTotalBytes: number
}

/** Records one-time subscribe-message consent given in the submit tap (notification service). */
export type GrantSubscriptions = (tx: Tx, citizenId: string, templateIds: readonly string[]) => Promise<unknown>

export class PrereviewService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly signer: UrlSigner,
    private readonly settings: PrereviewSettings,
    private readonly grantSubscriptions: GrantSubscriptions | null = null,
  ) {}

  async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  private async context(): Promise<ViewContext> {
    return {
      clock: await this.clock(),
      signer: this.signer,
      limits: { maxFileBytes: this.settings.maxFileBytes, maxTotalBytes: this.settings.maxTotalBytes },
    }
  }

  async form(query: PrereviewFormQuery): Promise<PrereviewForm> {
    if (!!query.matterId === !!query.bundleId) throw badRequest('请指定一个事项或一件事')
    const target = query.bundleId ? { kind: 'bundle' as const, bundleId: query.bundleId } : { kind: 'matter' as const, matterId: query.matterId! }
    return toForm(await loadTarget(this.db, target))
  }

  /** Another citizen's pre-review answers exactly like an unknown one. */
  private async mine(citizen: CitizenRow, id: string): Promise<PrereviewRecord> {
    const record = await loadPrereview(this.db, id)
    if (record.row.citizenId !== citizen.id) throw notFound(PREREVIEW_NOT_FOUND)
    return record
  }

  private async detail(citizen: CitizenRow, record: PrereviewRecord): Promise<PrereviewDetail> {
    return toCitizenDetail(record, citizen, await this.context())
  }

  async get(citizen: CitizenRow, id: string): Promise<PrereviewDetail> {
    return this.detail(citizen, await this.mine(citizen, id))
  }

  async create(citizen: CitizenRow, body: CreatePrereviewRequest): Promise<{ created: boolean; detail: PrereviewDetail }> {
    const info = await loadTarget(this.db, body.target)
    const created = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(prereviews)
        .values({
          citizenId: citizen.id,
          clientKey: body.clientKey,
          matterId: body.target.kind === 'matter' ? body.target.matterId : null,
          bundleId: body.target.kind === 'bundle' ? body.target.bundleId : null,
          status: 'draft',
        })
        .onConflictDoNothing({ target: [prereviews.citizenId, prereviews.clientKey] })
        .returning({ id: prereviews.id })
      if (!row) return null
      await tx.insert(prereviewParts).values(
        info.parts.map((p) => ({ prereviewId: row.id, matterId: p.matterId, departmentId: p.departmentId, status: 'waiting' as const })),
      )
      return row.id
    })
    const [existing] = await this.db
      .select()
      .from(prereviews)
      .where(and(eq(prereviews.citizenId, citizen.id), eq(prereviews.clientKey, body.clientKey)))
    if (JSON.stringify(targetOf(existing)) !== JSON.stringify(body.target)) {
      throw conflict('这个草稿编号已用于另一项申请，请刷新页面后重试', 'clientKey')
    }
    return { created: created !== null, detail: await this.detail(citizen, await loadRest(this.db, existing, info)) }
  }

  async list(citizen: CitizenRow, page: number, pageSize: number): Promise<PrereviewPage> {
    const rows = await this.db
      .select({ row: prereviews, matterName: matters.name, bundleName: bundles.name })
      .from(prereviews)
      .leftJoin(matters, eq(matters.id, prereviews.matterId))
      .leftJoin(bundles, eq(bundles.id, prereviews.bundleId))
      .where(eq(prereviews.citizenId, citizen.id))
      .orderBy(desc(prereviews.updatedAt), desc(prereviews.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(prereviews).where(eq(prereviews.citizenId, citizen.id))
    return { items: rows.map((r) => toSummary(r.row, r.bundleName ?? r.matterName ?? '')), page, pageSize, total }
  }

  async patch(citizen: CitizenRow, id: string, patch: PrereviewDraftPatch): Promise<PrereviewDetail> {
    const record = await this.mine(citizen, id)
    const { row } = record
    if (row.status !== 'draft' && row.status !== 'returned') throw conflict('预审已提交，审核期间不能修改')
    const set: Partial<typeof prereviews.$inferInsert> = { updatedAt: new Date() }
    if (patch.fields) {
      // Merged over what is saved; an empty value clears a field.
      const merged = { ...row.fields, ...patch.fields }
      for (const [k, v] of Object.entries(merged)) if (!v.trim()) delete merged[k]
      checkFieldValues(record.info.fields, merged, false)
      set.fields = merged
    }
    if (patch.delivery) {
      set.deliveryMode = patch.delivery.mode
      set.deliveryAddress = patch.delivery.mode === 'mail' ? (patch.delivery.address?.trim() ?? null) : null
    }
    await this.db
      .update(prereviews)
      .set(set)
      .where(and(eq(prereviews.id, id), inArray(prereviews.status, ['draft', 'returned'])))
    return this.get(citizen, id)
  }

  async remove(citizen: CitizenRow, id: string): Promise<void> {
    const { row } = await this.mine(citizen, id)
    if (row.status !== 'draft') throw conflict('已提交的预审不能删除，可以撤回')
    await this.db.delete(prereviews).where(and(eq(prereviews.id, id), eq(prereviews.status, 'draft')))
  }

  async submit(citizen: CitizenRow, id: string, subscriptions: readonly string[]): Promise<PrereviewDetail> {
    await this.mine(citizen, id)
    if (!citizen.realName || !citizen.idNumber) throw badRequest('请先在“我的”中填报实名信息，再提交预审')
    if (!citizen.phone) throw badRequest('请先绑定手机号，审核结果会通过它通知您')
    const clock = await this.clock()
    await this.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(prereviews).where(eq(prereviews.id, id)).for('update')
      // A repeated submission (double tap, network retry) finds it submitted and changes nothing.
      if (locked.status === 'submitted' || locked.status === 'passed' || locked.status === 'refused') return
      if (locked.status === 'withdrawn') throw conflict('该预审已撤回，请重新申请')
      const record = await loadRest(tx, locked)
      checkFieldValues(record.info.fields, locked.fields, true)
      if (!locked.deliveryMode) throw badRequest('请选择办结后的送达方式', 'delivery')
      if (locked.deliveryMode === 'mail' && !locked.deliveryAddress) throw badRequest('邮寄送达请填写收件地址', 'delivery.address')
      if (locked.status === 'draft') await this.first(tx, record, citizen, clock)
      else await this.again(tx, record, clock)
      if (subscriptions.length && this.grantSubscriptions) await this.grantSubscriptions(tx, citizen.id, subscriptions)
    })
    return this.get(citizen, id)
  }

  private async first(tx: Tx, record: PrereviewRecord, citizen: CitizenRow, clock: Clock): Promise<void> {
    const missing = record.info.slots.filter((s) => s.required && !s.acceptsTolerance && currentFiles(record, s.key).length === 0)
    if (missing.length) throw badRequest(`请上传必交材料：${missing.map((s) => s.name).join('、')}`, 'materials')
    const now = clock.now
    const day = shanghaiDate(now)
    const [{ last }] = await tx
      .insert(prereviewNumberCounters)
      .values({ day, last: 1 })
      .onConflictDoUpdate({ target: prereviewNumberCounters.day, set: { last: sql`${prereviewNumberCounters.last} + 1` } })
      .returning({ last: prereviewNumberCounters.last })
    await tx
      .update(prereviews)
      .set({
        status: 'submitted',
        round: 1,
        number: `YS${day.replaceAll('-', '')}${String(last).padStart(6, '0')}`,
        applicantName: citizen.realName,
        applicantIdNumber: citizen.idNumber,
        applicantPhone: citizen.phone,
        submittedAt: now,
        updatedAt: now,
      })
      .where(eq(prereviews.id, record.row.id))
    await this.putUpForReview(tx, record.parts.map((p) => p.id), 1, clock)
    await tx.insert(prereviewEvents).values({ prereviewId: record.row.id, round: 1, kind: 'submitted', actorKind: 'citizen', at: now })
  }

  /** Resubmission after 补正: the returned materials must have new pages; those replace the old ones. */
  private async again(tx: Tx, record: PrereviewRecord, clock: Clock): Promise<void> {
    const round = record.row.round + 1
    const returned = returnedSlots(record)
    const stale = record.info.slots.filter((s) => returned.has(s.key) && !currentFiles(record, s.key).some((f) => f.round === round))
    if (stale.length) throw badRequest(`请重新上传退回的材料：${stale.map((s) => s.name).join('、')}`, 'materials')
    const replaced = new Set(record.files.filter((f) => f.round === round).map((f) => f.slotKey))
    const now = clock.now
    for (const slotKey of replaced) {
      await tx
        .update(prereviewFiles)
        .set({ replacedAt: now })
        .where(
          and(
            eq(prereviewFiles.prereviewId, record.row.id),
            eq(prereviewFiles.slotKey, slotKey),
            lte(prereviewFiles.round, record.row.round),
            isNull(prereviewFiles.replacedAt),
          ),
        )
    }
    const again = partsToReview(
      record.parts.map((p) => ({ id: p.id, status: p.status, slotKeys: p.target.slotKeys })),
      replaced,
    )
    // What a reviewer passed and the citizen did not touch stays passed in the new round.
    for (const p of record.parts.filter((x) => again.includes(x.id))) {
      const kept = record.verdicts.filter((v) => v.partId === p.id && v.round === p.round && v.verdict === 'pass' && !replaced.has(v.slotKey))
      if (kept.length) {
        await tx
          .insert(prereviewVerdicts)
          .values(kept.map((v) => ({ partId: p.id, slotKey: v.slotKey, round, verdict: v.verdict, reason: v.reason, staffId: v.staffId, at: v.at })))
          .onConflictDoNothing()
      }
    }
    await tx.update(prereviews).set({ status: 'submitted', round, updatedAt: now }).where(eq(prereviews.id, record.row.id))
    await this.putUpForReview(tx, again, round, clock)
    await tx.insert(prereviewEvents).values({
      prereviewId: record.row.id,
      round,
      kind: 'resubmitted',
      actorKind: 'citizen',
      comment: `已重新上传：${record.info.slots.filter((s) => replaced.has(s.key)).map((s) => s.name).join('、')}`,
      at: now,
    })
  }

  private async putUpForReview(tx: Tx, partIds: string[], round: number, clock: Clock): Promise<void> {
    if (!partIds.length) return
    const deadline = computeDeadline({
      calendar: clock.calendar,
      hours: clock.hours,
      acceptedAt: clock.now,
      limitDays: this.settings.reviewDays,
      pauses: [],
      now: clock.now,
    })
    await tx
      .update(prereviewParts)
      .set({
        status: 'pending',
        round,
        pendingSince: clock.now,
        dueAt: deadline.dueAt,
        deadlineUnpublished: deadline.unpublished,
        claimedBy: null,
        claimExpiresAt: null,
        reply: '',
        decidedAt: null,
        decidedBy: null,
        tolerance: null,
        updatedAt: clock.now,
      })
      .where(inArray(prereviewParts.id, partIds))
  }

  async withdraw(citizen: CitizenRow, id: string, reason: string): Promise<PrereviewDetail> {
    await this.mine(citizen, id)
    const now = new Date()
    await this.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(prereviews).where(eq(prereviews.id, id)).for('update')
      if (locked.status === 'withdrawn') return
      if (locked.status !== 'submitted' && locked.status !== 'returned') {
        throw conflict(locked.status === 'draft' ? '草稿无需撤回，可以直接删除' : '预审已有结果，不能撤回')
      }
      await tx.update(prereviews).set({ status: 'withdrawn', updatedAt: now }).where(eq(prereviews.id, id))
      // Nothing left for reviewers: pending parts leave the queue.
      await tx
        .update(prereviewParts)
        .set({ status: 'waiting', claimedBy: null, claimExpiresAt: null, updatedAt: now })
        .where(and(eq(prereviewParts.prereviewId, id), eq(prereviewParts.status, 'pending')))
      await tx.insert(prereviewEvents).values({ prereviewId: id, round: locked.round, kind: 'withdrawn', actorKind: 'citizen', comment: reason.trim(), at: now })
    })
    return this.get(citizen, id)
  }
}

