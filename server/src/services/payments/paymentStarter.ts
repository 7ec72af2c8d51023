/**
 * Starting a payment: the citizen picks JSAPI (mini-program), H5 (phone
 * browser) or native (QR on a desktop). One WeChat Pay order per start (its own
 * out_trade_no); a start of the same method while the last one is still
 * payable answers that one again (double taps, coming back to the page), and
 * any other open one is queried — settled if paid — and closed first, so a
 * citizen cannot pay twice in the normal course. Starts are limited per
 * citizen per hour (PAYMENT_START_HOURLY_LIMIT), counted in the database.
 */
import { and, asc, count, eq, gt } from 'drizzle-orm'
import type { PayMethod } from '../../../../types/enums'
import type { PayRequest, PayStart } from '../../../../types/payments'
import type { Db } from '../../db/client'
import { feeOrders, paymentAttempts, type CitizenRow, type PaymentAttemptRow } from '../../db/schema'
import { badRequest, conflict, unavailable } from '../../errors'
import { RateLimited } from '../limits/rateLimited'
import { WECHATPAY_NOT_AVAILABLE_MESSAGE, WechatPayApiError, type WechatPay } from '../../integrations/wechatpay/client'
import { shanghaiInstantLabel } from './timeLabels'
import type { FeeOrderService } from './feeOrderService'
import { newOutTradeNo } from './paymentNumbers'
import type { PaymentSync } from './paymentSync'
import { closeAttempt } from './settlement'
import type { PaymentSettings } from './settings'

/** WeChat Pay's h5_url lives 5 minutes; reuse it for less. */
const H5_URL_REUSE_MS = 4 * 60_000
/** A start needs this much payable time left to be answered again. */
const MIN_REMAINING_MS = 60_000
/** Another start of the same order this soon after one still talking to WeChat Pay waits. */
const IN_FLIGHT_MS = 15_000

export class PaymentStarter {
  constructor(
    private readonly db: Db,
    private readonly wechatPay: WechatPay | null,
    private readonly orders: FeeOrderService,
    private readonly sync: PaymentSync,
    private readonly settings: PaymentSettings,
  ) {}

