/** Loading a pre-review with everything its views need, in one place. */
import { asc, eq, inArray } from 'drizzle-orm'
import type { StaffRole } from '../../../../types/enums'
import type { DbOrTx } from '../../db/client'
import {
  cases,
  departments,
  matters,
  prereviewEvents,
  prereviewFiles,
  prereviewParts,
  prereviews,
  prereviewVerdicts,
  staff,
  type PrereviewEventRow,
  type PrereviewFileRow,
  type PrereviewPartRow,
  type PrereviewRow,
  type PrereviewVerdictRow,
} from '../../db/schema'
import { notFound } from '../../errors'
import { loadTarget, targetOf, type TargetInfo, type TargetPart } from './prereviewTargets'

export type PartRecord = PrereviewPartRow & {
  matterName: string
  departmentName: string
  claimerName: string | null
  caseNumber: string | null
  target: TargetPart
}
export type EventRecord = PrereviewEventRow & { staffName: string | null; staffRole: StaffRole | null }

export interface PrereviewRecord {
  row: PrereviewRow
  info: TargetInfo
  parts: PartRecord[]
  files: PrereviewFileRow[]
  verdicts: PrereviewVerdictRow[]
  events: EventRecord[]
}

export const PREREVIEW_NOT_FOUND = '未找到该预审申请'

export async function loadPrereview(db: DbOrTx, id: string, info?: TargetInfo): Promise<PrereviewRecord> {
  const [row] = await db.select().from(prereviews).where(eq(prereviews.id, id))
  if (!row) throw notFound(PREREVIEW_NOT_FOUND)
  return loadRest(db, row, info)
}

export async function loadRest(db: DbOrTx, row: PrereviewRow, info?: TargetInfo): Promise<PrereviewRecord> {
  const target = info ?? (await loadTarget(db, targetOf(row)))
  const partRows = await db
    .select({ part: prereviewParts, matterName: matters.name, departmentName: departments.name, claimerName: staff.displayName, caseNumber: cases.number })
    .from(prereviewParts)
    .innerJoin(matters, eq(matters.id, prereviewParts.matterId))
    .innerJoin(departments, eq(departments.id, prereviewParts.departmentId))
    .leftJoin(staff, eq(staff.id, prereviewParts.claimedBy))
    .leftJoin(cases, eq(cases.id, prereviewParts.caseId))
    .where(eq(prereviewParts.prereviewId, row.id))
  const parts = target.parts.flatMap((t) => {
    const r = partRows.find((p) => p.part.matterId === t.matterId)
    return r ? [{ ...r.part, matterName: r.matterName, departmentName: r.departmentName, claimerName: r.claimerName, caseNumber: r.caseNumber, target: t }] : []
  })
  const files = await db
    .select()
    .from(prereviewFiles)
    .where(eq(prereviewFiles.prereviewId, row.id))
    .orderBy(asc(prereviewFiles.round), asc(prereviewFiles.position))
  const verdicts = parts.length
    ? await db
        .select()
        .from(prereviewVerdicts)
        .where(inArray(prereviewVerdicts.partId, parts.map((p) => p.id)))
        .orderBy(asc(prereviewVerdicts.round))
    : []
  const eventRows = await db
    .select({ event: prereviewEvents, staffName: staff.displayName, staffRole: staff.role })
    .from(prereviewEvents)
    .leftJoin(staff, eq(staff.id, prereviewEvents.staffId))
    .where(eq(prereviewEvents.prereviewId, row.id))
    .orderBy(asc(prereviewEvents.at), asc(prereviewEvents.id))
  const events = eventRows.map((e) => ({ ...e.event, staffName: e.staffName, staffRole: e.staffRole }))
  return { row, info: target, parts, files, verdicts, events }
}

/** Pages of a material the citizen has sent (or is about to send in this round), oldest first. */
export const currentFiles = (r: PrereviewRecord, slotKey: string) => r.files.filter((f) => f.slotKey === slotKey && !f.replacedAt)

/** Materials some part returned in the latest round: what a correction must replace. */
export function returnedSlots(r: PrereviewRecord): Set<string> {
  const out = new Set<string>()
  if (r.row.status !== 'returned') return out
  for (const p of r.parts) {
    if (p.status !== 'returned') continue
    for (const v of r.verdicts) if (v.partId === p.id && v.round === p.round && v.verdict === 'return') out.add(v.slotKey)
  }
  return out
}
