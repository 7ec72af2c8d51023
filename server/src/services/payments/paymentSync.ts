/**
 * Asking WeChat Pay and acting on the answer: the order query behind "never
 * paid-but-shown-unpaid", closing open payments, submitting and querying
 * refunds, and the periodic reconcile. Network calls happen outside
 * transactions; each answer is applied in a short transaction through
 * settlement.ts, so any number of callers may run this at once.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { CaseStatus } from '../../../../types/enums'
import type { Db } from '../../db/client'
import { cases, feeOrders, paymentAttempts, paymentRefunds, type PaymentAttemptRow, type PaymentRefundRow } from '../../db/schema'
import { WechatPayApiError, type WechatPay } from '../../integrations/wechatpay/client'
import type { NotificationService } from '../notifications/notificationService'
import { applyRefund, applyTransaction, closeAttempt, paymentStep, transactionMismatch, type Outbox } from './settlement'
import { outRefundNoFor, yuan } from './paymentNumbers'

/** Case statuses after which money paid for the case is given back (refused, not approved, withdrawn…). */
export const REFUND_CASE_STATUSES: readonly CaseStatus[] = ['cancelled', 'notAccepted', 'rejected', 'disapproved', 'withdrawn', 'revoked']

/** Open payments younger than this are left to their notification by the reconcile job. */
const NOTIFICATION_GRACE_MS = 60_000
/** The job asks about one open payment or refund at most this often. */
const RECHECK_MS = 60_000
const BATCH = 50

export interface ReconcileReport {
  checked: number
  settled: number
  expired: number
  refundsStarted: number
  refundsSettled: number
}

export type PaymentLog = (error: unknown, what: string) => void

export class PaymentSync {
  constructor(
    private readonly db: Db,
    private readonly wechatPay: WechatPay | null,
    private readonly notifications: NotificationService,
    private readonly log: PaymentLog = () => {},
  ) {}

