import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { PayMethod } from '../../../../types/enums'
import { citizens } from './citizens'
import { createdAt, id } from './columns'
import { feeOrders } from './feeOrders'

export type PaymentAttemptStatus = 'open' | 'paid' | 'closed'

/**
 * One WeChat Pay order opened for a fee order (its own out_trade_no, since
 * WeChat Pay refuses the same number with another trade type). Open attempts
 * are queried, then closed, before a new one is opened, so at most one can be
 * paid in the normal course; a second payment that slips through is refunded.
 * Rows per citizen and hour are the payment-start rate limit.
 */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: id(),
    feeOrderId: uuid('fee_order_id').notNull().references(() => feeOrders.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id').notNull().references(() => citizens.id, { onDelete: 'cascade' }),
    method: text('method').$type<PayMethod>().notNull(),
    outTradeNo: text('out_trade_no').notNull().unique(),
    amountFen: integer('amount_fen').notNull(),
    status: text('status').$type<PaymentAttemptStatus>().notNull().default('open'),
    prepayId: text('prepay_id'),
    h5Url: text('h5_url'),
    codeUrl: text('code_url'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    transactionId: text('transaction_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** When the reconcile job last asked WeChat Pay about it. */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('payment_attempts_status', sql`${t.status} IN ('open', 'paid', 'closed')`),
    check('payment_attempts_method', sql`${t.method} IN ('jsapi', 'h5', 'native')`),
    check('payment_attempts_amount', sql`${t.amountFen} > 0`),
    index('payment_attempts_order').on(t.feeOrderId, t.status),
    index('payment_attempts_citizen').on(t.citizenId, t.createdAt),
    index('payment_attempts_open').on(t.expiresAt).where(sql`${t.status} = 'open'`),
  ],
)
export type PaymentAttemptRow = typeof paymentAttempts.$inferSelect
