/**
 * WechatPayClient against the WeChat Pay simulator (mock/wechatpay), whose
 * cryptography is a separate implementation: every call here is a merchant
 * signature the simulator verified and an answer the client verified.
 */
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto'
import { startWechatPaySimulator, type WechatPaySimulator } from '../../../../mock/wechatpay/simulator'
import { WechatPayApiError, WechatPayClient, WechatPayNetworkError, WechatPayVerificationError, toRefund, toTransaction, type WechatPayClientOptions } from './client'
import { loadPlatformKeys } from './keys'
import type { VerificationFailure } from './errors'
import {
  TEST_API_V3_KEY,
  TEST_APPID,
  TEST_MCHID,
  TEST_MERCHANT_PRIVATE_KEY_PEM,
  TEST_MERCHANT_PUBLIC_KEY_PEM,
  TEST_MERCHANT_SERIAL,
  TEST_PLATFORM_CERT_PEM,
  TEST_PLATFORM_CERT_SERIAL,
  TEST_PLATFORM_PRIVATE_KEY_PEM,
  TEST_PUB_KEY_ID,
  TEST_PUB_KEY_PEM,
  TEST_PUB_KEY_PRIVATE_KEY_PEM,
} from './testKeys'

const NOTIFY = 'https://pay.example.gov.cn/api/payments/wechat/notify'
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'
let seq = 0
const tradeNo = () => `T${Date.now()}${String(++seq).padStart(4, '0')}`

