import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { NotificationKind, NotificationSubjectKind } from '../../../../types/enums'
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
    /** Picks the subscribe/SMS template; null for general messages. */
    kind: text('kind').$type<NotificationKind>(),
    /** What the message links to in the app (a case, a pre-review, …). */
    subjectKind: text('subject_kind').$type<NotificationSubjectKind>(),
    subjectId: text('subject_id'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_citizen').on(t.citizenId, t.createdAt)],
)
export type NotificationRow = typeof notifications.$inferSelect
