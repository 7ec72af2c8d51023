import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { NotificationChannelName, NotificationDeliveryStatus } from '../../../../types/enums'
import { createdAt, id, updatedAt } from './columns'
import { notifications } from './notifications'

/** Template variables (WeChat keyword → value, or SMS variable → value) and the page a subscribe message opens. */
export interface DeliveryPayload {
  params: Record<string, string>
  page?: string
}

/**
 * One message's delivery beyond the message centre (one channel per message).
 * `queued` rows are (re)tried when next_attempt_at has passed; a worker claims
 * a row by moving next_attempt_at forward, so a crashed attempt is retried
 * after that lease. `payload` is the template data built at dispatch, so
 * retries send the same text; it never holds a phone number or openid.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    notificationId: uuid('notification_id')
      .notNull()
      .unique()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<NotificationChannelName>().notNull(),
    status: text('status').$type<NotificationDeliveryStatus>().notNull().default('queued'),
    /** WeChat template id or SMS template code. */
    template: text('template').notNull(),
    payload: jsonb('payload').$type<DeliveryPayload>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notification_deliveries_due').on(t.status, t.nextAttemptAt), index('notification_deliveries_created').on(t.createdAt)],
)
export type NotificationDeliveryRow = typeof notificationDeliveries.$inferSelect
