import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import type { MaterialVerdict, PrereviewEvent } from '../../../../types/enums'
import { id } from './columns'
import { prereviewParts } from './prereviewParts'
import { prereviews } from './prereviews'
import { staff } from './staff'

/** A reviewer's verdict on one material for one part in one round; re-marking replaces it. */
export const prereviewVerdicts = pgTable(
  'prereview_verdicts',
  {
    id: id(),
    partId: uuid('part_id').notNull().references(() => prereviewParts.id, { onDelete: 'cascade' }),
    slotKey: uuid('slot_key').notNull(),
    round: integer('round').notNull(),
    verdict: text('verdict').$type<MaterialVerdict>().notNull(),
    reason: text('reason').notNull().default(''),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('prereview_verdicts_one').on(t.partId, t.slotKey, t.round),
    check('prereview_verdicts_verdict', sql`${t.verdict} IN ('pass', 'return')`),
  ],
)
export type PrereviewVerdictRow = typeof prereviewVerdicts.$inferSelect

/** The history of a pre-review: everything the citizen and the reviewers did. */
export const prereviewEvents = pgTable(
  'prereview_events',
  {
    id: id(),
    prereviewId: uuid('prereview_id').notNull().references(() => prereviews.id, { onDelete: 'cascade' }),
    partId: uuid('part_id').references(() => prereviewParts.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    kind: text('kind').$type<PrereviewEvent>().notNull(),
    actorKind: text('actor_kind').$type<'citizen' | 'staff' | 'system'>().notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    slotKey: uuid('slot_key'),
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('prereview_events_prereview').on(t.prereviewId, t.at)],
)
export type PrereviewEventRow = typeof prereviewEvents.$inferSelect
