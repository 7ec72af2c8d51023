// The simulator's payer and network side: cashier, scan, requestPayment, refunds and the notification switches.
import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createPrivateKey, createSign } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import { listen } from '../listen'
import { startWechatPaySimulator, type WechatPaySimulator } from './simulator'
import { WechatPayClient, toRefund, toTransaction, type WechatPayNotification } from '../../server/src/integrations/wechatpay/client'
import { loadPlatformKeys } from '../../server/src/integrations/wechatpay/keys'
import {
  TEST_API_V3_KEY,
  TEST_APPID,
  TEST_MCHID,
  TEST_MERCHANT_PRIVATE_KEY_PEM,
  TEST_MERCHANT_PUBLIC_KEY_PEM,
  TEST_MERCHANT_SERIAL,
  TEST_PUB_KEY_ID,
  TEST_PUB_KEY_PEM,
  TEST_PUB_KEY_PRIVATE_KEY_PEM,
} from '../../server/src/integrations/wechatpay/testKeys'

const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'
let seq = 0
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (res: Response): Promise<any> => res.json()
const tradeNo = () => `S${Date.now()}${String(++seq).padStart(4, '0')}`

describe('WeChat Pay simulator', () => {
  let sim: WechatPaySimulator
  let client: WechatPayClient
  let now = Date.now()
  /** The merchant's notify endpoint: a real HTTP server (the simulator's default delivery is an HTTP POST). */
  let merchant: { url: string; close(): Promise<void> }
  const inbox: Array<{ headers: IncomingMessage['headers']; body: Buffer }> = []
  let answer = 204

  const verified = (): WechatPayNotification[] =>
    inbox.map((m) => client.verifyNotification(m.headers as Record<string, string>, m.body))
  const order = () => ({ outTradeNo: tradeNo(), description: '玉门市营业执照工本费', amountFen: 1050 })
  const simPost = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  before(async () => {
    const receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      inbox.push({ headers: req.headers, body: Buffer.concat(chunks) })
      res.writeHead(answer, answer >= 400 ? { 'content-type': 'application/json' } : {}).end(answer >= 400 ? '{"code":"FAIL","message":"失败"}' : undefined)
    })
    merchant = await listen(receiver)
    sim = await startWechatPaySimulator({
      mchId: TEST_MCHID,
      appIds: [TEST_APPID],
      apiV3Key: TEST_API_V3_KEY,
      merchantSerial: TEST_MERCHANT_SERIAL,
      merchantPublicKey: TEST_MERCHANT_PUBLIC_KEY_PEM,
      platformKeys: [{ id: TEST_PUB_KEY_ID, privateKey: TEST_PUB_KEY_PRIVATE_KEY_PEM }],
      now: () => now,
      retryDelaysMs: [20, 20],
    })
    client = new WechatPayClient({
      baseUrl: sim.url,
      mchId: TEST_MCHID,
      appId: TEST_APPID,
      apiV3Key: TEST_API_V3_KEY,
      merchantSerial: TEST_MERCHANT_SERIAL,
      merchantPrivateKey: createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM),
      platformKeys: loadPlatformKeys({ publicKeyId: TEST_PUB_KEY_ID, publicKey: TEST_PUB_KEY_PEM }),
      notifyUrl: `${merchant.url}/api/payments/wechat/notify`,
      now: () => now,
    })
  })
  after(async () => {
    await sim.close()
    await merchant.close()
  })
  beforeEach(async () => {
    await sim.idle()
    now = Date.now()
    inbox.length = 0
    answer = 204
    sim.setSwitches({ duplicates: 1, delayMs: 0, lose: false, outOfOrder: false, retry: true })
  })

  test('a hand-made request signature (not the client\'s code) is accepted; unsigned and mis-signed ones are 401 SIGN_ERROR', async () => {
    const path = `/v3/pay/transactions/out-trade-no/NOSUCHORDER1?mchid=${TEST_MCHID}`
    const ts = String(Math.floor(now / 1000))
    const nonce = 'A1B2C3D4E5F6A1B2C3D4E5F6A1B2C3D4'
    const sig = createSign('sha256').update(`GET\n${path}\n${ts}\n${nonce}\n\n`).sign(createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM), 'base64')
    const auth = (s: string) => `WECHATPAY2-SHA256-RSA2048 serial_no="${TEST_MERCHANT_SERIAL}",timestamp="${ts}",mchid="${TEST_MCHID}",nonce_str="${nonce}",signature="${s}"`
    const ok = await fetch(`${sim.url}${path}`, { headers: { authorization: auth(sig), accept: 'application/json' } })
    assert.equal(ok.status, 404) // signed correctly; the order just does not exist
    assert.equal((await json(ok)).code, 'ORDER_NOT_EXIST')
    const other = createSign('sha256').update(`GET\n${path}&x=1\n${ts}\n${nonce}\n\n`).sign(createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM), 'base64')
    for (const headers of [{}, { authorization: auth(other) }, { authorization: `Bearer ${sig}` }] as Record<string, string>[]) {
      const res = await fetch(`${sim.url}${path}`, { headers })
      assert.equal(res.status, 401)
      assert.equal((await json(res)).code, 'SIGN_ERROR')
    }
  })

  test('H5 cashier: the page shows 确认支付 and 取消; cancel returns unpaid, confirm pays, notifies and redirects back', async () => {
    const o = order()
    const { h5Url } = await client.h5Order({ ...o, payerClientIp: '198.51.100.4' })
    const back = 'http://127.0.0.1:10086/#/packages/payment/pages/result/index?id=1'
    const pageUrl = `${h5Url}&redirect_url=${encodeURIComponent(back)}`
    const page = await (await fetch(pageUrl)).text()
    assert.match(page, /确认支付/)
    assert.match(page, /取消/)
    assert.match(page, /¥10\.50/)
    const prepayId = new URL(h5Url).searchParams.get('prepay_id') ?? ''
    const form = (action: string) => new URLSearchParams({ prepay_id: prepayId, redirect_url: back, action })
    const cancel = await fetch(`${sim.url}/__sim/h5/pay`, { method: 'POST', body: form('cancel'), redirect: 'manual' })
    assert.equal(cancel.status, 302)
    assert.equal(cancel.headers.get('location'), back)
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'NOTPAY')
    const confirm = await fetch(`${sim.url}/__sim/h5/pay`, { method: 'POST', body: form('confirm'), redirect: 'manual' })
    assert.equal(confirm.status, 302)
    assert.equal(confirm.headers.get('location'), back)
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'SUCCESS')
    await sim.idle()
    const [n] = verified()
    assert.equal(toTransaction(n.resource).outTradeNo, o.outTradeNo)
    assert.equal(toTransaction(n.resource).tradeType, 'MWEB')
    // The page of a paid order no longer offers payment.
    assert.doesNotMatch(await (await fetch(pageUrl)).text(), /确认支付/)
  })

  test('native: the test "scans" the code_url, the order is paid once, an unknown code is 404', async () => {
    const o = order()
    const { codeUrl } = await client.nativeOrder(o)
    const scan = await simPost('/__sim/native/scan', { codeUrl, openid: OPENID })
    assert.equal(scan.status, 200)
    assert.deepEqual(await scan.json(), { outTradeNo: o.outTradeNo, tradeState: 'SUCCESS' })
    assert.equal((await simPost('/__sim/native/scan', { codeUrl })).status, 400)
    assert.equal((await simPost('/__sim/native/scan', { codeUrl: 'weixin://wxpay/bizpayurl?pr=nope' })).status, 404)
    assert.equal((await client.queryOrder(o.outTradeNo)).payerOpenid, OPENID)
  })

  test('requestPayment: a forged paySign, another payer or a cancel leaves the order unpaid; the signed one pays', async () => {
    const o = order()
    const { prepayId } = await client.jsapiOrder({ ...o, payerOpenid: OPENID })
    const params = client.miniProgramPayParams(prepayId)
    const forged = await simPost('/__sim/request-payment', { ...params, paySign: params.paySign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })
    assert.equal(forged.status, 400)
    assert.match((await json(forged)).errMsg, /签名/)
    const retimed = await simPost('/__sim/request-payment', { ...params, timeStamp: String(Number(params.timeStamp) + 1) })
    assert.equal(retimed.status, 400)
    assert.equal((await simPost('/__sim/request-payment', { ...params, openid: 'oSomeoneElse' })).status, 400)
    assert.equal((await json(await simPost('/__sim/request-payment', { ...params, action: 'cancel' }))).errMsg, 'requestPayment:fail cancel')
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'NOTPAY')
    assert.equal((await json(await simPost('/__sim/request-payment', params))).errMsg, 'requestPayment:ok')
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'SUCCESS')
  })

  test('an expired or closed order cannot be paid', async () => {
    const expiring = order()
    await client.nativeOrder({ ...expiring, expiresAt: new Date(now + 60_000) })
    now += 61_000
    assert.throws(() => sim.pay(expiring.outTradeNo), /过期/)
    const closed = order()
    await client.nativeOrder(closed)
    await client.closeOrder(closed.outTradeNo)
    assert.throws(() => sim.pay(closed.outTradeNo), /关闭/)
  })

  test('/__sim/orders shows orders with their refunds; /__sim/switches reads and sets the switches', async () => {
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await client.refund({ outTradeNo: o.outTradeNo, outRefundNo: `R${o.outTradeNo}`, refundFen: 50, totalFen: 1050 })
    const list = (await (await fetch(`${sim.url}/__sim/orders`)).json()) as Array<{ outTradeNo: string; state: string; refunds: unknown[] }>
    const mine = list.find((x) => x.outTradeNo === o.outTradeNo)
    assert.equal(mine?.state, 'REFUND')
    assert.equal(mine?.refunds.length, 1)
    assert.deepEqual(await (await simPost('/__sim/switches', { duplicates: 3 })).json(), { duplicates: 3, delayMs: 0, lose: false, outOfOrder: false, retry: true })
    assert.equal(((await (await fetch(`${sim.url}/__sim/switches`)).json()) as { duplicates: number }).duplicates, 3)
    assert.equal((await simPost('/__sim/switches', { duplicates: 0 })).status, 400)
  })

  test('duplicates: 10 copies of one notification, same id, each validly signed', async () => {
    sim.setSwitches({ duplicates: 10 })
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await sim.idle()
    const notes = verified()
    assert.equal(notes.length, 10)
    assert.equal(new Set(notes.map((n) => n.id)).size, 1)
    assert.ok(notes.every((n) => toTransaction(n.resource).outTradeNo === o.outTradeNo))
  })

  test('delayed: nothing arrives before delayMs, the notification arrives after it', async () => {
    sim.setSwitches({ delayMs: 150 })
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await new Promise((r) => setTimeout(r, 50))
    assert.equal(inbox.length, 0)
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'SUCCESS') // the query already knows
    await sim.idle()
    assert.equal(inbox.length, 1)
  })

  test('out of order: held notifications arrive newest first on flush (the refund before the payment)', async () => {
    sim.setSwitches({ outOfOrder: true })
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await client.refund({ outTradeNo: o.outTradeNo, outRefundNo: `R${o.outTradeNo}`, refundFen: 1050, totalFen: 1050 })
    await new Promise((r) => setTimeout(r, 20)) // the refund completes and its notification is held too
    assert.equal(inbox.length, 0)
    assert.equal((await json(await simPost('/__sim/notifications/flush', {}))).sent, 2)
    assert.deepEqual(verified().map((n) => n.eventType), ['REFUND.SUCCESS', 'TRANSACTION.SUCCESS'])
  })

  test('lost: nothing arrives, the order is still paid by query, and the log says lost', async () => {
    sim.setSwitches({ lose: true })
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await sim.idle()
    assert.equal(inbox.length, 0)
    assert.equal((await client.queryOrder(o.outTradeNo)).tradeState, 'SUCCESS')
    const log = (await (await fetch(`${sim.url}/__sim/notifications`)).json()) as { deliveries: Array<{ outTradeNo: string; outcome: unknown }> }
    assert.deepEqual(log.deliveries.filter((d) => d.outTradeNo === o.outTradeNo).map((d) => d.outcome), ['lost'])
  })

  test('a merchant answering 500 gets WeChat Pay\'s retries until one succeeds; retry:false sends once', async () => {
    answer = 500
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await sim.idle()
    assert.deepEqual(sim.deliveries.filter((d) => d.outTradeNo === o.outTradeNo).map((d) => [d.attempt, d.outcome]), [[1, 500], [2, 500], [3, 500]])
    // Each retry is signed afresh: a new nonce every time.
    assert.equal(new Set(inbox.map((m) => m.headers['wechatpay-nonce'])).size, 3)
    sim.setSwitches({ retry: false })
    const once = order()
    await client.nativeOrder(once)
    sim.pay(once.outTradeNo)
    await sim.idle()
    assert.equal(sim.deliveries.filter((d) => d.outTradeNo === once.outTradeNo).length, 1)
  })

  test('replay: redeliver sends the same bytes and headers; after 5 minutes the merchant must find it stale', async () => {
    const o = order()
    await client.nativeOrder(o)
    sim.pay(o.outTradeNo)
    await sim.idle()
    const id = sim.notifications.find((n) => n.outTradeNo === o.outTradeNo)?.id ?? ''
    const res = await simPost(`/__sim/notifications/${id}/redeliver`, {})
    assert.deepEqual(await res.json(), { outcome: 204 })
    assert.equal(inbox.length, 2)
    assert.deepEqual(inbox[1].body, inbox[0].body)
    assert.equal(inbox[1].headers['wechatpay-signature'], inbox[0].headers['wechatpay-signature'])
    now += 301_000
    assert.throws(() => verified(), /stale_timestamp/)
  })

  test('refund: a manual refund stays PROCESSING until completed; ABNORMAL is notified as REFUND.ABNORMAL', async () => {
    const manual = await startWechatPaySimulator({
      mchId: TEST_MCHID,
      appIds: [TEST_APPID],
      apiV3Key: TEST_API_V3_KEY,
      merchantSerial: TEST_MERCHANT_SERIAL,
      merchantPublicKey: TEST_MERCHANT_PUBLIC_KEY_PEM,
      platformKeys: [{ id: TEST_PUB_KEY_ID, privateKey: TEST_PUB_KEY_PRIVATE_KEY_PEM }],
      refundCompletion: 'manual',
    })
    try {
      const c = new WechatPayClient({ ...(client as any).opts, baseUrl: manual.url, now: Date.now })
      const o = order()
      await c.nativeOrder(o)
      manual.pay(o.outTradeNo)
      const outRefundNo = `R${o.outTradeNo}`
      assert.equal((await c.refund({ outTradeNo: o.outTradeNo, outRefundNo, refundFen: 1050, totalFen: 1050 })).status, 'PROCESSING')
      assert.equal((await c.queryRefund(outRefundNo)).status, 'PROCESSING')
      const done = await fetch(`${manual.url}/__sim/refunds/${outRefundNo}/complete`, { method: 'POST', body: JSON.stringify({ status: 'ABNORMAL' }) })
      assert.equal((await json(done)).status, 'ABNORMAL')
      await manual.idle()
      const refundNote = inbox.map((m) => c.verifyNotification(m.headers as Record<string, string>, m.body)).find((n) => n.eventType === 'REFUND.ABNORMAL')
      assert.ok(refundNote)
      assert.equal(toRefund(refundNote.resource).status, 'ABNORMAL')
      assert.equal((await c.queryRefund(outRefundNo)).status, 'ABNORMAL')
    } finally {
      await manual.close()
    }
  })

  test('orders are refused under a foreign appid or mchid, and a reused out_trade_no with other terms', async () => {
    const foreign = new WechatPayClient({ ...(client as any).opts, appId: 'wxforeign0000001' })
    await assert.rejects(foreign.nativeOrder(order()), /APPID_MCHID_NOT_MATCH/)
    const o = order()
    await client.nativeOrder(o)
    await client.nativeOrder(o) // the same order again is fine
    await assert.rejects(client.nativeOrder({ ...o, amountFen: 1 }), /INVALID_REQUEST/)
  })
})
