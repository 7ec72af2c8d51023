import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { AppointmentCancelKind, AppointmentStatus } from '../../../../types/enums'
import { appointmentSlots } from './appointmentSlots'
import { cases } from './cases'
import { citizens } from './citizens'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { halls } from './halls'
import { matters } from './matters'
import { prereviews } from './prereviews'

/**
 * A booking (预约). Hall, department, date and times are copied from the slot
 * so staff views and reminders need no joins. One active booking per citizen
 * per matter per day is enforced by the partial unique index
 * `appointments_one_per_day` (a lost race answers 409). No-show bans are
 * computed from the no-show rows (domain/appointments/noShowBan.ts).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id').notNull().references(() => matters.id),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    hallId: uuid('hall_id').notNull().references(() => halls.id),
    slotId: uuid('slot_id').notNull().references(() => appointmentSlots.id),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    prereviewId: uuid('prereview_id').references(() => prereviews.id, { onDelete: 'set null' }),
    date: text('date').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<AppointmentStatus>().notNull().default('booked'),
    /** 8 characters from an unambiguous alphabet; the QR code carries it. */
    checkInCode: text('check_in_code').notNull().unique(),
    queueSeq: integer('queue_seq'),
    queueNumber: text('queue_number'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    calledAt: timestamp('called_at', { withTimezone: true }),
    calledWindow: text('called_window'),
    servedAt: timestamp('served_at', { withTimezone: true }),
    noShowAt: timestamp('no_show_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelKind: text('cancel_kind').$type<AppointmentCancelKind>(),
    cancelReason: text('cancel_reason'),
    rescheduledTo: uuid('rescheduled_to'),
    /** Set by the reminder job with a conditional UPDATE, so two runs never remind twice. */
    remindedDayBeforeAt: timestamp('reminded_day_before_at', { withTimezone: true }),
    remindedHourBeforeAt: timestamp('reminded_hour_before_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('appointments_status', sql`${t.status} IN ('booked', 'cancelled', 'checkedIn', 'served', 'noShow')`),
    check('appointments_cancel_kind', sql`${t.cancelKind} IS NULL OR ${t.cancelKind} IN ('citizen', 'rescheduled', 'closure')`),
    uniqueIndex('appointments_one_per_day').on(t.citizenId, t.matterId, t.date).where(sql`${t.status} <> 'cancelled'`),
    index('appointments_citizen').on(t.citizenId, t.startsAt),
    index('appointments_slot').on(t.slotId),
    index('appointments_hall_day').on(t.hallId, t.date, t.status),
    index('appointments_due').on(t.status, t.startsAt),
    index('appointments_no_shows').on(t.citizenId, t.date).where(sql`${t.status} = 'noShow'`),
  ],
)
export type AppointmentRow = typeof appointments.$inferSelect

/** Queue numbers (取号) per hall and Shanghai date: Y001, Y002, … */
export const appointmentQueueCounters = pgTable(
  'appointment_queue_counters',
  {
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.day] })],
)
