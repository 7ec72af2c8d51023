/** What is rated: a case or a hall visit, with what every rating needs from it (one query each). */
import { sql } from 'drizzle-orm'
import type { AppointmentStatus, CaseStatus, RatingDimension, RatingTargetKind } from '../../../../types/enums'
import type { RatingTarget } from '../../../../types/ratings'
import type { DbOrTx } from '../../db/client'

export interface TargetRecord {
  kind: RatingTargetKind
  caseId: string | null
  caseNumber: string | null
  appointmentId: string | null
  /** Whose it is: the case's applicant account / the booking's citizen. */
  ownerId: string | null
  caseStatus: CaseStatus | null
  appointmentStatus: AppointmentStatus | null
  matterId: string
  matterName: string
  departmentId: string
  departmentName: string
  dimension: RatingDimension
  windowNumber: string | null
  completedAt: Date | null
}

type Row = {
  case_id: string | null
  case_number: string | null
  appointment_id: string | null
  owner_id: string | null
  case_status: CaseStatus | null
  appointment_status: AppointmentStatus | null
  matter_id: string
  matter_name: string
  department_id: string
  department_name: string
  online: boolean
  window_number: string | null
  completed_at: string | Date | null
}

const toRecord = (kind: RatingTargetKind, r: Row): TargetRecord => ({
  kind,
  caseId: r.case_id,
  caseNumber: r.case_number,
  appointmentId: r.appointment_id,
  ownerId: r.owner_id,
  caseStatus: r.case_status,
  appointmentStatus: r.appointment_status,
  matterId: r.matter_id,
  matterName: r.matter_name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  dimension: kind === 'visit' ? 'inPerson' : r.online ? 'online' : 'inPerson',
  windowNumber: r.window_number,
  completedAt: r.completed_at === null ? null : new Date(r.completed_at),
})

/**
 * A case. Online (网上办事) when it came from a pre-review, in person when registered at the window.
 * `lock` takes the case row FOR NO KEY UPDATE so two ratings of one case serialise. Not FOR
 * UPDATE: that also blocks the foreign-key check (FOR KEY SHARE) of a rating inserted meanwhile
 * by the default-rating job, which then waits on us while we wait on its unique entry — a deadlock.
 */
export async function caseTarget(db: DbOrTx, caseId: string, lock = false): Promise<TargetRecord | null> {
  const result = await db.execute<Row>(sql`
    SELECT c.id AS case_id, c.number AS case_number, NULL::uuid AS appointment_id, c.citizen_id AS owner_id,
           c.status AS case_status, NULL AS appointment_status, c.matter_id, m.name AS matter_name,
           c.department_id, d.name AS department_name,
           EXISTS (SELECT 1 FROM prereview_parts pp WHERE pp.case_id = c.id) AS online,
           coalesce((SELECT a.called_window FROM appointments a WHERE a.case_id = c.id AND a.called_window IS NOT NULL
                     ORDER BY a.checked_in_at DESC NULLS LAST LIMIT 1), m.window_numbers ->> 0) AS window_number, c.finished_at AS completed_at
    FROM cases c JOIN matters m ON m.id = c.matter_id JOIN departments d ON d.id = c.department_id
    WHERE c.id = ${caseId}
    ${lock ? sql`FOR NO KEY UPDATE OF c` : sql``}`)
  return result.rows[0] ? toRecord('case', result.rows[0]) : null
}

/** A hall visit: a booking, rated in person; the window is the one that called it, else the matter's. */
export async function visitTarget(db: DbOrTx, appointmentId: string, lock = false): Promise<TargetRecord | null> {
  const result = await db.execute<Row>(sql`
    SELECT a.case_id, c.number AS case_number, a.id AS appointment_id, a.citizen_id AS owner_id,
           NULL AS case_status, a.status AS appointment_status, a.matter_id, m.name AS matter_name,
           a.department_id, d.name AS department_name, false AS online,
           coalesce(a.called_window, m.window_numbers ->> 0) AS window_number, a.checked_in_at AS completed_at
    FROM appointments a JOIN matters m ON m.id = a.matter_id JOIN departments d ON d.id = a.department_id
    LEFT JOIN cases c ON c.id = a.case_id
    WHERE a.id = ${appointmentId}
    ${lock ? sql`FOR NO KEY UPDATE OF a` : sql``}`)
  return result.rows[0] ? toRecord('visit', result.rows[0]) : null
}

export const targetView = (t: Pick<TargetRecord, 'kind' | 'caseId' | 'caseNumber' | 'appointmentId' | 'matterName' | 'departmentName' | 'dimension'>): RatingTarget => ({
  kind: t.kind,
  caseId: t.caseId,
  caseNumber: t.caseNumber,
  appointmentId: t.appointmentId,
  matterName: t.matterName,
  departmentName: t.departmentName,
  dimension: t.dimension,
})