  private async commit<T>(run: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], outbox: Outbox) => Promise<T>): Promise<T> {
    const outbox: Outbox = []
    const result = await this.db.transaction((tx) => run(tx, outbox))
    await this.notifications.dispatch(outbox)
    return result
  }

  /**
   * Asks WeChat Pay about one open payment and applies the answer. An order WeChat Pay
   * does not know (the create call never arrived) is closed. Returns 'paid' when the
   * payment turned out paid, 'open' while it may still be paid, 'closed' otherwise.
   */
  async checkAttempt(attempt: PaymentAttemptRow, now = new Date()): Promise<'paid' | 'open' | 'closed'> {
    if (!this.wechatPay) return 'open'
    let t
    try {
      t = await this.wechatPay.queryOrder(attempt.outTradeNo)
    } catch (error) {
      if (error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST') {
        await this.commit((tx) => closeAttempt(tx, attempt.id, attempt.feeOrderId, now))
        return 'closed'
      }
      throw error
    }
    const mismatch = transactionMismatch(attempt, t, this.wechatPay)
    if (mismatch) {
      // Never settle on an answer that is not about this payment; leave it for a person to look at.
      this.log(new Error(`WeChat Pay query answer does not match payment ${attempt.id}: ${mismatch}`), 'payment query mismatch')
      return 'open'
    }
    await this.commit((tx, outbox) => applyTransaction(tx, attempt, t, now, outbox))
    if (t.tradeState === 'SUCCESS' || t.tradeState === 'REFUND') return 'paid'
    return t.tradeState === 'NOTPAY' || t.tradeState === 'USERPAYING' ? 'open' : 'closed'
  }

  /** Settles an order in `paying` from WeChat Pay's record (GET of an order). Network trouble leaves it as it is. */
  async refreshOrder(orderId: string, now = new Date()): Promise<void> {
    const open = await this.db
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.feeOrderId, orderId), eq(paymentAttempts.status, 'open')))
    for (const attempt of open) {
      try {
        if ((await this.checkAttempt(attempt, now)) === 'paid') return
      } catch (error) {
        this.log(error, 'payment query failed')
      }
    }
  }

  /**
   * Closes every open payment of an order at WeChat Pay, after asking whether it was paid.
   * Returns true when one turned out paid (the order is then settled as paid). Throws when
   * WeChat Pay cannot be reached: the caller must not assume anything.
   */
  async closeOpenAttempts(orderId: string, now = new Date()): Promise<boolean> {
    const open = await this.db
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.feeOrderId, orderId), eq(paymentAttempts.status, 'open')))
    for (const attempt of open) {
      if (await this.closeAttempt(attempt, now)) return true
    }
    return false
  }

  private async closeAttempt(attempt: PaymentAttemptRow, now: Date): Promise<boolean> {
    const state = await this.checkAttempt(attempt, now)
    if (state === 'paid') return true
    if (state === 'closed' || !this.wechatPay) return false
    try {
      await this.wechatPay.closeOrder(attempt.outTradeNo)
    } catch (error) {
      // Paid between the query and the close: settle it from a fresh query.
      if (error instanceof WechatPayApiError && error.code === 'ORDERPAID') return (await this.checkAttempt(attempt, now)) === 'paid'
      if (!(error instanceof WechatPayApiError && error.code === 'ORDER_NOT_EXIST')) throw error
    }
    await this.commit((tx) => closeAttempt(tx, attempt.id, attempt.feeOrderId, now))
    return false
  }

  /** Sends a refund to WeChat Pay (the same out_refund_no every time) and applies the answer. */
  async submitRefund(refund: PaymentRefundRow, now = new Date()): Promise<boolean> {
    if (!this.wechatPay) return false
    const answer = await this.wechatPay.refund({
      outTradeNo: refund.outTradeNo,
      outRefundNo: refund.outRefundNo,
      refundFen: refund.amountFen,
      totalFen: refund.totalFen,
      reason: refund.reason,
    })
    return this.commit((tx, outbox) => applyRefund(tx, { ...refund, submittedAt: refund.submittedAt ?? now }, answer, now, outbox))
  }

  private async queryRefund(refund: PaymentRefundRow, now: Date): Promise<boolean> {
    if (!this.wechatPay) return false
    try {
      const answer = await this.wechatPay.queryRefund(refund.outRefundNo)
      return await this.commit((tx, outbox) => applyRefund(tx, refund, answer, now, outbox))
    } catch (error) {
      // WeChat Pay never got it (a lost request): send it again under the same number.
      if (error instanceof WechatPayApiError && error.code === 'RESOURCE_NOT_EXISTS') return this.submitRefund(refund, now)
      throw error
    }
  }

  /**
   * Refunds paid orders of cases that ended refused. The refund row is inserted once
   * (unique out_refund_no) and the order moves paid → refunding once.
   */
  async startCaseRefunds(now = new Date()): Promise<PaymentRefundRow[]> {
    const due = await this.db
      .select({ order: feeOrders, caseStatus: cases.status })
      .from(feeOrders)
      .innerJoin(cases, eq(cases.id, feeOrders.caseId))
      .where(and(eq(feeOrders.status, 'paid'), inArray(cases.status, [...REFUND_CASE_STATUSES])))
      .limit(BATCH)
    const started: PaymentRefundRow[] = []
    for (const { order } of due) {
      const refund = await this.db.transaction((tx) => openRefund(tx, order, '办件未获通过，费用原路退还', null, now))
      if (refund) started.push(refund)
    }
    return started
  }

  /** One reconcile pass. Safe to run on several instances at once: claims are conditional, settlement is idempotent. */
  async reconcile(now = new Date()): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, settled: 0, expired: 0, refundsStarted: 0, refundsSettled: 0 }
    if (!this.wechatPay) return report
    const guard = async (what: string, run: () => Promise<void>) => {
      try {
        await run()
      } catch (error) {
        this.log(error, what)
      }
    }

    // 1. Open payments whose notification is late or lost: ask WeChat Pay; close those past their time.
    const claimed = await this.db
      .update(paymentAttempts)
      .set({ checkedAt: now })
      .where(
        inArray(
          paymentAttempts.id,
          this.db
            .select({ id: paymentAttempts.id })
            .from(paymentAttempts)
            .where(
              and(
                eq(paymentAttempts.status, 'open'),
                lt(paymentAttempts.createdAt, new Date(now.getTime() - NOTIFICATION_GRACE_MS)),
                or(isNull(paymentAttempts.checkedAt), lt(paymentAttempts.checkedAt, new Date(now.getTime() - RECHECK_MS))),
              ),
            )
            .orderBy(asc(paymentAttempts.createdAt))
            .limit(BATCH)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning()
    for (const attempt of claimed) {
      report.checked++
      await guard('payment reconcile failed', async () => {
        const state = attempt.expiresAt <= now ? ((await this.closeAttempt(attempt, now)) ? 'paid' : 'closed') : await this.checkAttempt(attempt, now)
        if (state === 'paid') report.settled++
      })
    }

    // 2. Orders past their deadline: close what is open at WeChat Pay (settling any that was paid), then expire.
    const overdue = await this.db
      .select({ id: feeOrders.id, caseId: feeOrders.caseId, noticeNumber: feeOrders.noticeNumber })
      .from(feeOrders)
      .where(and(inArray(feeOrders.status, ['unpaid', 'paying']), lt(feeOrders.deadlineAt, now)))
      .limit(BATCH)
    for (const order of overdue) {
      await guard('payment expiry failed', async () => {
        if (await this.closeOpenAttempts(order.id, now)) return
        const expired = await this.db.transaction(async (tx) => {
          const [row] = await tx
            .update(feeOrders)
            .set({ status: 'expired', updatedAt: now })
            .where(
              and(
                eq(feeOrders.id, order.id),
                inArray(feeOrders.status, ['unpaid', 'paying']),
                sql`NOT EXISTS (SELECT 1 FROM ${paymentAttempts} WHERE ${paymentAttempts.feeOrderId} = ${order.id} AND ${paymentAttempts.status} = 'open')`,
              ),
            )
            .returning({ id: feeOrders.id })
          if (row) await paymentStep(tx, order.caseId, `缴款单${order.noticeNumber}已超过限缴日期未缴纳，已关闭`, now)
          return Boolean(row)
        })
        if (expired) report.expired++
      })
    }

    // 3. Refunds: start those of refused cases, (re)submit unsent ones, ask about those still processing.
    await guard('case refunds failed', async () => {
      report.refundsStarted += (await this.startCaseRefunds(now)).length
    })
    const pending = await this.db
      .update(paymentRefunds)
      .set({ checkedAt: now })
      .where(
        inArray(
          paymentRefunds.id,
          this.db
            .select({ id: paymentRefunds.id })
            .from(paymentRefunds)
            .where(
              and(
                eq(paymentRefunds.status, 'processing'),
                or(isNull(paymentRefunds.checkedAt), lt(paymentRefunds.checkedAt, new Date(now.getTime() - RECHECK_MS))),
              ),
            )
            .orderBy(asc(paymentRefunds.createdAt))
            .limit(BATCH)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning()
    for (const refund of pending) {
      await guard('refund reconcile failed', async () => {
        const changed = refund.submittedAt ? await this.queryRefund(refund, now) : await this.submitRefund(refund, now)
        if (changed) report.refundsSettled++
      })
    }
    return report
  }
}

/**
 * Opens the full refund of an order's payment inside `tx`: one row per payment
 * (out_refund_no from its out_trade_no), the order paid → refunding. Returns the
 * row when this call opened it, null when it was already open or the order not paid.
 */
export async function openRefund(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  order: typeof feeOrders.$inferSelect,
  reason: string,
  staffId: string | null,
  now: Date,
): Promise<PaymentRefundRow | null> {
  if (!order.outTradeNo) return null
  const outRefundNo = outRefundNoFor(order.outTradeNo)
  // A refund of this payment that WeChat Pay closed keeps its number: a person decides what next.
  const [earlier] = await tx.select({ id: paymentRefunds.id }).from(paymentRefunds).where(eq(paymentRefunds.outRefundNo, outRefundNo))
  if (earlier) return null
  const [moved] = await tx
    .update(feeOrders)
    .set({ status: 'refunding', updatedAt: now })
    .where(and(eq(feeOrders.id, order.id), eq(feeOrders.status, 'paid')))
    .returning()
  if (!moved) return null
  const [refund] = await tx
    .insert(paymentRefunds)
    .values({
      feeOrderId: moved.id,
      outTradeNo: order.outTradeNo,
      outRefundNo,
      amountFen: moved.amountFen,
      totalFen: moved.amountFen,
      reason,
      requestedBy: staffId,
    })
    .returning()
  await paymentStep(tx, moved.caseId, `发起退款：原路退还${yuan(moved.amountFen)}（${reason}），退款单号${outRefundNo}`, now, staffId)
  return refund
}
