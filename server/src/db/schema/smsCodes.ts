import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/**
 * A one-time SMS login code. The code itself is stored hashed; `clientKey`
 * (a hash of the client address) lets rate limits work across instances.
 */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: id(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    clientKey: text('client_key').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [index('sms_codes_phone_created').on(t.phone, t.createdAt), index('sms_codes_client_created').on(t.clientKey, t.createdAt)],
)
export type SmsCodeRow = typeof smsCodes.$inferSelect
