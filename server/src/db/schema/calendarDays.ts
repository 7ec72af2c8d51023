import { sql } from 'drizzle-orm'
import { check, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt } from './columns'

/**
 * Days on which China's working calendar differs from Monday–Friday: seeded
 * from the `chinese-days` package (source 'chinese-days', never overwritten),
 * overridable by an admin (source 'admin': a local closure, a correction).
 * One row per date, so an admin row replaces the package's.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: text('date').primaryKey(),
    kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
    name: text('name').notNull(),
    source: text('source').$type<'chinese-days' | 'admin'>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('calendar_days_date', sql`${t.date} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check('calendar_days_kind', sql`${t.kind} IN ('holiday', 'workday')`),
    check('calendar_days_source', sql`${t.source} IN ('chinese-days', 'admin')`),
  ],
)
export type CalendarDayRow = typeof calendarDays.$inferSelect
