import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { citizens } from './citizens'
import { createdAt, id } from './columns'
import { staff } from './staff'

/** A sign-in. Only the SHA-256 of the opaque token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('sessions_one_subject', sql`(${t.citizenId} IS NULL) <> (${t.staffId} IS NULL)`),
    index('sessions_expires').on(t.expiresAt),
  ],
)
export type SessionRow = typeof sessions.$inferSelect
