import { pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'

/** 实施主体: a department of the city that implements matters. */
export const departments = pgTable('departments', {
  id: id(),
  /** Stable key of seeded or imported data, for idempotent upserts. */
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  creditCode: text('credit_code').notNull().unique(),
  phone: text('phone').notNull(),
  createdAt: createdAt(),
})
export type DepartmentRow = typeof departments.$inferSelect
