/** Complaint rows with their department, case and citizen, and their mapping to the contract. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm'
import type { CaseDeadline } from '../../../../types/cases'
import type { ComplaintDetail, ComplaintPhoto, ComplaintSummary } from '../../../../types/complaints'
import { maskName } from '../../../../types/validators'
import type { DbOrTx } from '../../db/client'
import { cases, citizens, complaintPhotos, complaints, departments, matters, staff, type ComplaintPhotoRow, type ComplaintRow } from '../../db/schema'
import { deadlineLight, lightLabel } from '../../domain/calendar'
import type { Clock } from '../cases/caseViews'
import type { FileUrlSigner } from '../files/fileUrlSigner'

export type ComplaintRecord = ComplaintRow & {
  departmentName: string | null
  caseNumber: string | null
  matterName: string | null
  citizenRealName: string | null
  citizenPhone: string | null
  handlerName: string | null
}

/** Who answers when no department does: the platform itself. */
export const PLATFORM_NAME = '政务服务平台'
const EXCERPT_CHARS = 40

export const selectComplaints = (db: DbOrTx) =>
  db
    .select({
      c: complaints,
      departmentName: departments.name,
      caseNumber: cases.number,
      matterName: matters.name,
      citizenRealName: citizens.realName,
      citizenPhone: citizens.phone,
      handlerName: staff.displayName,
    })
    .from(complaints)
    .innerJoin(citizens, eq(citizens.id, complaints.citizenId))
    .leftJoin(departments, eq(departments.id, complaints.departmentId))
    .leftJoin(cases, eq(cases.id, complaints.caseId))
    .leftJoin(matters, eq(matters.id, cases.matterId))
    .leftJoin(staff, eq(staff.id, complaints.handledBy))

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['where']>>[number]

export const toRecord = ({ c, ...rest }: SelectedRow): ComplaintRecord => ({ ...c, ...rest })

export async function findComplaint(db: DbOrTx, id: string, where?: SQL): Promise<ComplaintRecord | null> {
  const [row] = await selectComplaints(db).where(where ? and(eq(complaints.id, id), where) : eq(complaints.id, id))
  return row ? toRecord(row) : null
}

/** The reply deadline and light: running until the reply, then frozen as 按期答复 / 超期答复. */
export function complaintDeadline(c: ComplaintRow, clock: Clock): CaseDeadline {
  const now = c.repliedAt ?? clock.now
  const result = deadlineLight({ calendar: clock.calendar, hours: clock.hours, dueAt: c.dueAt, now, paused: false })
  const unpublished = c.dueUnpublished || result.unpublished
  return {
    dueAt: c.dueAt.toISOString(),
    light: result.light,
    remainingMinutes: result.remainingMinutes,
    label: c.repliedAt ? (c.repliedOnTime ? '按期答复' : '超期答复') : lightLabel({ ...result, unpublished }, clock.hours),
    paused: false,
    calendarUnpublished: unpublished,
  }
}

export function excerptOf(content: string): string {
  const chars = Array.from(content.replace(/\s+/g, ' ').trim())
  return chars.length <= EXCERPT_CHARS ? chars.join('') : `${chars.slice(0, EXCERPT_CHARS).join('')}…`
}

export function toSummary(c: ComplaintRecord, clock: Clock): ComplaintSummary {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    category: c.category,
    excerpt: excerptOf(c.content),
    status: c.status,
    department: c.departmentId && c.departmentName ? { id: c.departmentId, name: c.departmentName } : null,
    createdAt: c.createdAt.toISOString(),
    deadline: complaintDeadline(c, clock),
  }
}

export function photoView(p: ComplaintPhotoRow, signer: FileUrlSigner, now = new Date()): ComplaintPhoto {
  return { id: p.id, url: signer.sign(p.id, now).url, contentType: p.mimeType, size: p.bytes }
}

export async function photosOf(db: DbOrTx, complaintId: string): Promise<ComplaintPhotoRow[]> {
  return db.select().from(complaintPhotos).where(eq(complaintPhotos.complaintId, complaintId)).orderBy(asc(complaintPhotos.position), asc(complaintPhotos.createdAt))
}

/**
 * The full view. Photo URLs are signed here, so call it only for a caller who may see them:
 * the owner, or staff whose scope includes the complaint.
 */
export function toDetail(c: ComplaintRecord, photos: ComplaintPhotoRow[], clock: Clock, signer: FileUrlSigner): ComplaintDetail {
  return {
    ...toSummary(c, clock),
    content: c.content,
    case: c.caseId && c.caseNumber ? { id: c.caseId, number: c.caseNumber, matterName: c.matterName ?? '' } : null,
    photos: photos.map((p) => photoView(p, signer, clock.now)),
    reply: c.repliedAt && c.replyText ? { text: c.replyText, at: c.repliedAt.toISOString(), by: c.replyDepartmentName ?? PLATFORM_NAME } : null,
    rating: c.satisfaction && c.ratedAt ? { satisfaction: c.satisfaction, comment: c.ratingComment ?? '', at: c.ratedAt.toISOString() } : null,
    canRate: c.status === 'replied',
  }
}

/** 张** ; 未实名用户 when no real name was declared. */
export const citizenLabel = (c: Pick<ComplaintRecord, 'citizenRealName'>) => (c.citizenRealName ? maskName(c.citizenRealName) : '未实名用户')

export async function departmentExists(db: DbOrTx, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, [id]))
  return row ?? null
}
