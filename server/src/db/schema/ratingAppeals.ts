import { sql } from 'drizzle-orm'
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { AppealStatus } from '../../../../types/enums'
import { createdAt, id } from './columns'
import { ratings } from './ratings'
import { staff } from './staff'

/** A department's appeal (申诉) against a malicious 差评; one per rating (unique), decided by an admin. */
export const ratingAppeals = pgTable(
  'rating_appeals',
  {
    id: id(),
    ratingId: uuid('rating_id')
      .notNull()
      .unique()
      .references(() => ratings.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    evidence: text('evidence').notNull(),
    status: text('status').$type<AppealStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    createdAt: createdAt(),
  },
  (t) => [check('rating_appeals_status', sql`${t.status} IN ('pending', 'upheld', 'rejected')`)],
)
export type RatingAppealRow = typeof ratingAppeals.$inferSelect