  async start(citizen: CitizenRow, orderId: string, body: PayRequest, clientIp: string, now = new Date()): Promise<PayStart> {
    const pay = this.wechatPay
    if (!pay) throw unavailable(WECHATPAY_NOT_AVAILABLE_MESSAGE)
    const order = await this.orders.getMineFresh(citizen, orderId)
    if (order.status === 'paid' || order.status === 'refunding' || order.status === 'refunded') throw conflict('该缴款单已缴费，无需重复缴纳')
    if (order.status === 'cancelled') throw conflict('该缴款单已撤销，无需缴纳')
    if (order.status === 'expired' || order.deadlineAt <= now) throw conflict('该缴款单已超过限缴日期，请联系办理窗口重新开具')
    if (body.method === 'jsapi' && !citizen.wechatOpenid) throw conflict('请在微信小程序中用微信登录后再缴费', 'method')
    const redirect = body.method === 'h5' ? this.returnUrl(body.returnPath, orderId) : null

    const open = await this.db
      .select()
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.feeOrderId, orderId), eq(paymentAttempts.status, 'open')))
      .orderBy(asc(paymentAttempts.createdAt))
    const reusable = open.find((a) => this.reusable(a, body.method, now))
    if (reusable) return this.answer(reusable, redirect)
    if (open.some((a) => !a.prepayId && !a.h5Url && !a.codeUrl && now.getTime() - a.createdAt.getTime() < IN_FLIGHT_MS)) {
      throw conflict('正在发起支付，请稍候再试')
    }

    await this.checkRate(citizen, now)
    // Close every other open payment first; one that was paid settles the order.
    try {
      if (await this.sync.closeOpenAttempts(orderId, now)) throw conflict('该缴款单已缴费，无需重复缴纳')
    } catch (error) {
      if (error instanceof Error && 'statusCode' in error) throw error
      throw unavailable('微信支付暂时无法连接，请稍后再试')
    }

    const expiresAt = new Date(Math.min(order.deadlineAt.getTime(), now.getTime() + this.settings.attemptMinutes * 60_000))
    const attempt = await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(paymentAttempts)
        .values({ feeOrderId: orderId, citizenId: citizen.id, method: body.method, outTradeNo: newOutTradeNo(now), amountFen: order.amountFen, expiresAt })
        .returning()
      const [moved] = await tx
        .update(feeOrders)
        .set({ status: 'paying', updatedAt: now })
        .where(and(eq(feeOrders.id, orderId), eq(feeOrders.status, 'unpaid')))
        .returning({ id: feeOrders.id })
      if (!moved) throw conflict('该缴款单状态刚刚发生变化，请刷新后再试')
      return row
    })

    const input = {
      outTradeNo: attempt.outTradeNo,
      description: truncateBytes(`${order.matterName}-缴款单${order.noticeNumber}`, 127),
      amountFen: attempt.amountFen,
      expiresAt,
      attach: orderId,
    }
    try {
      let patch: Partial<PaymentAttemptRow>
      if (body.method === 'jsapi') patch = { prepayId: (await pay.jsapiOrder({ ...input, payerOpenid: citizen.wechatOpenid! })).prepayId }
      else if (body.method === 'h5') patch = { h5Url: (await pay.h5Order({ ...input, payerClientIp: clientIp })).h5Url }
      else patch = { codeUrl: (await pay.nativeOrder(input)).codeUrl }
      const [saved] = await this.db.update(paymentAttempts).set(patch).where(eq(paymentAttempts.id, attempt.id)).returning()
      return this.answer(saved, redirect)
    } catch (error) {
      if (error instanceof WechatPayApiError && !error.retryable) {
        // WeChat Pay refused the order: nothing exists there, so nothing can be paid.
        await this.db.transaction((tx) => closeAttempt(tx, attempt.id, orderId, now))
      }
      // Otherwise it may exist at WeChat Pay: it stays open and the reconcile job asks about it.
      throw unavailable('微信支付暂时无法下单，请稍后再试')
    }
  }

  private reusable(a: PaymentAttemptRow, method: PayMethod, now: Date): boolean {
    if (a.method !== method || a.expiresAt.getTime() - now.getTime() < MIN_REMAINING_MS) return false
    if (method === 'h5') return a.h5Url !== null && now.getTime() - a.createdAt.getTime() < H5_URL_REUSE_MS
    return method === 'jsapi' ? a.prepayId !== null : a.codeUrl !== null
  }

  private answer(a: PaymentAttemptRow, redirect: string | null): PayStart {
    const base = { orderId: a.feeOrderId, method: a.method, amountFen: a.amountFen, expiresAt: a.expiresAt.toISOString() }
    if (a.method === 'jsapi') {
      const { timeStamp, nonceStr, package: pkg, signType, paySign } = this.wechatPay!.miniProgramPayParams(a.prepayId!)
      return { ...base, params: { timeStamp, nonceStr, package: pkg, signType, paySign } }
    }
    if (a.method === 'h5') return { ...base, h5Url: redirect ? `${a.h5Url}&redirect_url=${encodeURIComponent(redirect)}` : a.h5Url! }
    return { ...base, codeUrl: a.codeUrl! }
  }

  /** The page WeChat's H5 cashier returns to: only an app page on the allow-list. */
  private returnUrl(path: string | undefined, orderId: string): string | null {
    const chosen = path ?? this.settings.returnPaths[0]
    if (!chosen || !this.settings.returnPaths.includes(chosen)) throw badRequest('支付完成后的返回页面不在允许范围内', 'returnPath')
    if (!this.settings.h5ReturnBase) return null
    return `${this.settings.h5ReturnBase}${chosen}?orderId=${orderId}`
  }

  private async checkRate(citizen: CitizenRow, now: Date): Promise<void> {
    const since = new Date(now.getTime() - 3_600_000)
    const [{ n }] = await this.db
      .select({ n: count() })
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.citizenId, citizen.id), gt(paymentAttempts.createdAt, since)))
    if (n < this.settings.startHourlyLimit) return
    const [oldest] = await this.db
      .select({ at: paymentAttempts.createdAt })
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.citizenId, citizen.id), gt(paymentAttempts.createdAt, since)))
      .orderBy(asc(paymentAttempts.createdAt))
      .limit(1)
    const until = new Date((oldest?.at ?? now).getTime() + 3_600_000)
    const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
    throw new RateLimited(`发起支付过于频繁（每小时最多${this.settings.startHourlyLimit}次），请于${shanghaiInstantLabel(until)}后再试`, retryAfter)
  }
}

function truncateBytes(text: string, max: number): string {
  let out = text
  while (Buffer.byteLength(out) > max) out = out.slice(0, -1)
  return out
}
