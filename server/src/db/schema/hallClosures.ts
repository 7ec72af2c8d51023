import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { halls } from './halls'
import { staff } from './staff'

/** A hall closed for appointments from one Shanghai date to another, inclusive (闭厅). */
export const hallClosures = pgTable(
  'hall_closures',
  {
    id: id(),
    hallId: uuid('hall_id').notNull().references(() => halls.id, { onDelete: 'cascade' }),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('hall_closures_dates', sql`${t.fromDate} ~ '^\\d{4}-\\d{2}-\\d{2}$' AND ${t.toDate} ~ '^\\d{4}-\\d{2}-\\d{2}$' AND ${t.fromDate} <= ${t.toDate}`),
    index('hall_closures_hall').on(t.hallId, t.toDate),
  ],
)
export type HallClosureRow = typeof hallClosures.$inferSelect
