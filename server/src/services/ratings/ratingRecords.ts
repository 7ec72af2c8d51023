/** Rating rows with their matter, department and case, and their mapping to the contract. */
import { and, eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { CaseDeadline } from '../../../../types/cases'
import { STAFF_ROLES, type StaffRole } from '../../../../types/enums'
import type { RatingDetail, RatingHistoryEntry, RatingReply, RatingSummary } from '../../../../types/ratings'
import { maskName } from '../../../../types/validators'
import type { DbOrTx } from '../../db/client'
import { cases, departments, matters, ratingEvents, ratings, staff, type RatingEventRow, type RatingRow } from '../../db/schema'
import { deadlineLight, lightLabel } from '../../domain/calendar'
import { isBad } from '../../domain/ratings/rules'
import type { Clock } from '../cases/caseViews'
import { targetView } from './targets'

export type RatingRecord = RatingRow & {
  matterName: string
  departmentName: string
  caseNumber: string | null
  caseApplicantName: string | null
  caseCitizenId: string | null
}

const reRatings = alias(ratings, 're_ratings')

export const selectRatings = (db: DbOrTx) =>
  db
    .select({
      r: ratings,
      matterName: matters.name,
      departmentName: departments.name,
      caseNumber: cases.number,
      caseApplicantName: cases.applicantName,
      caseCitizenId: cases.citizenId,
    })
    .from(ratings)
    .innerJoin(matters, eq(matters.id, ratings.matterId))
    .innerJoin(departments, eq(departments.id, ratings.departmentId))
    .leftJoin(cases, eq(cases.id, ratings.caseId))

export const toRecord = (row: {
  r: RatingRow
  matterName: string
  departmentName: string
  caseNumber: string | null
  caseApplicantName: string | null
  caseCitizenId: string | null
}): RatingRecord => {
  const { r, ...rest } = row
  return { ...r, ...rest }
}

export async function findRating(db: DbOrTx, id: string, where?: SQL): Promise<RatingRecord | null> {
  const [row] = await selectRatings(db).where(where ? and(eq(ratings.id, id), where) : eq(ratings.id, id))
  return row ? toRecord(row) : null
}

/** The second-round rating that followed this one, if any. */
export async function followUpOf(db: DbOrTx, id: string): Promise<RatingRow | null> {
  const [row] = await db.select().from(reRatings).where(eq(reRatings.previousRatingId, id))
  return row ?? null
}

export const targetOf = (r: RatingRecord) =>
  targetView({
    kind: r.targetKind,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    appointmentId: r.appointmentId,
    matterName: r.matterName,
    departmentName: r.departmentName,
    dimension: r.dimension,
  })

export function replyOf(r: RatingRecord): RatingReply | null {
  if (r.badStatus !== 'rectified' || !r.replyText || !r.rectifiedAt) return null
  return { text: r.replyText, at: r.rectifiedAt.toISOString(), departmentName: r.departmentName }
}

export function toSummary(r: RatingRecord): RatingSummary {
  return {
    id: r.id,
    target: targetOf(r),
    level: r.level,
    channel: r.channel,
    round: r.round,
    bad: isBad(r.level),
    badStatus: r.badStatus,
    createdAt: r.createdAt.toISOString(),
  }
}

export function toDetail(r: RatingRecord, followUp: RatingRow | null): RatingDetail {
  return {
    ...toSummary(r),
    scores: r.scores,
    tags: r.tags,
    text: r.text,
    reply: replyOf(r),
    canRateAgain: r.round === 1 && r.badStatus === 'rectified' && !followUp,
    previousRatingId: r.previousRatingId,
  }
}

/**
 * The rectification deadline and light: running while the 差评 is open, frozen at
 * the rectification (按期整改 / 超期整改); none once excluded by an upheld appeal.
 */
export function rectifyDeadline(r: RatingRecord, clock: Clock): CaseDeadline | null {
  if (!r.rectifyDueAt || r.badStatus === 'excluded') return null
  const now = r.rectifiedAt ?? clock.now
  const result = deadlineLight({ calendar: clock.calendar, hours: clock.hours, dueAt: r.rectifyDueAt, now, paused: false })
  const unpublished = r.rectifyDueUnpublished || result.unpublished
  return {
    dueAt: r.rectifyDueAt.toISOString(),
    light: result.light,
    remainingMinutes: result.remainingMinutes,
    label: r.rectifiedAt ? (r.rectifiedOnTime ? '按期整改' : '超期整改') : lightLabel({ ...result, unpublished }, clock.hours),
    paused: false,
    calendarUnpublished: unpublished,
  }
}

/** 张** for the applicant; anonymous and system ratings say so. */
export function raterLabel(r: RatingRecord): string {
  if (r.channel === 'systemDefault') return '系统默认评价'
  if (!r.citizenId) return '匿名评价'
  return r.caseApplicantName ? maskName(r.caseApplicantName) : '办事群众'
}

export async function historyOf(db: DbOrTx, ratingId: string): Promise<RatingHistoryEntry[]> {
  const rows = await db
    .select({ e: ratingEvents, staffName: staff.displayName, staffRole: staff.role })
    .from(ratingEvents)
    .leftJoin(staff, eq(staff.id, ratingEvents.staffId))
    .where(eq(ratingEvents.ratingId, ratingId))
    .orderBy(ratingEvents.at, ratingEvents.id)
  return rows.map(({ e, staffName, staffRole }) => ({ at: e.at.toISOString(), event: e.event, actor: actorOf(e, staffName, staffRole), note: e.note }))
}

function actorOf(e: RatingEventRow, staffName: string | null, staffRole: StaffRole | null): string {
  if (e.actorKind === 'citizen') return '办事群众'
  if (e.actorKind === 'anonymous') return '匿名评价人'
  if (e.actorKind === 'system') return '系统'
  const role = staffRole ? STAFF_ROLES[staffRole] : '工作人员'
  return staffName ? `${role} ${maskName(staffName)}` : role
}
