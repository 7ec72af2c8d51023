import { sql } from 'drizzle-orm'
import { check, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { citizens } from './citizens'
import { updatedAt } from './columns'

/**
 * WeChat one-time subscriptions a citizen accepted, per template: each allows
 * exactly one subscribe message, so sending consumes one with a conditional
 * UPDATE … WHERE remaining > 0.
 */
export const subscriptionCredits = pgTable(
  'subscription_credits',
  {
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    remaining: integer('remaining').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.templateId] }), check('subscription_credits_remaining', sql`${t.remaining} >= 0`)],
)
export type SubscriptionCreditRow = typeof subscriptionCredits.$inferSelect
