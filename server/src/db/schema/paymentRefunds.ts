import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { RefundStatus } from '../../../../types/enums'
import { createdAt, id } from './columns'
import { feeOrders } from './feeOrders'
import { staff } from './staff'

/**
 * A full refund of one paid WeChat Pay payment. out_refund_no is derived from
 * the payment's out_trade_no ('R' + out_trade_no), so asking twice — a double
 * click, two job instances, a retry after a timeout — is the same refund at
 * WeChat Pay. submitted_at stays null until WeChat Pay accepted the request;
 * the reconcile job resubmits those.
 */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: id(),
    feeOrderId: uuid('fee_order_id').notNull().references(() => feeOrders.id, { onDelete: 'cascade' }),
    outTradeNo: text('out_trade_no').notNull(),
    outRefundNo: text('out_refund_no').notNull().unique(),
    amountFen: integer('amount_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<RefundStatus>().notNull().default('processing'),
    refundId: text('refund_id'),
    /** Null for automatic refunds (case refused, duplicate payment). */
    requestedBy: uuid('requested_by').references(() => staff.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    succeededAt: timestamp('succeeded_at', { withTimezone: true }),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('payment_refunds_status', sql`${t.status} IN ('processing', 'success', 'closed', 'abnormal')`),
    check('payment_refunds_amount', sql`${t.amountFen} > 0 AND ${t.amountFen} <= ${t.totalFen}`),
    index('payment_refunds_order').on(t.feeOrderId),
    index('payment_refunds_pending').on(t.createdAt).where(sql`${t.status} = 'processing'`),
  ],
)
export type PaymentRefundRow = typeof paymentRefunds.$inferSelect
