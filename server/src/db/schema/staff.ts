import { sql } from 'drizzle-orm'
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { StaffRole } from '../../../../types/enums'
import { createdAt, id } from './columns'
import { departments } from './departments'

/** A staff account. Window staff and leads belong to a department; admins to none. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    /** scrypt$N$r$p$salt$hash, see services/auth/passwords.ts */
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('staff_role', sql`${t.role} IN ('window', 'lead', 'admin')`),
    check('staff_department', sql`${t.role} = 'admin' OR ${t.departmentId} IS NOT NULL`),
  ],
)
export type StaffRow = typeof staff.$inferSelect
