/**
 * The audit log, for the city's IT department (admins only).
 *
 * - GET /api/staff/audit-log  AuditLogQuery → AuditLogPage, newest first. 403 for anyone
 *   but an admin; 400 for a date that does not exist or `from` after `to`.
 *
 * Rows record staff actions (guide edits, complaint actions, calendar overrides…) and staff
 * reads of citizens' data: action `read` (one object), `read.list` (detail.ids = the ids
 * shown, detail.count), `read.file` (a signed file URL given; detail.via/viaId = with what).
 * Rows hold ids and field names only, never personal data.
 */
import { Type, type Static } from 'typebox'
import { PageInfo, PageQuery, Uuid } from './common'

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai), inclusive' })

export const AuditLogQuery = Type.Object({
  staffId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z][A-Za-z.]*$', description: 'read, read.list, read.file, calendar.override…' })),
  targetKind: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z][A-Za-z_]*$', description: 'case, prereviewPart, prereviewFile, appointment, feeOrder, rating, complaint, complaintPhoto…' })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$', description: 'The object itself, or a list that showed it' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  ...PageQuery,
})
export type AuditLogQuery = Static<typeof AuditLogQuery>

export const AuditLogEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  staff: Type.Union(
    [
      Type.Object({
        id: Uuid,
        username: Type.String(),
        displayName: Type.String(),
        department: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: 'Null for the system' },
  ),
  action: Type.String(),
  targetKind: Type.String(),
  targetId: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown(), { description: 'Ids and field names only' }),
})
export type AuditLogEntry = Static<typeof AuditLogEntry>

export const AuditLogPage = Type.Object({ items: Type.Array(AuditLogEntry), ...PageInfo })
export type AuditLogPage = Static<typeof AuditLogPage>
