/**
 * WeChat Pay notifications: anything that fails verification or does not match
 * our order is refused (4xx) and changes nothing; repeats answer 204 and change
 * the order once.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { platformHeaders } from '../../mock/wechatpay/crypto'
import { TEST_APPID, TEST_MCHID } from '../src/integrations/wechatpay/testKeys'
import { citizenCase, getOrder, issueOrder, openNativePayment, paymentFootprint, PLATFORM_KEY, type PaymentsApp, startPaymentsApp } from './paymentsHelpers'

let t: PaymentsApp
before(async () => {
  t = await startPaymentsApp()
})
after(() => t.close())

const post = (headers: Record<string, string>, body: string) =>
  t.app.inject({ method: 'POST', url: '/api/payments/wechat/notify', headers: { ...headers, 'content-type': 'application/json' }, payload: body })

/** What WeChat Pay sends when the order is paid (the decrypted resource). */
function paidResource(outTradeNo: string, totalFen: number, o: { mchid?: string; appid?: string } = {}) {
  return {
    mchid: o.mchid ?? TEST_MCHID,
    appid: o.appid ?? TEST_APPID,
    out_trade_no: outTradeNo,
    transaction_id: `42000000${Date.now()}`,
    trade_type: 'NATIVE',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: new Date().toISOString().slice(0, 19) + '+00:00',
    payer: { openid: 'oSomeone' },
    amount: { total: totalFen, payer_total: totalFen, currency: 'CNY', payer_currency: 'CNY' },
  }
}

/** A paying order and its WeChat Pay order number. */
async function payingOrder() {
  const { caseId, citizen, staff } = await citizenCase(t)
  const order = await issueOrder(t, staff, caseId)
  const outTradeNo = await openNativePayment(t, citizen, order.id)
  return { order, outTradeNo, citizen }
}

/** Re-signs a body we changed, so only the part under test is wrong. */
const resign = (body: string) => platformHeaders(body, PLATFORM_KEY, Date.now())

function tamperCiphertext(body: string, at: 'middle' | 'tag'): string {
  const parsed = JSON.parse(body)
  const bytes = Buffer.from(parsed.resource.ciphertext, 'base64')
  const i = at === 'tag' ? bytes.length - 1 : Math.floor((bytes.length - 16) / 2)
  bytes[i] ^= 0x01
  parsed.resource.ciphertext = bytes.toString('base64')
  return JSON.stringify(parsed)
}

describe('rejected notifications change nothing', () => {
  const cases: Array<[string, number, (outTradeNo: string, amountFen: number) => { headers: Record<string, string>; body: string }]> = [
    [
      'tampered ciphertext (re-signed)',
      400,
      (no, fen) => {
        const body = tamperCiphertext(t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen)).body, 'middle')
        return { headers: resign(body), body }
      },
    ],
    [
      'tampered GCM tag (re-signed)',
      400,
      (no, fen) => {
        const body = tamperCiphertext(t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen)).body, 'tag')
        return { headers: resign(body), body }
      },
    ],
    [
      'wrong serial',
      401,
      (no, fen) => {
        const n = t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen))
        return { headers: { ...n.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0119000000019999999999999999999999' }, body: n.body }
      },
    ],
    [
      'bad signature (body changed after signing)',
      401,
      (no, fen) => {
        const n = t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen))
        return { headers: n.headers, body: n.body.replace('"event_type"', '"event_type" ') }
      },
    ],
    [
      'stale timestamp (signed 10 minutes ago: a captured notification replayed)',
      401,
      (no, fen) => {
        t.simClockOffsetMs = -10 * 60_000
        try {
          return t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen))
        } finally {
          t.simClockOffsetMs = 0
        }
      },
    ],
    ['amount mismatch (validly signed)', 400, (no, fen) => t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen - 1))],
    ['another merchant id (validly signed)', 400, (no, fen) => t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen, { mchid: '1900000999' }))],
    ['another appid (validly signed)', 400, (no, fen) => t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen, { appid: 'wxother0000000001' }))],
    ['unknown out_trade_no (validly signed)', 400, (_no, fen) => t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource('P20260101000000999999999999', fen))],
    ['no signature headers at all', 401, (no, fen) => ({ headers: {}, body: t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(no, fen)).body })],
  ]

  for (const [name, status, make] of cases) {
    test(`${name} → ${status}`, async () => {
      const { order, outTradeNo } = await payingOrder()
      const before = await paymentFootprint(t, order.id)
      const { headers, body } = make(outTradeNo, order.amountFen)
      const res = await post(headers, body)
      assert.equal(res.statusCode, status, res.body)
      assert.equal(res.json().code, 'FAIL')
      assert.deepEqual(await paymentFootprint(t, order.id), before, 'nothing changed')
      assert.equal(before.order.status, 'paying')
    })
  }
})

