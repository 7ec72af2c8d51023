import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { CaseStatus, StepOutcome } from '../../../../types/enums'
import { cases } from './cases'
import { id } from './columns'
import { staff } from './staff'

/** The step log of a case: who, when, the status reached, 通过/退回/其他 and a comment. */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<CaseStatus>().notNull(),
    outcome: text('outcome').$type<StepOutcome>().notNull(),
    actorKind: text('actor_kind').$type<'citizen' | 'staff' | 'system'>().notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    index('case_steps_case').on(t.caseId, t.at),
    check('case_steps_outcome', sql`${t.outcome} IN ('pass', 'return', 'other')`),
    check('case_steps_actor', sql`${t.actorKind} IN ('citizen', 'staff', 'system')`),
  ],
)
export type CaseStepRow = typeof caseSteps.$inferSelect
