import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { RatingEvent } from '../../../../types/enums'
import { ratings } from './ratings'
import { staff } from './staff'

/** Every step of a rating's life (rated, assigned, verified, rectified, appealed, decided, re-rated). */
export const ratingEvents = pgTable(
  'rating_events',
  {
    /** Serial, so events written in one transaction (same `at`) keep their order. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    event: text('event').$type<RatingEvent>().notNull(),
    actorKind: text('actor_kind').$type<'citizen' | 'anonymous' | 'staff' | 'system'>().notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    note: text('note').notNull().default(''),
  },
  (t) => [index('rating_events_rating').on(t.ratingId, t.at)],
)
export type RatingEventRow = typeof ratingEvents.$inferSelect
