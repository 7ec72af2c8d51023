import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { ComplaintCategory, ComplaintKind, ComplaintSatisfaction, ComplaintStatus } from '../../../../types/complaints'
import { cases } from './cases'
import { citizens } from './citizens'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { staff } from './staff'

/**
 * A complaint or suggestion (投诉建议) of a citizen. `client_key` makes filing
 * idempotent: the unique index (citizen_id, client_key) turns a retry or a
 * race into the same row. The department is the linked case's, else the
 * citizen's pick, else null (the platform admin handles or assigns it).
 * The reply is due COMPLAINT_REPLY_DAYS working days after filing; the light
 * freezes at the reply (replied_on_time).
 */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    number: text('number').notNull().unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    clientKey: uuid('client_key').notNull(),
    kind: text('kind').$type<ComplaintKind>().notNull(),
    category: text('category').$type<ComplaintCategory>().notNull(),
    content: text('content').notNull(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    departmentId: uuid('department_id').references(() => departments.id),
    status: text('status').$type<ComplaintStatus>().notNull().default('submitted'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    dueUnpublished: boolean('due_unpublished').notNull().default(false),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The staff member who last accepted or replied (shown masked to staff). */
    handledBy: uuid('handled_by').references(() => staff.id),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    replyText: text('reply_text'),
    /** The department that replied, as the citizen reads it (kept if the complaint is reassigned later). */
    replyDepartmentName: text('reply_department_name'),
    repliedOnTime: boolean('replied_on_time'),
    satisfaction: text('satisfaction').$type<ComplaintSatisfaction>(),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaints_client_key').on(t.citizenId, t.clientKey),
    index('complaints_citizen').on(t.citizenId, t.createdAt),
    index('complaints_department').on(t.departmentId, t.status, t.dueAt),
    check('complaints_kind', sql`${t.kind} IN ('complaint', 'suggestion')`),
    check('complaints_status', sql`${t.status} IN ('submitted', 'processing', 'replied', 'rated')`),
    check('complaints_satisfaction', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} IN ('satisfied', 'basic', 'unsatisfied')`),
    check('complaints_reply', sql`${t.status} NOT IN ('replied', 'rated') OR (${t.repliedAt} IS NOT NULL AND ${t.replyText} IS NOT NULL)`),
  ],
)
export type ComplaintRow = typeof complaints.$inferSelect

/** The per-day counter behind complaint numbers (TS/JY + yyyyMMdd + 6 digits). */
export const complaintNumberCounters = pgTable('complaint_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
})
