import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Anonymous case lookup, guarded in the database (several instances run
 * behind a load balancer). Keyed by a hash of the typed case number, whether
 * or not such a case exists, so a lock says nothing about existence.
 */
export const lookupGuards = pgTable('lookup_guards', {
  numberKey: text('number_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
})

/** Failed lookups per client (hash of the address) per clock hour: one row, one atomic upsert per failure. */
export const lookupClientCounts = pgTable(
  'lookup_client_counts',
  {
    clientKey: text('client_key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientKey, t.windowStart] })],
)
