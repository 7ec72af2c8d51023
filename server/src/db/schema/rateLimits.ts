import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Fixed-window request counters shared by every API instance (abuse limits).
 * `key` is a hash of the rule and what it limits (a client address, a phone,
 * a citizen, a fee order): no raw address or phone number is stored. One
 * atomic upsert per limited request; spent windows are removed by the
 * housekeeping job.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
)
