import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/** Staff actions on data, for the city's IT department. Holds ids, never personal data. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAt(),
    staffId: uuid('staff_id'),
    action: text('action').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_target').on(t.targetKind, t.targetId),
    // The IT department's view (GET /api/staff/audit-log): newest first, per staff member, and
    // "who saw this object" through the ids a list read recorded (`detail @> {"ids": [id]}`).
    index('audit_log_at').on(t.at),
    index('audit_log_staff_at').on(t.staffId, t.at),
    index('audit_log_detail').using('gin', t.detail.op('jsonb_path_ops')),
  ],
)
