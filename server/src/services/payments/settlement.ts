/**
 * The only code that moves a fee order between states after WeChat Pay has
 * spoken (notification, query, refund answer). Every change is a conditional
 * UPDATE — `… WHERE status <> 'paid'` and the like — inside the caller's
 * transaction, so ten repeats of one notification, a query racing it and two
 * job instances change the order once, and only the change that happened
 * writes the case step and the citizen's message.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import type { WechatPayRefund, WechatPayTransaction } from '../../integrations/wechatpay/client'
import type { DbOrTx } from '../../db/client'
import { caseSteps, cases, feeOrders, paymentAttempts, paymentRefunds, type PaymentAttemptRow, type PaymentRefundRow } from '../../db/schema'
import { notify, type NotificationMessage } from '../notifications/notificationService'
import { outRefundNoFor, yuan } from './paymentNumbers'

export type Outbox = (NotificationMessage & { id: string })[]

const PAID_STATES = new Set(['SUCCESS', 'REFUND'])

export interface Merchant {
  mchId: string
  appId: string
}

/** Why a WeChat Pay transaction does not belong to this payment; null when it does. */
export function transactionMismatch(attempt: PaymentAttemptRow, t: WechatPayTransaction, merchant: Merchant): string | null {
  if (t.outTradeNo !== attempt.outTradeNo) return 'out_trade_no'
  if (t.mchId !== merchant.mchId) return 'mchid'
  if (t.appId !== merchant.appId) return 'appid'
  // Unpaid orders carry no total (as on the real API); a paid one must carry exactly ours.
  if (PAID_STATES.has(t.tradeState) && (t.totalFen !== attempt.amountFen || t.currency !== 'CNY')) return 'amount'
  if (t.totalFen !== null && t.totalFen !== attempt.amountFen) return 'amount'
  return null
}

const DEAD_STATES = new Set(['CLOSED', 'REVOKED', 'PAYERROR'])

/** A system step on the case timeline with the case's current status (payment does not move the case). */
export async function paymentStep(tx: DbOrTx, caseId: string, comment: string, at: Date, staffId: string | null = null): Promise<void> {
  const [c] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId))
  if (!c) return
  await tx.insert(caseSteps).values({ caseId, at, status: c.status, outcome: 'other', actorKind: staffId ? 'staff' : 'system', staffId, comment })
}

async function orderFacts(tx: DbOrTx, orderId: string) {
  const [row] = await tx
    .select({ order: feeOrders, citizenId: cases.citizenId, caseNumber: cases.number })
    .from(feeOrders)
    .innerJoin(cases, eq(cases.id, feeOrders.caseId))
    .where(eq(feeOrders.id, orderId))
  return row
}

/** Applies what WeChat Pay says about one payment. Returns true when the fee order changed state. */
export async function applyTransaction(tx: DbOrTx, attempt: PaymentAttemptRow, t: WechatPayTransaction, now: Date, outbox: Outbox): Promise<boolean> {
  if (PAID_STATES.has(t.tradeState)) {
    const paidAt = t.successTime ? new Date(t.successTime) : now
    const at = Number.isNaN(paidAt.getTime()) ? now : paidAt
    const [attemptChanged] = await tx
      .update(paymentAttempts)
      .set({ status: 'paid', transactionId: t.transactionId, paidAt: at })
      .where(and(eq(paymentAttempts.id, attempt.id), sql`${paymentAttempts.status} <> 'paid'`))
      .returning({ id: paymentAttempts.id })
    const [changed] = await tx
      .update(feeOrders)
      .set({ status: 'paid', outTradeNo: attempt.outTradeNo, transactionId: t.transactionId, payMethod: attempt.method, paidAt: at, updatedAt: now })
      .where(and(eq(feeOrders.id, attempt.feeOrderId), notInArray(feeOrders.status, ['paid', 'refunding', 'refunded'])))
      .returning()
    if (changed) {
      const facts = await orderFacts(tx, changed.id)
      await paymentStep(tx, changed.caseId, `缴费成功：${yuan(changed.amountFen)}，缴款单号${changed.noticeNumber}，微信支付交易单号${t.transactionId ?? ''}`, now)
      if (facts?.citizenId) {
        outbox.push(
          await notify(tx, {
            citizenId: facts.citizenId,
            caseId: changed.caseId,
            kind: 'caseStep',
            subject: { kind: 'payment', id: changed.id },
            title: '缴费成功',
            body: `您已缴纳办件（编号${facts.caseNumber}）费用${yuan(changed.amountFen)}，缴款单号${changed.noticeNumber}。可在缴费详情中查看电子票据。`,
            facts: { status: '已缴费', amountFen: changed.amountFen, time: at },
          }),
        )
      }
      return true
    }
    if (attemptChanged) {
      // A second payment of an order already paid by another one (two devices at once): give it back.
      const [order] = await tx.select().from(feeOrders).where(eq(feeOrders.id, attempt.feeOrderId))
      if (order && order.outTradeNo !== attempt.outTradeNo) {
        await tx
          .insert(paymentRefunds)
          .values({
            feeOrderId: order.id,
            outTradeNo: attempt.outTradeNo,
            outRefundNo: outRefundNoFor(attempt.outTradeNo),
            amountFen: attempt.amountFen,
            totalFen: attempt.amountFen,
            reason: '重复缴费，自动退还',
          })
          .onConflictDoNothing({ target: paymentRefunds.outRefundNo })
        await paymentStep(tx, order.caseId, `检测到重复缴费${yuan(attempt.amountFen)}，将自动原路退还`, now)
      }
    }
    return false
  }
  if (DEAD_STATES.has(t.tradeState)) {
    await closeAttempt(tx, attempt.id, attempt.feeOrderId, now)
  }
  return false
}

