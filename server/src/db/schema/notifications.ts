import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { citizens } from './citizens'
import { createdAt, id } from './columns'

/** The in-app message centre (消息中心): every notification lands here. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_citizen').on(t.citizenId, t.createdAt)],
)
export type NotificationRow = typeof notifications.$inferSelect
