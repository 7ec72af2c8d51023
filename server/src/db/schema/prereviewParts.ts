import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import type { PartStatus } from '../../../../types/enums'
import { cases } from './cases'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { matters } from './matters'
import { prereviews } from './prereviews'
import { staff } from './staff'

export interface PartTolerance {
  materialKeys: string[]
  materialNames: string[]
  promisedOn: string
}

/**
 * One department's part of a pre-review: one per member service. Reviewed
 * under a claim (claimed_by until claim_expires_at), so two staff never
 * review the same part at once. query_password is the plaintext of the case's
 * receipt password, shown only to the applicant (the case keeps a hash).
 */
export const prereviewParts = pgTable(
  'prereview_parts',
  {
    id: id(),
    prereviewId: uuid('prereview_id').notNull().references(() => prereviews.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    status: text('status').$type<PartStatus>().notNull(),
    /** The round this part was last put up for review in. */
    round: integer('round').notNull().default(0),
    pendingSince: timestamp('pending_since', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    deadlineUnpublished: boolean('deadline_unpublished').notNull().default(false),
    claimedBy: uuid('claimed_by').references(() => staff.id),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    reply: text('reply').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => staff.id),
    tolerance: jsonb('tolerance').$type<PartTolerance>(),
    caseId: uuid('case_id').references(() => cases.id),
    queryPassword: text('query_password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('prereview_parts_matter').on(t.prereviewId, t.matterId),
    index('prereview_parts_queue').on(t.departmentId, t.status, t.dueAt),
    check('prereview_parts_status', sql`${t.status} IN ('waiting', 'pending', 'passed', 'tolerated', 'returned', 'refused')`),
  ],
)
export type PrereviewPartRow = typeof prereviewParts.$inferSelect
