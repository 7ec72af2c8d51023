/**
 * WeChat Pay APIv3 (直连商户) client on node:crypto, for api.mch.weixin.qq.com
 * or mock/wechatpay, which speaks the same protocol. See README.md beside it.
 *
 * ── The interface services depend on (stable; additive changes only) ──────
 * Amounts are integer fen everywhere. Every method throws only the errors of
 * ./errors: WechatPayApiError (4xx/5xx `{code,message}`), WechatPayNetworkError
 * (no answer / timeout: retry with the same out_trade_no or query), and
 * WechatPayVerificationError (a response or notification that fails the
 * signature, timestamp, serial or decryption checks: trust nothing in it).
 */
import type { KeyObject } from 'node:crypto'
import { WechatPayApiError, WechatPayError, WechatPayNetworkError, WechatPayVerificationError } from './errors'
import { authorizationHeader, newNonce, unixSeconds } from './signing'
import { verifySignedMessage, type PlatformKeys } from './verify'
import { parseNotification } from './notification'
import { buildMiniProgramPayParams } from './payParams'
import { toRefund, toTransaction } from './resources'

export { WechatPayApiError, WechatPayError, WechatPayNetworkError, WechatPayVerificationError } from './errors'
export type { VerificationFailure } from './errors'
export { toRefund, toTransaction } from './resources'

/** What an order is for; the same fields for every trade type. */
export interface OrderInput {
  /** Merchant order number: 6–32 of [A-Za-z0-9_-|*], unique per merchant. Reuse it to retry the same order. */
  outTradeNo: string
  /** Shown to the payer (≤ 127 bytes), e.g. "玉门市不动产登记费". */
  description: string
  /** Integer fen, > 0. */
  amountFen: number
  /** Pay-by time; WeChat Pay refuses payment after it (sent as RFC 3339 in +08:00). */
  expiresAt?: Date
  /** Defaults to the client's notifyUrl. */
  notifyUrl?: string
  /** Echoed back in queries and notifications (≤ 128 chars). */
  attach?: string
}

export interface JsapiOrderInput extends OrderInput {
  /** The payer's openid under the client's appId (the mini-program). */
  payerOpenid: string
}

export interface H5OrderInput extends OrderInput {
  /** The citizen's IP as the server saw it (IPv4 or IPv6); WeChat Pay requires it. */
  payerClientIp: string
}

/** trade_state of an order. SUCCESS = paid; REFUND = paid, then (partly) refunded. */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'

/** An order as WeChat Pay reports it (query answer, or the resource of a TRANSACTION.SUCCESS notification). */
export interface WechatPayTransaction {
  appId: string
  mchId: string
  outTradeNo: string
  /** WeChat Pay's number; absent until paid. */
  transactionId: string | null
  tradeType: 'JSAPI' | 'NATIVE' | 'APP' | 'MICROPAY' | 'MWEB' | 'FACEPAY' | null
  tradeState: TradeState
  tradeStateDesc: string
  /** When it was paid (RFC 3339 string as sent), or null. */
  successTime: string | null
  payerOpenid: string | null
  /**
   * Order total in fen; null when WeChat Pay leaves it out, as it does for unpaid orders
   * (NOTPAY/CLOSED answers carry only `amount.payer_currency`). Compare amounts only when paid.
   */
  totalFen: number | null
  /** What the payer actually paid in fen (differs from total only with coupons); null until paid. */
  payerTotalFen: number | null
  currency: string
  attach: string | null
}

export interface RefundInput {
  outTradeNo: string
  /** Merchant refund number, unique per merchant (1–64 of [A-Za-z0-9_-|*@]); repeating it never refunds twice. */
  outRefundNo: string
  /** Integer fen to give back, 0 < refundFen ≤ totalFen. */
  refundFen: number
  /** The order's total in fen (WeChat Pay checks it). */
  totalFen: number
  /** Shown to the payer (≤ 80 chars), e.g. "办件不予受理，退还费用". */
  reason?: string
  /** Defaults to the client's refundNotifyUrl, else notifyUrl. */
  notifyUrl?: string
}

/** PROCESSING until the money is back; SUCCESS; CLOSED; ABNORMAL (e.g. the payer's card was cancelled — handle offline). */
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL'

/** A refund (answer of refund / queryRefund, or the resource of a REFUND.* notification). */
export interface WechatPayRefund {
  outRefundNo: string
  refundId: string
  outTradeNo: string
  transactionId: string
  status: RefundStatus
  successTime: string | null
  /** e.g. "支付用户零钱". */
  userReceivedAccount: string | null
  refundFen: number
  totalFen: number
  /** What went back to the payer; null when WeChat Pay did not say. */
  payerRefundFen: number | null
}

/** What wx.requestPayment / Taro.requestPayment takes, exactly. */
export interface MiniProgramPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

/** event_type of a notification. Anything else is passed through as a string. */
export type NotificationEventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED'

