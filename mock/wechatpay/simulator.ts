/**
 * A local stand-in for WeChat Pay APIv3 (api.mch.weixin.qq.com, 直连商户):
 * JSAPI / H5 / native orders, query, close, refund and refund query, with
 * the real cryptography — merchant request signatures are verified with the
 * merchant's public key, answers and notifications are signed with the
 * simulator's own platform key (a PUB_KEY_ID_… id or a certificate serial),
 * and notification resources are AES-256-GCM encrypted with the APIv3 key.
 *
 * It also plays the payer: an H5 cashier page (确认支付 / 取消), a native
 * "scan", and wx.requestPayment for JSAPI, and it plays the network:
 * notifications duplicated, delayed, out of order or lost (/__sim/switches).
 */
import { createPublicKey, createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listen } from '../listen'
import { cashierPage, resultPage } from './cashier'
import { encryptForMerchant, merchantSignatureValid, paySignValid, platformHeaders, readAuthorization } from './crypto'
import { fetchDeliver, Notifier, WECHATPAY_RETRY_DELAYS_MS, type Deliver, type Delivery, type NotificationSwitches, type SimNotification } from './notifier'

export type { Deliver, Delivery, NotificationSwitches, SimNotification } from './notifier'

export interface PlatformKey {
  /** What Wechatpay-Serial carries: `PUB_KEY_ID_…` (微信支付公钥) or a platform certificate's serial. */
  id: string
  privateKey: KeyObject | string
}

export interface WechatPaySimulatorOptions {
  mchId: string
  /** The appids bound to the merchant; orders under another appid are refused. */
  appIds: string[]
  /** 32 bytes. */
  apiV3Key: string
  /** Serial of the merchant API certificate the requests must name. */
  merchantSerial: string
  /** Verifies the merchant's request signatures and paySign. */
  merchantPublicKey: KeyObject | string
  /** Signing keys; the first signs until useKey(). Default: one generated RSA-2048 key with a PUB_KEY_ID_… id. */
  platformKeys?: PlatformKey[]
  port?: number
  host?: string
  /** Clock for signatures, timestamps windows, success times and expiry. */
  now?: () => number
  /** How notifications reach the merchant; default an HTTP POST to notify_url (tests may route into app.inject). */
  deliver?: Deliver
  /** After a failed delivery; default WeChat Pay's 15s/15s/30s/3m/… schedule. */
  retryDelaysMs?: number[]
  notifications?: Partial<NotificationSwitches>
  /** A refund becomes SUCCESS this long after it is accepted (default 0); 'manual' waits for completeRefund(). */
  refundCompletion?: number | 'manual'
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'
type TradeType = 'JSAPI' | 'MWEB' | 'NATIVE'

export interface SimOrder {
  appid: string
  mchid: string
  outTradeNo: string
  tradeType: TradeType
  description: string
  totalFen: number
  notifyUrl: string
  attach: string | null
  timeExpire: string | null
  payerOpenid: string | null
  payerClientIp: string | null
  state: TradeState
  transactionId: string | null
  successTime: string | null
  prepayId: string
  codeUrl: string | null
  createdAt: string
  refundedFen: number
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL'

export interface SimRefund {
  refundId: string
  outRefundNo: string
  outTradeNo: string
  transactionId: string
  reason: string | null
  notifyUrl: string | null
  refundFen: number
  totalFen: number
  status: RefundStatus
  createTime: string
  successTime: string | null
}

export interface WechatPaySimulator {
  url: string
  close(): Promise<void>
  mchId: string
  /** Orders by out_trade_no, and refunds by out_refund_no (also GET /__sim/orders). */
  orders: Map<string, SimOrder>
  refunds: Map<string, SimRefund>
  /** The current signing key's id and its public key (PEM), for the merchant's configuration. */
  platformKeyId: string
  platformPublicKeyPem: string
  /** Signs from now on with another of the configured keys (a rotation, or a switch to 微信支付公钥). */
  useKey(id: string): void
  /** The payer pays (any trade type). Throws when the order cannot be paid. */
  pay(outTradeNo: string, payerOpenid?: string): SimOrder
  /** Ends a 'manual' refund. */
  completeRefund(outRefundNo: string, status?: Exclude<RefundStatus, 'PROCESSING'>): SimRefund
  switches: NotificationSwitches
  setSwitches(next: Partial<NotificationSwitches>): NotificationSwitches
  notifications: SimNotification[]
  deliveries: Delivery[]
  /** Sends held (out-of-order) notifications, newest first by default. */
  flushNotifications(order?: 'newest-first' | 'oldest-first'): Promise<number>
  /** Replays an earlier notification byte for byte, old headers included. */
  redeliver(notificationId: string): Promise<number | 'network-error'>
  /** Waits until no notification is scheduled or in flight. */
  idle(): Promise<void>
  /** A signed, encrypted notification that is not sent: for tests that tamper with it. */
  buildNotification(eventType: string, resource: object): { headers: Record<string, string>; body: string }
  /** Faults for the next call(s) to a path prefix: an error answer, a dropped connection, a slow answer, or a corrupted signature. */
  failNext(pathPrefix: string, fault: Fault, times?: number): void
  /** Method and path with query of every protocol call, oldest first. */
  requestLog: Array<{ method: string; path: string; status: number }>
}

export type Fault =
  | { kind: 'error'; status: number; code: string; message?: string }
  | { kind: 'reset' }
  | { kind: 'slow'; ms: number }
  | { kind: 'tamper'; what: 'signature' | 'body' | 'serial' | 'timestamp' }

class Reply {
  constructor(
    public status: number,
    public body: unknown,
    public headers: Record<string, string> = {},
  ) {}
}

const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/
const OUT_REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/
const TRADE_STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
}
const REFUND_SUMMARY: Record<Exclude<RefundStatus, 'PROCESSING'>, string> = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭' }

const err = (status: number, code: string, message: string) => new Reply(status, { code, message })
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('')

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
}