describe('WechatPayClient against the simulator', () => {
  let sim: WechatPaySimulator
  let now = Date.now()
  const received: Array<{ headers: Record<string, string>; body: string }> = []

  const client = (over: Partial<WechatPayClientOptions> = {}) =>
    new WechatPayClient({
      baseUrl: sim.url,
      mchId: TEST_MCHID,
      appId: TEST_APPID,
      apiV3Key: TEST_API_V3_KEY,
      merchantSerial: TEST_MERCHANT_SERIAL,
      merchantPrivateKey: createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM),
      // Both kinds side by side, as during WeChat Pay's switch from certificates to public keys.
      platformKeys: loadPlatformKeys({ publicKeyId: TEST_PUB_KEY_ID, publicKey: TEST_PUB_KEY_PEM, platformCerts: TEST_PLATFORM_CERT_PEM }),
      notifyUrl: NOTIFY,
      timeoutMs: 2000,
      now: () => now,
      ...over,
    })
  const order = (outTradeNo = tradeNo()) => ({ outTradeNo, description: '玉门市不动产登记费', amountFen: 8000 })

  async function rejection<E>(promise: Promise<unknown>, type: new (...a: any[]) => E): Promise<E> {
    const e = await promise.then(
      () => assert.fail('expected a rejection'),
      (x: unknown) => x,
    )
    assert.ok(e instanceof type, `expected ${type.name}, got ${String(e)}`)
    return e as E
  }

  before(async () => {
    sim = await startWechatPaySimulator({
      mchId: TEST_MCHID,
      appIds: [TEST_APPID],
      apiV3Key: TEST_API_V3_KEY,
      merchantSerial: TEST_MERCHANT_SERIAL,
      merchantPublicKey: TEST_MERCHANT_PUBLIC_KEY_PEM,
      platformKeys: [
        { id: TEST_PUB_KEY_ID, privateKey: TEST_PUB_KEY_PRIVATE_KEY_PEM },
        { id: TEST_PLATFORM_CERT_SERIAL, privateKey: TEST_PLATFORM_PRIVATE_KEY_PEM },
      ],
      now: () => now,
      deliver: async (_url, headers, body) => {
        received.push({ headers, body })
        return { status: 204 }
      },
    })
  })
  after(() => sim.close())
  beforeEach(() => {
    now = Date.now()
    received.length = 0
    sim.useKey(TEST_PUB_KEY_ID)
  })

  test('JSAPI order → prepay_id, paySign that verifies with the merchant public key, and the simulator accepts it', async () => {
    const c = client()
    const { outTradeNo } = order()
    const { prepayId } = await c.jsapiOrder({ ...order(outTradeNo), payerOpenid: OPENID, expiresAt: new Date(now + 15 * 60_000), attach: 'fee-1' })
    assert.match(prepayId, /^wx\w+$/)
    const params = c.miniProgramPayParams(prepayId)
    assert.equal(params.appId, TEST_APPID)
    assert.equal(params.package, `prepay_id=${prepayId}`)
    assert.equal(params.signType, 'RSA')
    assert.match(params.timeStamp, /^\d{10}$/)
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    assert.ok(createVerify('RSA-SHA256').update(message).verify(createPublicKey(TEST_MERCHANT_PUBLIC_KEY_PEM), params.paySign, 'base64'))

    assert.equal((await c.queryOrder(outTradeNo)).tradeState, 'NOTPAY')
    const res = await fetch(`${sim.url}/__sim/request-payment`, { method: 'POST', body: JSON.stringify({ ...params, openid: OPENID }) })
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as { errMsg: string }).errMsg, 'requestPayment:ok')
    const t = await c.queryOrder(outTradeNo)
    assert.deepEqual(
      { state: t.tradeState, total: t.totalFen, paid: t.payerTotalFen, openid: t.payerOpenid, type: t.tradeType, attach: t.attach, mch: t.mchId, app: t.appId },
      { state: 'SUCCESS', total: 8000, paid: 8000, openid: OPENID, type: 'JSAPI', attach: 'fee-1', mch: TEST_MCHID, app: TEST_APPID },
    )
    assert.match(t.transactionId ?? '', /^4200\d{24}$/)
  })

  test('an unpaid order answers NOTPAY without a total (as WeChat Pay does); close makes it CLOSED', async () => {
    const c = client()
    const { outTradeNo } = order()
    await c.nativeOrder(order(outTradeNo))
    const open = await c.queryOrder(outTradeNo)
    assert.equal(open.tradeState, 'NOTPAY')
    assert.equal(open.totalFen, null)
    assert.equal(open.transactionId, null)
    await c.closeOrder(outTradeNo)
    assert.equal((await c.queryOrder(outTradeNo)).tradeState, 'CLOSED')
    await c.closeOrder(outTradeNo) // idempotent
  })

  test('H5 order sends scene_info with the payer IP and h5_info Wap; native order gives a weixin:// code_url', async () => {
    const c = client()
    const h5 = await c.h5Order({ ...order(), payerClientIp: '203.0.113.7' })
    assert.match(h5.h5Url, /\/cgi-bin\/mmpayweb-bin\/checkmweb\?prepay_id=wx\w+&package=\d+$/)
    const native = await c.nativeOrder(order())
    assert.match(native.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/)
    const stored = [...sim.orders.values()].find((o) => o.tradeType === 'MWEB' && h5.h5Url.includes(o.prepayId))
    assert.equal(stored?.payerClientIp, '203.0.113.7')
    assert.equal(stored?.notifyUrl, NOTIFY)
  })

  test('unknown orders and refunds are typed 404s; a paid order cannot be closed or ordered again', async () => {
    const c = client()
    const missing = await rejection(c.queryOrder('NOSUCHORDER1'), WechatPayApiError)
    assert.deepEqual([missing.status, missing.code, missing.retryable], [404, 'ORDER_NOT_EXIST', false])
    assert.equal((await rejection(c.queryRefund('NOSUCHREFUND'), WechatPayApiError)).code, 'RESOURCE_NOT_EXISTS')
    const { outTradeNo } = order()
    await c.nativeOrder(order(outTradeNo))
    sim.pay(outTradeNo)
    assert.equal((await rejection(c.closeOrder(outTradeNo), WechatPayApiError)).code, 'ORDERPAID')
    assert.equal((await rejection(c.nativeOrder(order(outTradeNo)), WechatPayApiError)).code, 'ORDERPAID')
  })

  test('refund: accepted PROCESSING, idempotent by out_refund_no, SUCCESS by query, and never more than paid', async () => {
    const c = client({ refundNotifyUrl: `${NOTIFY}/refund` })
    const { outTradeNo } = order()
    await c.nativeOrder(order(outTradeNo))
    sim.pay(outTradeNo)
    const outRefundNo = `R${outTradeNo}`
    const first = await c.refund({ outTradeNo, outRefundNo, refundFen: 8000, totalFen: 8000, reason: '办件不予受理，退还费用' })
    assert.equal(first.outRefundNo, outRefundNo)
    assert.equal(first.refundFen, 8000)
    assert.ok(['PROCESSING', 'SUCCESS'].includes(first.status))
    const again = await c.refund({ outTradeNo, outRefundNo, refundFen: 8000, totalFen: 8000 })
    assert.equal(again.refundId, first.refundId)
    await sim.idle()
    const done = await c.queryRefund(outRefundNo)
    assert.equal(done.status, 'SUCCESS')
    assert.ok(done.successTime)
    assert.equal((await c.queryOrder(outTradeNo)).tradeState, 'REFUND')
    const over = await rejection(c.refund({ outTradeNo, outRefundNo: `${outRefundNo}b`, refundFen: 1, totalFen: 8000 }), WechatPayApiError)
    assert.equal(over.code, 'INVALID_REQUEST')
    // The refund notification went to the refund notify URL and decrypts to the refund.
    const note = received.map((r) => c.verifyNotification(r.headers, Buffer.from(r.body))).find((n) => n.eventType === 'REFUND.SUCCESS')
    assert.ok(note)
    assert.equal(toRefund(note.resource).outRefundNo, outRefundNo)
    assert.equal(sim.notifications.find((n) => n.eventType === 'REFUND.SUCCESS')?.url, `${NOTIFY}/refund`)
  })

  test('invalid inputs are refused before any request (fen must be integers)', async () => {
    const c = client()
    const before = sim.requestLog.length
    await rejection(c.nativeOrder({ ...order(), amountFen: 80.5 }), Error)
    await rejection(c.nativeOrder({ ...order(), amountFen: 0 }), Error)
    await rejection(c.nativeOrder({ ...order('bad no!') }), Error)
    await rejection(c.refund({ outTradeNo: 'T0000001', outRefundNo: 'R1', refundFen: 9000, totalFen: 8000 }), Error)
    assert.equal(sim.requestLog.length, before)
  })

  test('the payment notification verifies and decrypts to the order, under either key kind', async () => {
    const c = client()
    for (const keyId of [TEST_PUB_KEY_ID, TEST_PLATFORM_CERT_SERIAL]) {
      sim.useKey(keyId)
      received.length = 0
      const { outTradeNo } = order()
      await c.jsapiOrder({ ...order(outTradeNo), payerOpenid: OPENID })
      sim.pay(outTradeNo)
      await sim.idle()
      assert.equal(received.length, 1)
      assert.equal(received[0].headers['Wechatpay-Serial'], keyId)
      const n = c.verifyNotification(received[0].headers, Buffer.from(received[0].body))
      assert.equal(n.eventType, 'TRANSACTION.SUCCESS')
      assert.equal(n.resourceType, 'encrypt-resource')
      const t = toTransaction(n.resource)
      assert.deepEqual([t.outTradeNo, t.tradeState, t.totalFen, t.mchId, t.appId], [outTradeNo, 'SUCCESS', 8000, TEST_MCHID, TEST_APPID])
    }
  })

  test('a notification with tampered ciphertext, tag, body, serial, signature or an old timestamp is rejected', () => {
    const c = client()
    const { headers, body } = sim.buildNotification('TRANSACTION.SUCCESS', { out_trade_no: 'X' })
    const reason = (h: Record<string, string>, b: string) => {
      try {
        c.verifyNotification(h, Buffer.from(b))
        return 'accepted'
      } catch (e) {
        assert.ok(e instanceof WechatPayVerificationError)
        return e.reason
      }
    }
    assert.equal(reason(headers, body), 'accepted')
    const parsed = JSON.parse(body)
    const resign = (mutate: (b: any) => void) => {
      const copy = structuredClone(parsed)
      mutate(copy)
      // Re-signed by the platform key: only the encryption can catch these.
      const text = JSON.stringify(copy)
      const h = platformResign(text, headers)
      return reason(h, text)
    }
    const flip = (b64: string, i: number) => {
      const bytes = Buffer.from(b64, 'base64')
      bytes[i < 0 ? bytes.length + i : i] ^= 1
      return bytes.toString('base64')
    }
    const expect: Array<[string, VerificationFailure]> = [
      [resign((b) => (b.resource.ciphertext = flip(b.resource.ciphertext, 0))), 'bad_ciphertext'],
      [resign((b) => (b.resource.ciphertext = flip(b.resource.ciphertext, -1))), 'bad_ciphertext'],
      [resign((b) => (b.resource.associated_data = 'refund')), 'bad_ciphertext'],
      [reason(headers, body.replace('TRANSACTION.SUCCESS', 'REFUND.SUCCESS')), 'bad_signature'],
      [reason({ ...headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0119999999999' }, body), 'unknown_serial'],
      [reason({ ...headers, 'Wechatpay-Serial': TEST_PLATFORM_CERT_SERIAL }, body), 'bad_signature'],
      [reason({ ...headers, 'Wechatpay-Signature': flip(headers['Wechatpay-Signature'], 5) }, body), 'bad_signature'],
    ]
    for (const [got, want] of expect) assert.equal(got, want)
    now += 301_000
    assert.equal(reason(headers, body), 'stale_timestamp')
    // The wrong APIv3 key cannot decrypt a well-signed notification.
    now -= 301_000
    const wrongKey = client({ apiV3Key: 'TestOnlyApiV3Key0123456789abcdeX' })
    assert.throws(() => wrongKey.verifyNotification(headers, Buffer.from(body)), (e: unknown) => e instanceof WechatPayVerificationError && e.reason === 'bad_ciphertext')
  })

  test('answers with a bad signature, foreign serial or old timestamp are refused (nothing in them is trusted)', async () => {
    const c = client()
    const cases: Array<['signature' | 'body' | 'serial' | 'timestamp', VerificationFailure]> = [
      ['signature', 'bad_signature'],
      ['body', 'bad_signature'],
      ['serial', 'unknown_serial'],
      ['timestamp', 'stale_timestamp'],
    ]
    for (const [what, reason] of cases) {
      sim.failNext('/v3/pay/transactions/native', { kind: 'tamper', what })
      const e = await rejection(c.nativeOrder(order()), WechatPayVerificationError)
      assert.equal(e.reason, reason, what)
    }
  })

  test('a client that knows only the certificate refuses answers signed with the public key, and vice versa', async () => {
    const certOnly = client({ platformKeys: loadPlatformKeys({ platformCerts: TEST_PLATFORM_CERT_PEM }) })
    assert.equal((await rejection(certOnly.nativeOrder(order()), WechatPayVerificationError)).reason, 'unknown_serial')
    sim.useKey(TEST_PLATFORM_CERT_SERIAL)
    await certOnly.nativeOrder(order())
  })

  test('the simulator refuses a request signed with another key, another serial, or 5 minutes off', async () => {
    const other = createPrivateKey(TEST_PUB_KEY_PRIVATE_KEY_PEM)
    for (const c of [client({ merchantPrivateKey: other }), client({ merchantSerial: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C' })]) {
      const e = await rejection(c.nativeOrder(order()), WechatPayApiError)
      assert.deepEqual([e.status, e.code], [401, 'SIGN_ERROR'])
    }
    const skewed = client({ now: () => now - 301_000 })
    assert.equal((await rejection(skewed.queryOrder('T00000001'), WechatPayApiError)).code, 'SIGN_ERROR')
  })

  test('5xx and 429 are retryable API errors; a dropped connection and a timeout are network errors', async () => {
    const c = client({ timeoutMs: 200 })
    sim.failNext('/v3/pay/transactions/out-trade-no/', { kind: 'error', status: 500, code: 'SYSTEM_ERROR', message: '系统错误' })
    const busy = await rejection(c.queryOrder('T00000001'), WechatPayApiError)
    assert.deepEqual([busy.status, busy.code, busy.retryable], [500, 'SYSTEM_ERROR', true])
    sim.failNext('/v3/pay/transactions/out-trade-no/', { kind: 'error', status: 429, code: 'FREQUENCY_LIMITED' })
    assert.equal((await rejection(c.queryOrder('T00000001'), WechatPayApiError)).retryable, true)
    sim.failNext('/v3/pay/transactions/out-trade-no/', { kind: 'reset' })
    assert.equal((await rejection(c.queryOrder('T00000001'), WechatPayNetworkError)).reason, 'network')
    sim.failNext('/v3/pay/transactions/out-trade-no/', { kind: 'slow', ms: 600 })
    const slow = await rejection(c.queryOrder('T00000001'), WechatPayNetworkError)
    assert.deepEqual([slow.reason, slow.retryable], ['timeout', true])
    const down = client({ baseUrl: 'http://127.0.0.1:1' })
    assert.equal((await rejection(down.queryOrder('T00000001'), WechatPayNetworkError)).reason, 'network')
  })

  /** Re-signs a modified body with the platform key, so that only the AES-GCM check stands between it and acceptance. */
  function platformResign(text: string, like: Record<string, string>): Record<string, string> {
    const key = like['Wechatpay-Serial'] === TEST_PUB_KEY_ID ? TEST_PUB_KEY_PRIVATE_KEY_PEM : TEST_PLATFORM_PRIVATE_KEY_PEM
    const signature = createSign('RSA-SHA256')
      .update(`${like['Wechatpay-Timestamp']}\n${like['Wechatpay-Nonce']}\n${text}\n`)
      .sign(createPrivateKey(key), 'base64')
    return { ...like, 'Wechatpay-Signature': signature }
  }
})
