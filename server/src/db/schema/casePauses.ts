import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { id } from './columns'

/** A stopped clock: 补正 (correction) or 特别程序 (special procedure). `to` is null while open. */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'correction' | 'special'>().notNull(),
    from: timestamp('from', { withTimezone: true }).notNull(),
    to: timestamp('to', { withTimezone: true }),
  },
  (t) => [index('case_pauses_case').on(t.caseId), check('case_pauses_kind', sql`${t.kind} IN ('correction', 'special')`)],
)
export type CasePauseRow = typeof casePauses.$inferSelect
