import { doublePrecision, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import type { OpeningPeriod } from '../../../../types/catalog'
import { createdAt, id } from './columns'
import { departments } from './departments'

/** A service hall (办事大厅) with its opening hours and map location. */
export const halls = pgTable('halls', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  phone: text('phone').notNull(),
  hoursText: text('hours_text').notNull(),
  openingPeriods: jsonb('opening_periods').$type<OpeningPeriod[]>().notNull(),
  transit: text('transit').notNull(),
  createdAt: createdAt(),
})
export type HallRow = typeof halls.$inferSelect

/** A counter (窗口) in a hall; null department = 综合受理. */
export const hallWindows = pgTable(
  'hall_windows',
  {
    id: id(),
    hallId: uuid('hall_id').notNull().references(() => halls.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    name: text('name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
  },
  (t) => [unique('hall_windows_hall_number').on(t.hallId, t.number)],
)
export type HallWindowRow = typeof hallWindows.$inferSelect
