import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Secrets every API instance must share and that must outlive a restart, made
 * once by whichever instance boots first (INSERT … ON CONFLICT DO NOTHING,
 * then read back). Today: the HMAC key of signed file URLs when
 * FILE_URL_SECRET is not set.
 */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