/** Marks an open payment closed; an order left with no open payment goes back from paying to unpaid. */
export async function closeAttempt(tx: DbOrTx, attemptId: string, orderId: string, now: Date): Promise<void> {
  await tx
    .update(paymentAttempts)
    .set({ status: 'closed' })
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, 'open')))
  await tx
    .update(feeOrders)
    .set({ status: 'unpaid', updatedAt: now })
    .where(
      and(
        eq(feeOrders.id, orderId),
        eq(feeOrders.status, 'paying'),
        sql`NOT EXISTS (SELECT 1 FROM ${paymentAttempts} WHERE ${paymentAttempts.feeOrderId} = ${orderId} AND ${paymentAttempts.status} = 'open')`,
      ),
    )
}

/** Applies what WeChat Pay says about one refund. Returns true when the fee order changed state. */
export async function applyRefund(tx: DbOrTx, refund: PaymentRefundRow, r: WechatPayRefund, now: Date, outbox: Outbox): Promise<boolean> {
  const base = { refundId: r.refundId, checkedAt: now }
  if (r.status === 'PROCESSING') {
    await tx.update(paymentRefunds).set({ ...base, submittedAt: refund.submittedAt ?? now }).where(eq(paymentRefunds.id, refund.id))
    return false
  }
  const status = r.status === 'SUCCESS' ? 'success' : r.status === 'CLOSED' ? 'closed' : 'abnormal'
  const successAt = r.successTime ? new Date(r.successTime) : now
  const [changedRefund] = await tx
    .update(paymentRefunds)
    .set({ ...base, status, submittedAt: refund.submittedAt ?? now, succeededAt: status === 'success' ? (Number.isNaN(successAt.getTime()) ? now : successAt) : null })
    .where(and(eq(paymentRefunds.id, refund.id), inArray(paymentRefunds.status, status === 'abnormal' ? ['processing'] : ['processing', 'abnormal'])))
    .returning()
  if (!changedRefund) return false
  const facts = await orderFacts(tx, refund.feeOrderId)
  if (!facts || facts.order.outTradeNo !== refund.outTradeNo) {
    // The refund of a duplicate payment: the order itself stays paid.
    if (facts && status === 'success') await paymentStep(tx, facts.order.caseId, `重复缴纳的${yuan(refund.amountFen)}已退还`, now)
    return false
  }
  if (status === 'abnormal') {
    await paymentStep(tx, facts.order.caseId, `退款异常（${refund.outRefundNo}），请窗口人员线下处理`, now)
    return false
  }
  const [changed] = await tx
    .update(feeOrders)
    .set({ status: status === 'success' ? 'refunded' : 'paid', updatedAt: now })
    .where(and(eq(feeOrders.id, refund.feeOrderId), inArray(feeOrders.status, ['paid', 'refunding'])))
    .returning()
  if (!changed) return false
  if (status === 'success') {
    await paymentStep(tx, changed.caseId, `已退款：${yuan(refund.amountFen)}，退款单号${refund.outRefundNo}`, now)
    if (facts.citizenId) {
      outbox.push(
        await notify(tx, {
          citizenId: facts.citizenId,
          caseId: changed.caseId,
          kind: 'caseStep',
          subject: { kind: 'payment', id: changed.id },
          title: '费用已退还',
          body: `您的办件（编号${facts.caseNumber}）缴纳的${yuan(refund.amountFen)}已原路退还（${refund.reason}）。`,
          facts: { status: '已退款', amountFen: refund.amountFen, note: refund.reason },
        }),
      )
    }
  } else {
    await paymentStep(tx, changed.caseId, `退款关闭（${refund.outRefundNo}），费用未退还`, now)
  }
  return true
}
