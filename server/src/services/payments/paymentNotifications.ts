/**
 * WeChat Pay notifications (支付/退款结果通知). Verified over the raw body
 * (signature with the key named by Wechatpay-Serial, 300 s timestamp window,
 * AES-256-GCM with its tag), then checked against our own record — out_trade_no
 * / out_refund_no known, mchid and appid ours, amount equal — before anything
 * changes. Anything failing answers 4xx (WeChat Pay retries; a forger gets
 * nothing) and changes nothing. A verified notification is recorded by its id
 * in the transaction that applies it, so repeats and in-window replays answer
 * 204 and change nothing.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { paymentAttempts, paymentNotifications, paymentRefunds } from '../../db/schema'
import {
  toRefund,
  toTransaction,
  WechatPayVerificationError,
  type WechatPay,
  type WechatPayNotification,
} from '../../integrations/wechatpay/client'
import type { NotificationService } from '../notifications/notificationService'
import { applyRefund, applyTransaction, transactionMismatch, type Outbox } from './settlement'

export type NotifyOutcome =
  | { status: 204; applied: boolean }
  | { status: 400 | 401 | 503; reason: string; message: string }

const reject = (status: 400 | 401 | 503, reason: string, message: string): NotifyOutcome => ({ status, reason, message })

export class PaymentNotificationHandler {
  constructor(
    private readonly db: Db,
    private readonly wechatPay: WechatPay | null,
    private readonly notifications: NotificationService,
  ) {}

  async handle(headers: Record<string, string | string[] | undefined>, rawBody: Buffer, now = new Date()): Promise<NotifyOutcome> {
    const pay = this.wechatPay
    if (!pay) return reject(503, 'not_configured', '未开通微信支付')
    let n: WechatPayNotification
    try {
      n = pay.verifyNotification(headers, rawBody)
    } catch (error) {
      if (error instanceof WechatPayVerificationError) {
        const status = error.reason === 'malformed' || error.reason === 'bad_ciphertext' ? 400 : 401
        return reject(status, error.reason, '验签或解密失败')
      }
      return reject(400, 'unverifiable', '验签或解密失败')
    }

    if (n.eventType.startsWith('TRANSACTION.')) return this.transaction(n, pay, now)
    if (n.eventType.startsWith('REFUND.')) return this.refund(n, pay, now)
    // An event this service does not act on: acknowledged so WeChat Pay stops resending.
    return { status: 204, applied: false }
  }

  private async transaction(n: WechatPayNotification, pay: WechatPay, now: Date): Promise<NotifyOutcome> {
    let t
    try {
      t = toTransaction(n.resource)
    } catch {
      return reject(400, 'malformed', '通知内容不完整')
    }
    const [attempt] = await this.db.select().from(paymentAttempts).where(eq(paymentAttempts.outTradeNo, t.outTradeNo))
    if (!attempt) return reject(400, 'unknown_order', '订单不存在')
    const mismatch = transactionMismatch(attempt, t, pay)
    if (mismatch) return reject(400, `mismatch_${mismatch}`, '通知与订单不符')
    return this.once(n, t.outTradeNo, (tx, outbox) => applyTransaction(tx, attempt, t, now, outbox))
  }

  private async refund(n: WechatPayNotification, pay: WechatPay, now: Date): Promise<NotifyOutcome> {
    let r
    try {
      r = toRefund(n.resource)
    } catch {
      return reject(400, 'malformed', '通知内容不完整')
    }
    const [refund] = await this.db.select().from(paymentRefunds).where(eq(paymentRefunds.outRefundNo, r.outRefundNo))
    if (!refund) return reject(400, 'unknown_refund', '退款单不存在')
    if (typeof n.resource.mchid === 'string' && n.resource.mchid !== pay.mchId) return reject(400, 'mismatch_mchid', '通知与退款单不符')
    if (r.outTradeNo !== refund.outTradeNo) return reject(400, 'mismatch_out_trade_no', '通知与退款单不符')
    if (r.refundFen !== refund.amountFen || r.totalFen !== refund.totalFen) return reject(400, 'mismatch_amount', '通知与退款单不符')
    return this.once(n, r.outRefundNo, (tx, outbox) => applyRefund(tx, refund, r, now, outbox))
  }

  /** Records the notification id and applies it in one transaction; a seen id changes nothing. */
  private async once(
    n: WechatPayNotification,
    subject: string,
    apply: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], outbox: Outbox) => Promise<boolean>,
  ): Promise<NotifyOutcome> {
    const outbox: Outbox = []
    const applied = await this.db.transaction(async (tx) => {
      const [fresh] = await tx
        .insert(paymentNotifications)
        .values({ notificationId: n.id, eventType: n.eventType, subject })
        .onConflictDoNothing({ target: paymentNotifications.notificationId })
        .returning({ id: paymentNotifications.id })
      if (!fresh) return false
      return apply(tx, outbox)
    })
    await this.notifications.dispatch(outbox)
    return { status: 204, applied }
  }
}
