import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns'
import { halls } from './halls'
import { matters } from './matters'
import { staff } from './staff'

/**
 * A weekly appointment slot (预约时段) of a matter in its hall: every working
 * day with this ISO weekday gets one slot (materialised lazily into
 * appointment_slots). Start and length are fixed once created; capacity and
 * `active` may change (see services/appointments/slotAdmin.ts).
 */
export const appointmentSlotTemplates = pgTable(
  'appointment_slot_templates',
  {
    id: id(),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    matterId: uuid('matter_id').notNull().references(() => matters.id, { onDelete: 'cascade' }),
    /** ISO weekday, 1 = Monday … 7 = Sunday (6/7 only matter on 调休 working weekends). */
    weekday: integer('weekday').notNull(),
    /** 'HH:mm', Asia/Shanghai. */
    startTime: text('start_time').notNull(),
    lengthMinutes: integer('length_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('appointment_slot_templates_weekday', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('appointment_slot_templates_start', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('appointment_slot_templates_length', sql`${t.lengthMinutes} BETWEEN 5 AND 240`),
    check('appointment_slot_templates_capacity', sql`${t.capacity} >= 0`),
    index('appointment_slot_templates_matter').on(t.matterId, t.weekday),
  ],
)
export type AppointmentSlotTemplateRow = typeof appointmentSlotTemplates.$inferSelect
