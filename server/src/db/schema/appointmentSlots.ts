import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { appointmentSlotTemplates } from './appointmentSlotTemplates'
import { id } from './columns'
import { halls } from './halls'
import { matters } from './matters'

/**
 * One bookable slot on one day, materialised from a template when its day
 * enters the booking window. `booked` counts active bookings and only ever
 * grows through `UPDATE … SET booked = booked + 1 WHERE booked < capacity AND
 * open`, so no concurrency can overbook. It may exceed `capacity` only when an
 * admin lowered the capacity after bookings were made (they are kept).
 * `open` is false when the template is inactive or the hall is closed that day.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => appointmentSlotTemplates.id, { onDelete: 'cascade' }),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    open: boolean('open').notNull().default(true),
  },
  (t) => [
    unique('appointment_slots_template_date').on(t.templateId, t.date),
    check('appointment_slots_counts', sql`${t.booked} >= 0 AND ${t.capacity} >= 0`),
    index('appointment_slots_matter_date').on(t.matterId, t.date),
    index('appointment_slots_hall_date').on(t.hallId, t.date),
  ],
)
export type AppointmentSlotRow = typeof appointmentSlots.$inferSelect