/** A verified, decrypted notification. Use toTransaction / toRefund on `resource` (they validate it). */
export interface WechatPayNotification {
  /** The notification's id: the same across WeChat Pay's repeats of one event. */
  id: string
  createTime: string
  eventType: NotificationEventType | string
  /** "encrypt-resource". */
  resourceType: string
  summary: string
  /** The decrypted JSON of `resource.ciphertext`. */
  resource: Record<string, unknown>
}

/** The surface the fee-order service depends on (a fake for tests implements this). */
export interface WechatPay {
  readonly mchId: string
  readonly appId: string
  /** Mini-program payment: returns the prepay_id (valid 2 hours) for miniProgramPayParams. */
  jsapiOrder(input: JsapiOrderInput): Promise<{ prepayId: string }>
  /** H5 payment in a phone browser outside WeChat: send the browser to h5Url (append `&redirect_url=<encoded>` to come back). */
  h5Order(input: H5OrderInput): Promise<{ h5Url: string }>
  /** Desktop: show codeUrl as a QR code and poll queryOrder. */
  nativeOrder(input: OrderInput): Promise<{ codeUrl: string }>
  /** The authoritative state. An unknown out_trade_no throws WechatPayApiError with code ORDER_NOT_EXIST (404). */
  queryOrder(outTradeNo: string): Promise<WechatPayTransaction>
  /** Closes an unpaid order (idempotent on WeChat Pay's side). A paid one throws WechatPayApiError ORDERPAID. */
  closeOrder(outTradeNo: string): Promise<void>
  refund(input: RefundInput): Promise<WechatPayRefund>
  /** An unknown out_refund_no throws WechatPayApiError with code RESOURCE_NOT_EXISTS (404). */
  queryRefund(outRefundNo: string): Promise<WechatPayRefund>
  /** Signs the parameters for wx.requestPayment with the merchant key (no network). */
  miniProgramPayParams(prepayId: string): MiniProgramPayParams
  /**
   * Verifies a notification over its RAW body bytes (register the route with a raw/Buffer body parser)
   * and decrypts its resource. Throws WechatPayVerificationError: answer 4xx and change nothing.
   */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): WechatPayNotification
}

/** Shown by services when payment is not configured (wechatPayFromConfig returned null). */
export const WECHATPAY_NOT_AVAILABLE_MESSAGE = '在线缴费暂未开通，请到办事大厅窗口缴费'

// ── Implementation ─────────────────────────────────────────────────────────

export interface WechatPayClientOptions {
  /** https://api.mch.weixin.qq.com in production; the simulator's url locally. */
  baseUrl: string
  mchId: string
  /** The appid orders are made under (the mini-program's; H5 and native need one too). */
  appId: string
  /** The 32-byte APIv3 key (notification decryption). */
  apiV3Key: string
  /** Serial number of the merchant API certificate (商户API证书序列号). */
  merchantSerial: string
  merchantPrivateKey: KeyObject
  /** WeChat Pay's verification keys by Wechatpay-Serial: platform certificate serials and/or PUB_KEY_ID_… ids. */
  platformKeys: PlatformKeys
  /** Default notify_url for orders (https in production). */
  notifyUrl: string
  refundNotifyUrl?: string
  /** Per request; default 10 s. */
  timeoutMs?: number
  /** Clock (ms) for signing timestamps and the 300 s window; tests move it. */
  now?: () => number
}

const USER_AGENT = 'paoyici-wechatpay/1 (node)'

type Json = Record<string, unknown>

export class WechatPayClient implements WechatPay {
  readonly mchId: string
  readonly appId: string
  private readonly baseUrl: string
  private readonly timeoutMs: number
  private readonly now: () => number

  constructor(private readonly opts: WechatPayClientOptions) {
    this.mchId = opts.mchId
    this.appId = opts.appId
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.timeoutMs = opts.timeoutMs ?? 10_000
    this.now = opts.now ?? Date.now
    if (Buffer.byteLength(opts.apiV3Key) !== 32) throw new WechatPayError('the APIv3 key must be 32 bytes')
  }

  async jsapiOrder(input: JsapiOrderInput): Promise<{ prepayId: string }> {
    const reply = await this.call('POST', '/v3/pay/transactions/jsapi', { ...this.orderBody(input), payer: { openid: input.payerOpenid } })
    return { prepayId: stringField(reply, 'prepay_id', '/v3/pay/transactions/jsapi') }
  }

  async h5Order(input: H5OrderInput): Promise<{ h5Url: string }> {
    const reply = await this.call('POST', '/v3/pay/transactions/h5', {
      ...this.orderBody(input),
      scene_info: { payer_client_ip: input.payerClientIp, h5_info: { type: 'Wap' } },
    })
    return { h5Url: stringField(reply, 'h5_url', '/v3/pay/transactions/h5') }
  }

  async nativeOrder(input: OrderInput): Promise<{ codeUrl: string }> {
    const reply = await this.call('POST', '/v3/pay/transactions/native', this.orderBody(input))
    return { codeUrl: stringField(reply, 'code_url', '/v3/pay/transactions/native') }
  }

