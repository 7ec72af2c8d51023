import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { id } from './columns'

/**
 * WeChat Pay notifications that passed verification and were applied, by
 * their notification id: a repeat (WeChat Pay resends until it gets 2xx) or a
 * replay inside the signature's time window is answered 204 and changes
 * nothing. Rejected notifications are not recorded (they change nothing).
 */
export const paymentNotifications = pgTable('payment_notifications', {
  id: id(),
  notificationId: text('notification_id').notNull().unique(),
  eventType: text('event_type').notNull(),
  /** out_trade_no or out_refund_no the notification was about. */
  subject: text('subject').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
})
