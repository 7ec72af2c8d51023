/**
 * Staff reads of citizens' personal data, written to audit_log (issue 9): one row per
 * answer that shows a citizen's data to a staff member, plus one row per signed file
 * URL handed out with it. Rows hold ids only (the object's, the file's, the ids a list
 * showed), never a name, phone, ID number or text.
 *
 * Routes call these after the service answered and before the answer leaves. The write
 * is awaited and not caught: when it fails the request fails (500) and the data is not
 * served — an unrecorded read is never served. A refused read (401/403/404/400) throws
 * before reaching here and is not recorded: it showed nothing.
 */
import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm'
import type { AuditLogEntry, AuditLogPage, AuditLogQuery } from '../../../types/audit'
import type { DbOrTx } from '../db/client'
import { auditLog, departments, staff } from '../db/schema'
import { shanghaiInstant } from '../domain/calendar'
import { addDays, isCalendarDate } from '../domain/calendar/dates'
import { badRequest } from '../errors'

/** What a staff member may be shown of a citizen. */
export type ReadKind =
  | 'case'
  | 'prereviewPart'
  | 'appointment'
  | 'feeOrder'
  | 'rating'
  | 'complaint'
  | 'notificationDelivery'

/** Files reached through a signed URL: the grant of the URL is what is recorded. */
export type FileKind = 'prereviewFile' | 'complaintPhoto'

/** Reads of one object. */
export const READ = 'read'
/** Reads of a list or queue: detail.ids = the ids shown. */
export const READ_LIST = 'read.list'
/** A signed URL of a citizen's file given to a staff member. */
export const READ_FILE = 'read.file'

/** A list row keeps at most this many ids (pages hold ≤ 50; a hall's day can hold more). */
export const MAX_LISTED_IDS = 200

interface Reader {
  id: string
}

type Row = typeof auditLog.$inferInsert

/**
 * Records that `reader` was shown object `id` of `kind`, and was given signed URLs for
 * `files` with it, in one statement. Throws when the row cannot be written: the caller
 * must not serve the answer then.
 */
export async function recordRead(db: DbOrTx, reader: Reader, kind: ReadKind, id: string, files?: { kind: FileKind; ids: string[] }): Promise<void> {
  const rows: Row[] = [{ staffId: reader.id, action: READ, targetKind: kind, targetId: id, detail: {} }]
  for (const fileId of files?.ids ?? []) {
    rows.push({ staffId: reader.id, action: READ_FILE, targetKind: files!.kind, targetId: fileId, detail: { via: kind, viaId: id } })
  }
  await db.insert(auditLog).values(rows)
}

/**
 * Records that `reader` was shown a list of `kind` holding `ids` (nothing when empty: an
 * empty answer shows no one). Throws when the row cannot be written.
 */
export async function recordListRead(db: DbOrTx, reader: Reader, kind: ReadKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const shown = ids.slice(0, MAX_LISTED_IDS)
  await db.insert(auditLog).values({
    staffId: reader.id,
    action: READ_LIST,
    targetKind: kind,
    // One object shown: its id, so a search by target finds it directly; else "list".
    targetId: ids.length === 1 ? ids[0] : 'list',
    detail: { ids: shown, count: ids.length, ...(ids.length > shown.length ? { truncated: true } : {}) },
  })
}

/** The same, bound to a database, handing back what was recorded so a route can `return` it. */
export function readAudit(db: DbOrTx) {
  return {
    async one<T>(reader: Reader, kind: ReadKind, id: string, shown: T, files?: { kind: FileKind; ids: string[] }): Promise<T> {
      await recordRead(db, reader, kind, id, files)
      return shown
    },
    async list<T>(reader: Reader, kind: ReadKind, ids: string[], shown: T): Promise<T> {
      await recordListRead(db, reader, kind, ids)
      return shown
    },
  }
}
export type ReadAudit = ReturnType<typeof readAudit>

/** The ids of the pages a pre-review part shows (each with a signed URL). */
export const partFileIds = (part: { materials: Array<{ files: Array<{ id: string }> }> }) => part.materials.flatMap((m) => m.files.map((f) => f.id))

/** The ids of the photos a complaint shows (each with a signed URL). */
export const complaintPhotoIds = (c: { photos: Array<{ id: string }> }) => c.photos.map((p) => p.id)

/** The audit log for the city's IT department (admins): newest first, with who did it. */
export async function listAuditLog(db: DbOrTx, q: AuditLogQuery): Promise<AuditLogPage> {
  const page = q.page ?? 1
  const pageSize = q.pageSize ?? 20
  const where: SQL[] = []
  if (q.staffId) where.push(eq(auditLog.staffId, q.staffId))
  if (q.action) where.push(eq(auditLog.action, q.action))
  if (q.targetKind) where.push(eq(auditLog.targetKind, q.targetKind))
  if (q.targetId) {
    // The object itself, or a list that showed it.
    where.push(or(eq(auditLog.targetId, q.targetId), sql`${auditLog.detail} @> ${JSON.stringify({ ids: [q.targetId] })}::jsonb`)!)
  }
  if (q.from !== undefined && !isCalendarDate(q.from)) throw badRequest('开始日期不是有效日期', 'from')
  if (q.to !== undefined && !isCalendarDate(q.to)) throw badRequest('结束日期不是有效日期', 'to')
  if (q.from && q.to && q.from > q.to) throw badRequest('开始日期不能晚于结束日期', 'from')
  if (q.from) where.push(gte(auditLog.at, shanghaiInstant(q.from, '00:00')))
  if (q.to) where.push(lt(auditLog.at, shanghaiInstant(addDays(q.to, 1), '00:00')))
  const condition = where.length ? and(...where) : undefined

  const rows = await db
    .select({ log: auditLog, username: staff.username, displayName: staff.displayName, departmentId: departments.id, departmentName: departments.name })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .leftJoin(departments, eq(departments.id, staff.departmentId))
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(condition)
  const items: AuditLogEntry[] = rows.map(({ log, username, displayName, departmentId, departmentName }) => ({
    id: log.id,
    at: log.at.toISOString(),
    staff:
      log.staffId && username !== null && displayName !== null
        ? { id: log.staffId, username, displayName, department: departmentId && departmentName ? { id: departmentId, name: departmentName } : null }
        : null,
    action: log.action,
    targetKind: log.targetKind,
    targetId: log.targetId,
    detail: log.detail,
  }))
  return { items, page, pageSize, total }
}