  async queryOrder(outTradeNo: string): Promise<WechatPayTransaction> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(checkOutTradeNo(outTradeNo))}?mchid=${encodeURIComponent(this.mchId)}`
    return toTransaction(await this.call('GET', path))
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(checkOutTradeNo(outTradeNo))}/close`, { mchid: this.mchId })
  }

  async refund(input: RefundInput): Promise<WechatPayRefund> {
    checkOutTradeNo(input.outTradeNo)
    if (!/^[A-Za-z0-9_\-|*@]{1,64}$/.test(input.outRefundNo)) throw new WechatPayError('out_refund_no must be 1–64 of [A-Za-z0-9_-|*@]')
    checkFen(input.totalFen, 'totalFen')
    checkFen(input.refundFen, 'refundFen')
    if (input.refundFen > input.totalFen) throw new WechatPayError('refundFen exceeds totalFen')
    const reply = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      notify_url: input.notifyUrl ?? this.opts.refundNotifyUrl ?? this.opts.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    })
    return toRefund(reply)
  }

  async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
    if (!/^[A-Za-z0-9_\-|*@]{1,64}$/.test(outRefundNo)) throw new WechatPayError('out_refund_no must be 1–64 of [A-Za-z0-9_-|*@]')
    return toRefund(await this.call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`))
  }

  miniProgramPayParams(prepayId: string): MiniProgramPayParams {
    return buildMiniProgramPayParams(this.appId, prepayId, this.opts.merchantPrivateKey, { timeStamp: String(unixSeconds(this.now())), nonceStr: newNonce() })
  }

  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): WechatPayNotification {
    verifySignedMessage(headers, rawBody, this.opts.platformKeys, this.now())
    return parseNotification(rawBody, this.opts.apiV3Key)
  }

  private orderBody(input: OrderInput): Json {
    checkOutTradeNo(input.outTradeNo)
    checkFen(input.amountFen, 'amountFen')
    if (!input.description || Buffer.byteLength(input.description) > 127) throw new WechatPayError('description must be 1–127 bytes')
    return {
      appid: this.appId,
      mchid: this.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      ...(input.expiresAt ? { time_expire: rfc3339Shanghai(input.expiresAt) } : {}),
      ...(input.attach ? { attach: input.attach } : {}),
      notify_url: input.notifyUrl ?? this.opts.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
    }
  }

  /** One signed request; a 2xx answer is verified before anything in it is read. */
  private async call(method: 'GET' | 'POST', pathWithQuery: string, body?: Json): Promise<Json> {
    const endpoint = pathWithQuery.split('?')[0]
    const bodyText = body === undefined ? '' : JSON.stringify(body)
    const authorization = authorizationHeader({
      method,
      pathWithQuery,
      body: bodyText,
      mchId: this.mchId,
      serialNo: this.opts.merchantSerial,
      privateKey: this.opts.merchantPrivateKey,
      timestamp: unixSeconds(this.now()),
      nonce: newNonce(),
    })
    let res: Response
    try {
      res = await fetch(`${this.baseUrl}${pathWithQuery}`, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          'user-agent': USER_AGENT,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : bodyText,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
      throw new WechatPayNetworkError(timedOut ? 'timeout' : 'network', endpoint, { cause: err })
    }
    let raw: Buffer
    try {
      raw = Buffer.from(await res.arrayBuffer())
    } catch (err) {
      throw new WechatPayNetworkError('network', endpoint, { cause: err })
    }
    if (!res.ok) {
      // Error answers are not trusted for state; only their code is read.
      let code = `HTTP_${res.status}`
      let message = ''
      try {
        const parsed = JSON.parse(raw.toString('utf8')) as { code?: unknown; message?: unknown }
        if (typeof parsed.code === 'string') code = parsed.code
        if (typeof parsed.message === 'string') message = parsed.message
      } catch {
        // not JSON (a proxy's page): keep HTTP_<status>
      }
      throw new WechatPayApiError(res.status, code, message, endpoint)
    }
    const headers: Record<string, string> = {}
    res.headers.forEach((value, name) => (headers[name] = value))
    verifySignedMessage(headers, raw, this.opts.platformKeys, this.now())
    if (raw.length === 0) return {}
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'))
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      return parsed as Json
    } catch (err) {
      throw new WechatPayVerificationError('malformed', endpoint, { cause: err })
    }
  }
}

function stringField(reply: Json, name: string, endpoint: string): string {
  const value = reply[name]
  if (typeof value !== 'string' || !value) throw new WechatPayVerificationError('malformed', `${endpoint} without ${name}`)
  return value
}

function checkOutTradeNo(outTradeNo: string): string {
  if (!/^[A-Za-z0-9_\-|*]{6,32}$/.test(outTradeNo)) throw new WechatPayError('out_trade_no must be 6–32 of [A-Za-z0-9_-|*]')
  return outTradeNo
}

function checkFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new WechatPayError(`${name} must be a positive integer number of fen`)
}

/** 2026-06-08T10:34:56+08:00: WeChat Pay's time format. */
export function rfc3339Shanghai(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}