describe('repeats', () => {
  test('10 duplicate notifications → all answered 204, one state change, one step, one message', async () => {
    const { order, outTradeNo } = await payingOrder()
    t.pay.setSwitches({ duplicates: 10 })
    try {
      t.pay.pay(outTradeNo)
      await t.pay.idle()
    } finally {
      t.pay.setSwitches({ duplicates: 1 })
    }
    const deliveries = t.pay.deliveries.filter((d) => d.outTradeNo === outTradeNo)
    assert.equal(deliveries.length, 10)
    assert.ok(deliveries.every((d) => d.outcome === 204), JSON.stringify(deliveries.map((d) => d.outcome)))
    const after = await paymentFootprint(t, order.id)
    assert.equal(after.order.status, 'paid')
    assert.equal(after.attempts.paid, 1)
    const steps = await t.db.database.pool.query(`SELECT count(*)::int AS n FROM case_steps WHERE case_id = $1 AND comment LIKE '缴费成功%'`, [order.caseId])
    assert.equal(steps.rows[0].n, 1)
    const msgs = await t.db.database.pool.query(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND title = '缴费成功'`, [order.id])
    assert.equal(msgs.rows[0].n, 1)
  })

  test('a replay of the same bytes inside the time window is answered 204 and changes nothing', async () => {
    const { order, outTradeNo } = await payingOrder()
    t.pay.pay(outTradeNo)
    await t.pay.idle()
    const sent = t.pay.notifications.find((n) => n.outTradeNo === outTradeNo)!
    const before = await paymentFootprint(t, order.id)
    assert.equal(before.order.status, 'paid')
    const replayed = await t.pay.redeliver(sent.id)
    assert.equal(replayed, 204)
    assert.deepEqual(await paymentFootprint(t, order.id), before)
  })

  test('a validly signed notification for a paid order from another payment of it is refunded, not double counted', async () => {
    const { order, outTradeNo, citizen } = await payingOrder()
    t.pay.pay(outTradeNo)
    await t.pay.idle()
    assert.equal((await getOrder(t, citizen, order.id)).status, 'paid')
    // A second WeChat Pay order of the same fee order, paid on another device before the first closed.
    const [second] = (
      await t.db.database.pool.query(
        `INSERT INTO payment_attempts (fee_order_id, citizen_id, method, out_trade_no, amount_fen, expires_at)
         SELECT id, (SELECT citizen_id FROM payment_attempts WHERE out_trade_no = $2), 'native', 'P20260101000000123456789012', amount_fen, now() + interval '10 minutes'
         FROM fee_orders WHERE id = $1 RETURNING out_trade_no`,
        [order.id, outTradeNo],
      )
    ).rows
    const n = t.pay.buildNotification('TRANSACTION.SUCCESS', paidResource(second.out_trade_no, order.amountFen))
    assert.equal((await post(n.headers, n.body)).statusCode, 204)
    const detail = await getOrder(t, citizen, order.id)
    assert.equal(detail.status, 'paid')
    assert.equal(detail.transactionId !== null, true)
    const refunds = await t.db.database.pool.query(`SELECT out_refund_no, reason FROM payment_refunds WHERE fee_order_id = $1`, [order.id])
    assert.deepEqual(refunds.rows, [{ out_refund_no: 'RP20260101000000123456789012', reason: '重复缴费，自动退还' }])
  })
})
