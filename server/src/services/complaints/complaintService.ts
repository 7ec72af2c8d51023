/**
 * Citizens' complaints and suggestions: file one (idempotent by clientKey),
 * list and read mine, rate the reply once. Another citizen's complaint answers
 * 404 like an unknown id.
 */
import { and, count, desc, eq, isNull, or } from 'drizzle-orm'
import {
  COMPLAINT_REPLY_DAYS,
  type ComplaintDetail,
  type ComplaintPage,
  type CreateComplaintRequest,
  type RateComplaintReplyRequest,
} from '../../../../types/complaints'
import type { Db, DbOrTx } from '../../db/client'
import { cases, complaintEvents, complaints, type CitizenRow } from '../../db/schema'
import { computeDeadline, shanghaiDate } from '../../domain/calendar'
import { badRequest, conflict, notFound } from '../../errors'
import type { CalendarService } from '../calendar/calendarService'
import type { Clock } from '../cases/caseViews'
import type { FileUrlSigner } from '../files/fileUrlSigner'
import { nextComplaintNumber } from './complaintNumbers'
import type { ComplaintPhotoService } from './complaintPhotoService'
import { departmentExists, findComplaint, photosOf, selectComplaints, toDetail, toRecord, toSummary } from './complaintRecords'

const NOT_FOUND = '未找到该投诉建议'
const MIN_CONTENT = 10

/** Thrown inside the filing transaction when the clientKey was taken meanwhile: rolls back, then answers with that one. */
class AlreadyFiled extends Error {}

export class ComplaintService {
  constructor(
    private readonly db: Db,
    private readonly calendar: CalendarService,
    private readonly signer: FileUrlSigner,
    private readonly photos: ComplaintPhotoService,
  ) {}

  private async clock(now = new Date()): Promise<Clock> {
    return { calendar: await this.calendar.get(), hours: this.calendar.hours, now }
  }

  private async byClientKey(db: DbOrTx, citizenId: string, clientKey: string): Promise<string | null> {
    const [row] = await db
      .select({ id: complaints.id })
      .from(complaints)
      .where(and(eq(complaints.citizenId, citizenId), eq(complaints.clientKey, clientKey)))
    return row?.id ?? null
  }

  /** The case's department when it is mine (or registered with my phone before I had an account). */
  private async caseDepartment(citizen: CitizenRow, caseId: string): Promise<string> {
    const mine = citizen.phone
      ? or(eq(cases.citizenId, citizen.id), and(isNull(cases.citizenId), eq(cases.applicantPhone, citizen.phone)))
      : eq(cases.citizenId, citizen.id)
    const [row] = await this.db.select({ departmentId: cases.departmentId }).from(cases).where(and(eq(cases.id, caseId), mine))
    if (!row) throw badRequest('关联的办件不存在或不是您本人的办件', 'caseId')
    return row.departmentId
  }

  /** 201 with a new complaint, or `created: false` with the one filed earlier under the same clientKey. */
  async create(citizen: CitizenRow, body: CreateComplaintRequest): Promise<{ created: boolean; complaint: ComplaintDetail }> {
    const existing = await this.byClientKey(this.db, citizen.id, body.clientKey)
    if (existing) return { created: false, complaint: await this.getMine(citizen, existing) }

    const content = body.content.trim()
    if (Array.from(content).length < MIN_CONTENT) throw badRequest(`请把情况写清楚一些（至少${MIN_CONTENT}个字）`, 'content')
    let departmentId: string | null = null
    if (body.caseId) departmentId = await this.caseDepartment(citizen, body.caseId)
    else if (body.departmentId) {
      if (!(await departmentExists(this.db, body.departmentId))) throw badRequest('所选部门不存在，请重新选择', 'departmentId')
      departmentId = body.departmentId
    }

    const clock = await this.clock()
    const due = computeDeadline({ calendar: clock.calendar, hours: clock.hours, acceptedAt: clock.now, limitDays: COMPLAINT_REPLY_DAYS })
    let id: string
    try {
      id = await this.db.transaction(async (tx) => {
        const number = await nextComplaintNumber(tx, body.kind, shanghaiDate(clock.now))
        const [inserted] = await tx
          .insert(complaints)
          .values({
            number,
            citizenId: citizen.id,
            clientKey: body.clientKey,
            kind: body.kind,
            category: body.category,
            content,
            caseId: body.caseId ?? null,
            departmentId,
            status: 'submitted',
            dueAt: due.dueAt,
            dueUnpublished: due.unpublished,
            createdAt: clock.now,
            updatedAt: clock.now,
          })
          // A parallel retry waits here for the first and then finds its row.
          .onConflictDoNothing({ target: [complaints.citizenId, complaints.clientKey] })
          .returning({ id: complaints.id })
        if (!inserted) throw new AlreadyFiled()
        await this.photos.attach(tx, citizen.id, inserted.id, body.photoIds ?? [])
        await tx.insert(complaintEvents).values({ complaintId: inserted.id, at: clock.now, event: 'submitted', actorKind: 'citizen', departmentId })
        return inserted.id
      })
    } catch (error) {
      if (!(error instanceof AlreadyFiled)) throw error
      const other = await this.byClientKey(this.db, citizen.id, body.clientKey)
      if (!other) throw error
      return { created: false, complaint: await this.getMine(citizen, other) }
    }
    return { created: true, complaint: await this.getMine(citizen, id) }
  }

  async listMine(citizen: CitizenRow, page: number, pageSize: number): Promise<ComplaintPage> {
    const where = eq(complaints.citizenId, citizen.id)
    const rows = await selectComplaints(this.db)
      .where(where)
      .orderBy(desc(complaints.createdAt), desc(complaints.number))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
    const [{ total }] = await this.db.select({ total: count() }).from(complaints).where(where)
    const clock = await this.clock()
    return { items: rows.map((r) => toSummary(toRecord(r), clock)), page, pageSize, total }
  }

  async getMine(citizen: CitizenRow, id: string): Promise<ComplaintDetail> {
    const record = await findComplaint(this.db, id, eq(complaints.citizenId, citizen.id))
    if (!record) throw notFound(NOT_FOUND)
    return toDetail(record, await photosOf(this.db, id), await this.clock(), this.signer)
  }

  /** Rates the reply, once: 409 before the reply and after a rating. */
  async rate(citizen: CitizenRow, id: string, body: RateComplaintReplyRequest): Promise<ComplaintDetail> {
    const now = new Date()
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: complaints.status })
        .from(complaints)
        .where(and(eq(complaints.id, id), eq(complaints.citizenId, citizen.id)))
        .for('update')
      if (!row) throw notFound(NOT_FOUND)
      if (row.status === 'rated') throw conflict('您已评价过该答复，不能重复评价')
      if (row.status !== 'replied') throw conflict('部门尚未答复，答复后才能评价')
      await tx
        .update(complaints)
        .set({ status: 'rated', satisfaction: body.satisfaction, ratingComment: (body.comment ?? '').trim(), ratedAt: now, updatedAt: now })
        .where(eq(complaints.id, id))
      await tx.insert(complaintEvents).values({ complaintId: id, at: now, event: 'rated', actorKind: 'citizen' })
    })
    return this.getMine(citizen, id)
  }
}

