import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { complaints } from './complaints'
import { departments } from './departments'
import { staff } from './staff'

export type ComplaintEvent = 'submitted' | 'accepted' | 'assigned' | 'replied' | 'rated'

/** Every step of a complaint (filed, accepted, assigned, replied, rated), for the record. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    event: text('event').$type<ComplaintEvent>().notNull(),
    actorKind: text('actor_kind').$type<'citizen' | 'staff'>().notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    /** assigned: the new department. */
    departmentId: uuid('department_id').references(() => departments.id),
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId, t.at)],
)
export type ComplaintEventRow = typeof complaintEvents.$inferSelect