function toKey(k: KeyObject | string, kind: 'public' | 'private'): KeyObject {
  if (typeof k !== 'string') return k
  return kind === 'public' ? createPublicKey(k) : createPrivateKey(k)
}

export async function startWechatPaySimulator(opts: WechatPaySimulatorOptions): Promise<WechatPaySimulator> {
  const now = opts.now ?? Date.now
  if (Buffer.byteLength(opts.apiV3Key) !== 32) throw new Error('apiV3Key must be 32 bytes')
  const merchantPublicKey = toKey(opts.merchantPublicKey, 'public')
  const keys = (opts.platformKeys?.length ? opts.platformKeys : [generatedKey(opts.mchId)]).map((k) => ({ id: k.id, privateKey: toKey(k.privateKey, 'private') }))
  let signingKey = keys[0]
  const orders = new Map<string, SimOrder>()
  const refunds = new Map<string, SimRefund>()
  const byPrepayId = new Map<string, string>()
  const byCodeUrl = new Map<string, string>()
  const faults: Array<{ prefix: string; fault: Fault }> = []
  const requestLog: WechatPaySimulator['requestLog'] = []
  const refundTimers = new Set<NodeJS.Timeout>()
  let baseUrl = ''

  const notifier = new Notifier((body) => platformHeaders(body, signingKey, now()), opts.deliver ?? fetchDeliver, now, opts.retryDelaysMs ?? WECHATPAY_RETRY_DELAYS_MS)
  if (opts.notifications) notifier.setSwitches(opts.notifications)

  /** The default payer of H5 and native orders: a stable openid under the first appid. */
  const defaultOpenid = `oSim${Buffer.from(`${opts.mchId}:payer`).toString('base64url').slice(0, 24)}`

  // ── Protocol side ──────────────────────────────────────────────────────

  function authenticate(req: IncomingMessage, rawUrl: string, body: string): Reply | null {
    const auth = readAuthorization(req.headers.authorization)
    if (!auth) return err(401, 'SIGN_ERROR', 'Authorization 头缺失或格式错误')
    if (auth.mchid !== opts.mchId) return err(401, 'SIGN_ERROR', '商户号与签名不匹配')
    if (auth.serial.toUpperCase() !== opts.merchantSerial.toUpperCase()) return err(401, 'SIGN_ERROR', '商户证书序列号有误')
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(now() / 1000 - Number(auth.timestamp)) > 300) return err(401, 'SIGN_ERROR', '请求时间戳已过期')
    if (!merchantSignatureValid(auth, req.method ?? '', rawUrl, body, merchantPublicKey)) return err(401, 'SIGN_ERROR', '签名错误')
    return null
  }

  function parseJson(body: string): Record<string, any> | Reply {
    try {
      const parsed: unknown = JSON.parse(body)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, any>
    } catch {
      // fall through
    }
    return err(400, 'PARAM_ERROR', '请求体不是合法的 JSON')
  }

  function createOrder(tradeType: TradeType, b: Record<string, any>): Reply {
    if (b.mchid !== opts.mchId) return err(400, 'MCH_NOT_EXISTS', '商户号不存在')
    if (typeof b.appid !== 'string' || !opts.appIds.includes(b.appid)) return err(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    if (typeof b.out_trade_no !== 'string' || !OUT_TRADE_NO.test(b.out_trade_no)) return err(400, 'PARAM_ERROR', '输入源“/body/out_trade_no”映射到字段“商户订单号”必填性规则校验失败')
    if (typeof b.description !== 'string' || !b.description || Buffer.byteLength(b.description) > 127) return err(400, 'PARAM_ERROR', '商品描述不合法')
    if (typeof b.notify_url !== 'string' || !/^https?:\/\/[^\s?#]+$/.test(b.notify_url)) return err(400, 'PARAM_ERROR', 'notify_url 不合法')
    const total = b.amount?.total
    if (!Number.isSafeInteger(total) || total <= 0) return err(400, 'PARAM_ERROR', '订单金额必须为正整数（分）')
    if (b.amount?.currency !== undefined && b.amount.currency !== 'CNY') return err(400, 'PARAM_ERROR', '币种只支持 CNY')
    if (b.time_expire !== undefined && (typeof b.time_expire !== 'string' || Number.isNaN(Date.parse(b.time_expire)))) return err(400, 'PARAM_ERROR', 'time_expire 格式错误')
    let payerOpenid: string | null = null
    let payerClientIp: string | null = null
    if (tradeType === 'JSAPI') {
      if (typeof b.payer?.openid !== 'string' || !b.payer.openid) return err(400, 'PARAM_ERROR', '缺少参数 payer.openid')
      payerOpenid = b.payer.openid
    }
    if (tradeType === 'MWEB') {
      if (typeof b.scene_info?.payer_client_ip !== 'string' || !b.scene_info.payer_client_ip) return err(400, 'PARAM_ERROR', '缺少参数 scene_info.payer_client_ip')
      if (typeof b.scene_info?.h5_info?.type !== 'string') return err(400, 'PARAM_ERROR', '缺少参数 scene_info.h5_info.type')
      payerClientIp = b.scene_info.payer_client_ip
    }
    const existing = orders.get(b.out_trade_no)
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return err(400, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') return err(400, 'ORDER_CLOSED', '该订单已关闭')
      const same =
        existing.tradeType === tradeType && existing.appid === b.appid && existing.totalFen === total && existing.description === b.description && existing.payerOpenid === payerOpenid
      if (!same) return err(400, 'INVALID_REQUEST', '201 商户订单号重复')
      return orderCreated(existing)
    }
    const prepayId = `wx${shanghai(now()).replace(/\D/g, '').slice(0, 14)}${randomBytes(10).toString('hex')}`
    const order: SimOrder = {
      appid: b.appid,
      mchid: b.mchid,
      outTradeNo: b.out_trade_no,
      tradeType,
      description: b.description,
      totalFen: total,
      notifyUrl: b.notify_url,
      attach: typeof b.attach === 'string' ? b.attach : null,
      timeExpire: b.time_expire ?? null,
      payerOpenid,
      payerClientIp,
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
      prepayId,
      codeUrl: tradeType === 'NATIVE' ? `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('base64url')}` : null,
      createdAt: new Date(now()).toISOString(),
      refundedFen: 0,
    }
    orders.set(order.outTradeNo, order)
    byPrepayId.set(prepayId, order.outTradeNo)
    if (order.codeUrl) byCodeUrl.set(order.codeUrl, order.outTradeNo)
    return orderCreated(order)
  }

  function orderCreated(order: SimOrder): Reply {
    if (order.tradeType === 'JSAPI') return new Reply(200, { prepay_id: order.prepayId })
    if (order.tradeType === 'NATIVE') return new Reply(200, { code_url: order.codeUrl })
    // Like wx.tenpay.com's checkmweb: the merchant appends &redirect_url=… itself.
    return new Reply(200, { h5_url: `${baseUrl}/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=${order.prepayId}&package=${digits(10)}` })
  }

  /** An order as the query API and TRANSACTION.SUCCESS resources show it. Unpaid orders carry no total, as on the real API. */
  function transactionJson(o: SimOrder): Record<string, unknown> {
    const paid = o.state === 'SUCCESS' || o.state === 'REFUND'
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.outTradeNo,
      ...(paid
        ? {
            transaction_id: o.transactionId,
            trade_type: o.tradeType,
            bank_type: 'OTHERS',
            success_time: o.successTime,
            payer: { openid: o.payerOpenid },
            amount: { total: o.totalFen, payer_total: o.totalFen, currency: 'CNY', payer_currency: 'CNY' },
          }
        : { amount: { payer_currency: 'CNY' } }),
      trade_state: o.state,
      trade_state_desc: TRADE_STATE_DESC[o.state],
      attach: o.attach ?? '',
      promotion_detail: [],
    }
  }

  function queryOrder(outTradeNo: string, q: URLSearchParams): Reply {
    if (q.get('mchid') !== opts.mchId) return err(400, 'PARAM_ERROR', 'mchid 与请求不符')
    const o = orders.get(outTradeNo)
    if (!o) return err(404, 'ORDER_NOT_EXIST', '订单不存在')
    return new Reply(200, transactionJson(o))
  }

  function closeOrder(outTradeNo: string, b: Record<string, any>): Reply {
    if (b.mchid !== opts.mchId) return err(400, 'PARAM_ERROR', 'mchid 与请求不符')
    const o = orders.get(outTradeNo)
    if (!o) return err(404, 'ORDER_NOT_EXIST', '订单不存在')
    if (o.state === 'SUCCESS' || o.state === 'REFUND') return err(400, 'ORDERPAID', '订单已支付，不能关单')
    o.state = 'CLOSED'
    return new Reply(204, null)
  }

  function refundJson(r: SimRefund): Record<string, unknown> {
    return {
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: r.transactionId,
      out_trade_no: r.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(r.successTime ? { success_time: r.successTime } : {}),
      create_time: r.createTime,
      status: r.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: r.totalFen,
        refund: r.refundFen,
        payer_total: r.totalFen,
        payer_refund: r.refundFen,
        settlement_refund: r.refundFen,
        settlement_total: r.totalFen,
        discount_refund: 0,
        currency: 'CNY',
        refund_fee: 0,
      },
      promotion_detail: [],
    }
  }

  function createRefund(b: Record<string, any>): Reply {
    if (typeof b.out_refund_no !== 'string' || !OUT_REFUND_NO.test(b.out_refund_no)) return err(400, 'PARAM_ERROR', 'out_refund_no 不合法')
    const order =
      typeof b.out_trade_no === 'string' ? orders.get(b.out_trade_no) : [...orders.values()].find((o) => o.transactionId !== null && o.transactionId === b.transaction_id)
    if (!order) return err(404, 'RESOURCE_NOT_EXISTS', '订单不存在')
    const refundFen = b.amount?.refund
    const totalFen = b.amount?.total
    if (!Number.isSafeInteger(refundFen) || refundFen <= 0 || !Number.isSafeInteger(totalFen)) return err(400, 'PARAM_ERROR', '退款金额必须为正整数（分）')
    if (b.amount?.currency !== 'CNY') return err(400, 'PARAM_ERROR', '币种只支持 CNY')
    if (b.notify_url !== undefined && (typeof b.notify_url !== 'string' || !/^https?:\/\/[^\s?#]+$/.test(b.notify_url))) return err(400, 'PARAM_ERROR', 'notify_url 不合法')
    const existing = refunds.get(b.out_refund_no)
    if (existing) {
      // Same refund number: never a second refund. The same request answers the same refund.
      if (existing.outTradeNo !== order.outTradeNo || existing.refundFen !== refundFen) return err(400, 'INVALID_REQUEST', '退款单号已存在且参数不一致')
      return new Reply(200, refundJson(existing))
    }
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return err(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    if (totalFen !== order.totalFen) return err(400, 'PARAM_ERROR', '订单金额与原订单不符')
    if (order.refundedFen + refundFen > order.totalFen) return err(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')
    const refund: SimRefund = {
      refundId: `50${digits(27)}`,
      outRefundNo: b.out_refund_no,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId ?? '',
      reason: typeof b.reason === 'string' ? b.reason : null,
      notifyUrl: typeof b.notify_url === 'string' ? b.notify_url : null,
      refundFen,
      totalFen,
      status: 'PROCESSING',
      createTime: shanghai(now()),
      successTime: null,
    }
    refunds.set(refund.outRefundNo, refund)
    order.refundedFen += refundFen
    order.state = 'REFUND'
    const completion = opts.refundCompletion ?? 0
    if (completion !== 'manual') {
      const timer = setTimeout(() => {
        refundTimers.delete(timer)
        if (refund.status === 'PROCESSING') completeRefund(refund.outRefundNo, 'SUCCESS')
      }, completion)
      timer.unref()
      refundTimers.add(timer)
    }
    return new Reply(200, refundJson(refund))
  }

  function queryRefund(outRefundNo: string): Reply {
    const r = refunds.get(outRefundNo)
    if (!r) return err(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
    return new Reply(200, refundJson(r))
  }

  // ── Payer and network side ─────────────────────────────────────────────

  function buildNotification(eventType: string, resource: object) {
    const refund = eventType.startsWith('REFUND.')
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: shanghai(now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: refund ? REFUND_SUMMARY[eventType.slice(7) as keyof typeof REFUND_SUMMARY] ?? '退款' : '支付成功',
      resource: encryptForMerchant(resource, opts.apiV3Key, refund ? 'refund' : 'transaction', refund ? 'refund' : 'transaction'),
    })
    return { headers: platformHeaders(body, signingKey, now()), body }
  }

  function notify(eventType: string, resource: Record<string, unknown>, url: string, outTradeNo: string, outRefundNo: string | null) {
    const { body } = buildNotification(eventType, resource)
    const id = (JSON.parse(body) as { id: string }).id
    notifier.enqueue({ id, eventType, url, body, outTradeNo, outRefundNo, createdAt: new Date(now()).toISOString() })
  }

  function pay(outTradeNo: string, payerOpenid?: string): SimOrder {
    const o = orders.get(outTradeNo)
    if (!o) throw new PayError('订单不存在')
    if (o.state === 'SUCCESS' || o.state === 'REFUND') throw new PayError('该订单已支付')
    if (o.state === 'CLOSED') throw new PayError('该订单已关闭')
    if (o.timeExpire && Date.parse(o.timeExpire) < now()) throw new PayError('订单已过期')
    if (o.tradeType === 'JSAPI' && payerOpenid && payerOpenid !== o.payerOpenid) throw new PayError('支付用户与下单用户不一致')
    o.state = 'SUCCESS'
    o.payerOpenid = o.payerOpenid ?? payerOpenid ?? defaultOpenid
    o.transactionId = `4200${digits(6)}${shanghai(now()).replace(/\D/g, '').slice(0, 8)}${digits(10)}`
    o.successTime = shanghai(now())
    notify('TRANSACTION.SUCCESS', transactionJson(o), o.notifyUrl, o.outTradeNo, null)
    return o
  }

  function completeRefund(outRefundNo: string, status: Exclude<RefundStatus, 'PROCESSING'> = 'SUCCESS'): SimRefund {
    const r = refunds.get(outRefundNo)
    if (!r) throw new Error(`no refund ${outRefundNo}`)
    if (r.status !== 'PROCESSING') return r
    r.status = status
    if (status === 'SUCCESS') r.successTime = shanghai(now())
    if (status === 'CLOSED') {
      const o = orders.get(r.outTradeNo)
      if (o) o.refundedFen -= r.refundFen
    }
    if (r.notifyUrl) {
      notify(
        `REFUND.${status}`,
        {
          mchid: opts.mchId,
          out_trade_no: r.outTradeNo,
          transaction_id: r.transactionId,
          out_refund_no: r.outRefundNo,
          refund_id: r.refundId,
          refund_status: r.status,
          ...(r.successTime ? { success_time: r.successTime } : {}),
          user_received_account: '支付用户零钱',
          amount: { total: r.totalFen, refund: r.refundFen, payer_total: r.totalFen, payer_refund: r.refundFen },
        },
        r.notifyUrl,
        r.outTradeNo,
        r.outRefundNo,
      )
    }
    return r
  }

  /** wx.requestPayment as the WeChat client does it: paySign checked with the merchant's public key, then the payer pays. */
  function requestPayment(b: Record<string, any>): Reply {
    const params = { appId: String(b.appId ?? ''), timeStamp: String(b.timeStamp ?? ''), nonceStr: String(b.nonceStr ?? ''), package: String(b.package ?? ''), paySign: String(b.paySign ?? '') }
    if (b.signType !== 'RSA') return new Reply(400, { errMsg: 'requestPayment:fail signType must be RSA' })
    if (!paySignValid(params, merchantPublicKey)) return new Reply(400, { errMsg: 'requestPayment:fail 支付验证签名失败' })
    const outTradeNo = byPrepayId.get(params.package.replace(/^prepay_id=/, ''))
    const o = outTradeNo ? orders.get(outTradeNo) : undefined
    if (!o || o.tradeType !== 'JSAPI') return new Reply(400, { errMsg: 'requestPayment:fail prepay_id 不存在' })
    if (o.appid !== params.appId) return new Reply(400, { errMsg: 'requestPayment:fail appId 与下单时不一致' })
    if (b.action === 'cancel') return new Reply(200, { errMsg: 'requestPayment:fail cancel' })
    try {
      pay(o.outTradeNo, typeof b.openid === 'string' ? b.openid : undefined)
    } catch (e) {
      return new Reply(400, { errMsg: `requestPayment:fail ${(e as Error).message}` })
    }
    return new Reply(200, { errMsg: 'requestPayment:ok', outTradeNo: o.outTradeNo })
  }

  function cashier(q: URLSearchParams): Reply {
    const outTradeNo = byPrepayId.get(q.get('prepay_id') ?? '')
    const o = outTradeNo ? orders.get(outTradeNo) : undefined
    if (!o || o.tradeType !== 'MWEB') return html(404, resultPage('订单不存在', '请返回商户页面重新发起支付'))
    if (o.state !== 'NOTPAY') return html(200, resultPage('无法支付', TRADE_STATE_DESC[o.state]))
    return html(200, cashierPage({ description: o.description, amountFen: o.totalFen, mchId: o.mchid, prepayId: o.prepayId, redirectUrl: q.get('redirect_url') ?? '' }))
  }

  function cashierAction(form: URLSearchParams): Reply {
    const outTradeNo = byPrepayId.get(form.get('prepay_id') ?? '')
    const redirect = form.get('redirect_url') ?? ''
    if (!outTradeNo) return html(404, resultPage('订单不存在', '请返回商户页面重新发起支付'))
    if (form.get('action') === 'confirm') {
      try {
        pay(outTradeNo)
      } catch (e) {
        return html(400, resultPage('支付失败', (e as Error).message))
      }
    }
    // WeChat's H5 cashier returns to redirect_url whatever happened; the merchant must query.
    if (/^https?:\/\//.test(redirect)) return new Reply(302, null, { location: redirect })
    return html(200, form.get('action') === 'confirm' ? resultPage('支付成功', '请返回商户页面查看结果') : resultPage('已取消支付', '请返回商户页面'))
  }

  function scan(b: Record<string, any>): Reply {
    const outTradeNo = byCodeUrl.get(String(b.codeUrl ?? ''))
    if (!outTradeNo) return new Reply(404, { message: '二维码无效' })
    try {
      const o = pay(outTradeNo, typeof b.openid === 'string' ? b.openid : undefined)
      return new Reply(200, { outTradeNo: o.outTradeNo, tradeState: o.state })
    } catch (e) {
      return new Reply(400, { message: (e as Error).message })
    }
  }

  const html = (status: number, text: string) => new Reply(status, text, { 'content-type': 'text/html; charset=utf-8' })

  async function simRoute(req: IncomingMessage, url: URL, body: string): Promise<Reply> {
    const path = url.pathname
    const json = () => (body ? parseJson(body) : {})
    const withJson = (fn: (b: Record<string, any>) => Reply | Promise<Reply>) => {
      const b = json()
      return b instanceof Reply ? b : fn(b)
    }
    if (path === '/__sim/orders' && req.method === 'GET') {
      return new Reply(200, [...orders.values()].map((o) => ({ ...o, refunds: [...refunds.values()].filter((r) => r.outTradeNo === o.outTradeNo) })))
    }
    if (path === '/__sim/switches' && req.method === 'GET') return new Reply(200, notifier.switches)
    if (path === '/__sim/switches' && req.method === 'POST') {
      return withJson((b) => {
        try {
          return new Reply(200, notifier.setSwitches(b))
        } catch (e) {
          return new Reply(400, { message: (e as Error).message })
        }
      })
    }
    if (path === '/__sim/notifications' && req.method === 'GET') return new Reply(200, { notifications: notifier.notifications.map(({ body: _b, ...n }) => n), deliveries: notifier.deliveries })
    if (path === '/__sim/notifications/flush' && req.method === 'POST') {
      return withJson(async (b) => new Reply(200, { sent: await notifier.flush(b.order === 'oldest-first' ? 'oldest-first' : 'newest-first') }))
    }
    const redeliver = /^\/__sim\/notifications\/([^/]+)\/redeliver$/.exec(path)
    if (redeliver && req.method === 'POST') {
      try {
        return new Reply(200, { outcome: await notifier.redeliver(decodeURIComponent(redeliver[1])) })
      } catch (e) {
        return new Reply(404, { message: (e as Error).message })
      }
    }
    if (path === '/__sim/request-payment' && req.method === 'POST') return withJson(requestPayment)
    if (path === '/__sim/native/scan' && req.method === 'POST') return withJson(scan)
    if (path === '/__sim/h5/pay' && req.method === 'POST') return cashierAction(new URLSearchParams(body))
    const payNow = /^\/__sim\/orders\/([^/]+)\/pay$/.exec(path)
    if (payNow && req.method === 'POST') {
      return withJson((b) => {
        try {
          return new Reply(200, transactionJson(pay(decodeURIComponent(payNow[1]), typeof b.openid === 'string' ? b.openid : undefined)))
        } catch (e) {
          return new Reply(400, { message: (e as Error).message })
        }
      })
    }
    const complete = /^\/__sim\/refunds\/([^/]+)\/complete$/.exec(path)
    if (complete && req.method === 'POST') {
      return withJson((b) => {
        const status = ['SUCCESS', 'ABNORMAL', 'CLOSED'].includes(b.status) ? b.status : 'SUCCESS'
        try {
          return new Reply(200, refundJson(completeRefund(decodeURIComponent(complete[1]), status)))
        } catch (e) {
          return new Reply(404, { message: (e as Error).message })
        }
      })
    }
    return new Reply(404, { message: 'unknown simulator endpoint' })
  }

  async function protocolRoute(req: IncomingMessage, rawUrl: string, url: URL, body: string): Promise<Reply> {
    const path = url.pathname
    const method = req.method ?? 'GET'
    const denied = authenticate(req, rawUrl, body)
    if (denied) return denied
    const b = method === 'POST' ? parseJson(body) : {}
    if (b instanceof Reply) return b
    const trade = /^\/v3\/pay\/transactions\/(jsapi|h5|native)$/.exec(path)
    if (trade && method === 'POST') return createOrder(({ jsapi: 'JSAPI', h5: 'MWEB', native: 'NATIVE' } as const)[trade[1] as 'jsapi' | 'h5' | 'native'], b)
    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path)
    if (close && method === 'POST') return closeOrder(decodeURIComponent(close[1]), b)
    const query = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path)
    if (query && method === 'GET') return queryOrder(decodeURIComponent(query[1]), url.searchParams)
    if (path === '/v3/refund/domestic/refunds' && method === 'POST') return createRefund(b)
    const refund = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path)
    if (refund && method === 'GET') return queryRefund(decodeURIComponent(refund[1]))
    return err(404, 'NOT_FOUND', '请求的资源不存在')
  }

  const server = createServer(async (req, res) => {
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, 'http://sim.invalid')
    try {
      if (req.method === 'OPTIONS') return send(res, new Reply(204, null))
      const body = await readText(req)
      if (url.pathname.startsWith('/__sim/')) return send(res, await simRoute(req, url, body))
      if (url.pathname === '/cgi-bin/mmpayweb-bin/checkmweb' && req.method === 'GET') return send(res, cashier(url.searchParams))
      if (!url.pathname.startsWith('/v3/')) return send(res, err(404, 'NOT_FOUND', '请求的资源不存在'))
      const index = faults.findIndex((f) => url.pathname.startsWith(f.prefix))
      const fault = index >= 0 ? faults.splice(index, 1)[0].fault : null
      if (fault?.kind === 'reset') {
        requestLog.push({ method: req.method ?? '', path: rawUrl, status: 0 })
        req.socket.destroy()
        return
      }
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms))
      const reply = fault?.kind === 'error' ? err(fault.status, fault.code, fault.message ?? 'simulated') : await protocolRoute(req, rawUrl, url, body)
      requestLog.push({ method: req.method ?? '', path: rawUrl, status: reply.status })
      sendSigned(res, reply, fault?.kind === 'tamper' ? fault.what : null)
    } catch {
      send(res, err(500, 'SYSTEM_ERROR', '系统错误'))
    }
  })

  /** 2xx protocol answers are signed over the exact bytes sent (an empty body for 204). */
  function sendSigned(res: ServerResponse, reply: Reply, tamper: 'signature' | 'body' | 'serial' | 'timestamp' | null) {
    const text = reply.body === null ? '' : JSON.stringify(reply.body)
    const headers: Record<string, string> = { 'Request-ID': randomUUID(), ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}) }
    if (reply.status < 300) {
      Object.assign(headers, platformHeaders(text, signingKey, tamper === 'timestamp' ? now() - 301_000 : now()))
      if (tamper === 'signature') headers['Wechatpay-Signature'] = Buffer.from(headers['Wechatpay-Signature'], 'base64').reverse().toString('base64')
      if (tamper === 'serial') headers['Wechatpay-Serial'] = 'PUB_KEY_ID_0000000000000000000000000000000000'
    }
    const sent = tamper === 'body' && text ? text.replace(/"(prepay_id|code_url|h5_url|trade_state|status)":"/, '"$1":"X') : text
    res.writeHead(reply.status, headers)
    res.end(sent)
  }

  const { url, close } = await listen(server, opts.port, opts.host)
  baseUrl = url

  return {
    url,
    async close() {
      // Scheduled sends and retries are dropped; sends already on the wire finish first.
      notifier.close()
      for (const t of refundTimers) clearTimeout(t)
      await notifier.idle()
      await close()
    },
    mchId: opts.mchId,
    orders,
    refunds,
    get platformKeyId() {
      return signingKey.id
    },
    get platformPublicKeyPem() {
      return createPublicKey(signingKey.privateKey).export({ type: 'spki', format: 'pem' }).toString()
    },
    useKey(id) {
      const next = keys.find((k) => k.id === id)
      if (!next) throw new Error(`no platform key ${id}`)
      signingKey = next
    },
    pay,
    completeRefund,
    get switches() {
      return notifier.switches
    },
    setSwitches: (next) => notifier.setSwitches(next),
    notifications: notifier.notifications,
    deliveries: notifier.deliveries,
    flushNotifications: (order) => notifier.flush(order),
    redeliver: (id) => notifier.redeliver(id),
    idle: () => notifier.idle(),
    buildNotification,
    failNext(prefix, fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ prefix, fault })
    },
    requestLog,
  }
}

class PayError extends Error {}

/** A fresh platform key under a PUB_KEY_ID_… id, as a merchant on 微信支付公钥 sees it. */
export function generatedKey(mchId: string): PlatformKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { id: `PUB_KEY_ID_01${mchId}${digits(20)}`, privateKey }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply): void {
  // Dev pages and browser tests on other origins drive /__sim/.
  res.setHeader('access-control-allow-origin', '*')
  res.setHeader('access-control-allow-headers', 'content-type')
  if (reply.status === 204 || reply.status === 302) {
    res.writeHead(reply.status, reply.headers).end()
    return
  }
  if (typeof reply.body === 'string') {
    res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...reply.headers }).end(reply.body)
    return
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers }).end(JSON.stringify(reply.body))
}
