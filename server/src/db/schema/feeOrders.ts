import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { FeeOrderStatus, PayMethod } from '../../../../types/enums'
import type { FeeOrderItem } from '../../../../types/payments'
import { cases } from './cases'
import { createdAt, id, updatedAt } from './columns'
import { departments } from './departments'
import { staff } from './staff'

/**
 * A fee order (缴款单) on a case. Who may see it follows the case (citizen:
 * cases.citizen_id; staff: department_id, copied from the case). State moves
 * only through conditional UPDATEs (`… WHERE status <> 'paid'`), so repeated
 * notifications, queries and job runs change it once. out_trade_no and
 * transaction_id name the WeChat Pay payment that settled it.
 */
export const feeOrders = pgTable(
  'fee_orders',
  {
    id: id(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id').notNull().references(() => departments.id),
    /** 缴款单号 */
    noticeNumber: text('notice_number').notNull().unique(),
    /** The creating client's idempotency key: a repeated create answers this order. */
    clientKey: text('client_key').notNull().unique(),
    items: jsonb('items').$type<FeeOrderItem[]>().notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** 限缴日期 YYYY-MM-DD (Asia/Shanghai) and the instant it ends. */
    deadline: text('deadline').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    status: text('status').$type<FeeOrderStatus>().notNull().default('unpaid'),
    payMethod: text('pay_method').$type<PayMethod>(),
    outTradeNo: text('out_trade_no').unique(),
    transactionId: text('transaction_id').unique(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('fee_orders_amount', sql`${t.amountFen} > 0`),
    check('fee_orders_status', sql`${t.status} IN ('unpaid', 'paying', 'paid', 'expired', 'cancelled', 'refunding', 'refunded')`),
    check('fee_orders_pay_method', sql`${t.payMethod} IS NULL OR ${t.payMethod} IN ('jsapi', 'h5', 'native')`),
    check('fee_orders_paid', sql`${t.status} NOT IN ('paid', 'refunding', 'refunded') OR (${t.outTradeNo} IS NOT NULL AND ${t.paidAt} IS NOT NULL)`),
    index('fee_orders_case').on(t.caseId, t.createdAt),
    index('fee_orders_department').on(t.departmentId, t.status, t.createdAt),
    index('fee_orders_pending').on(t.status, t.deadlineAt).where(sql`${t.status} IN ('unpaid', 'paying')`),
  ],
)
export type FeeOrderRow = typeof feeOrders.$inferSelect
