/** Payment (缴费), happy paths through the WeChat Pay simulator: issue, pay three ways, receipt, lost notifications, expiry, refunds. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createPublicKey } from 'node:crypto'
import { paySignValid } from '../../mock/wechatpay/crypto'
import { TEST_APPID, TEST_MERCHANT_PUBLIC_KEY_PEM } from '../src/integrations/wechatpay/testKeys'
import { act, matterOf, registerCase } from './casesHelpers'
import {
  citizenCase,
  clientKey,
  getOrder,
  issueOrder,
  newPhone,
  openNativePayment,
  startPay,
  startPaymentsApp,
  todayPlus,
  type PaymentsApp,
} from './paymentsHelpers'
import { signInByPhone, signInStaff } from './testApp'

let t: PaymentsApp
before(async () => {
  t = await startPaymentsApp()
})
after(() => t.close())

const rows = (sql: string, params: unknown[] = []) => t.db.database.pool.query(sql, params).then((r) => r.rows)

describe('issuing a fee order', () => {
  test('staff of the department issue it; the citizen sees 待缴费 in the list, the message centre and the case timeline', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId, { unitFen: 1250, quantity: 2 })
    assert.equal(order.amountFen, 2500)
    assert.equal(order.status, 'unpaid')
    assert.match(order.noticeNumber, /^\d{18}$/)
    assert.equal(order.canCancel, true)
    assert.equal(order.canRefund, false, 'window staff never refund')

    const mine = await t.app.inject({ method: 'GET', url: `/api/payments?caseId=${caseId}`, headers: citizen })
    assert.equal(mine.statusCode, 200)
    assert.deepEqual(mine.json().items.map((o: any) => o.id), [order.id])
    const detail = await getOrder(t, citizen, order.id)
    assert.equal(detail.canPay, true)
    assert.match(detail.payerName, /\*/, 'the payer name is masked')

    const messages = await rows(`SELECT kind, subject_kind, subject_id, body FROM notifications WHERE subject_id = $1`, [order.id])
    assert.equal(messages.length, 1)
    assert.equal(messages[0].kind, 'paymentDue')
    assert.equal(messages[0].subject_kind, 'payment')
    assert.match(messages[0].body, /¥25\.00/)
    const caseDetail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: citizen })
    assert.ok(JSON.stringify(caseDetail.json()).includes(order.noticeNumber), 'the timeline names the notice')
  })

  test('a walk-in case of a citizen who signed up later: issuing links it by phone and tells them', async () => {
    const staff = await signInStaff(t, 'scjg.window')
    const phone = newPhone()
    const receipt = await registerCase(t, staff, await matterOf(t, 'scjg'), { applicantPhone: phone })
    const citizen = await signInByPhone(t, phone)
    const order = await issueOrder(t, staff, receipt.case.id)
    const mine = await t.app.inject({ method: 'GET', url: '/api/payments', headers: { authorization: citizen.authorization } })
    assert.deepEqual(mine.json().items.map((o: any) => o.id), [order.id])
    assert.equal((await rows(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND kind = 'paymentDue'`, [order.id]))[0].n, 1)
  })

  test('a repeated clientKey answers the same order; items from the matter are offered; a past deadline is refused', async () => {
    const { caseId, staff } = await citizenCase(t)
    const key = clientKey()
    const body = { caseId, items: [{ name: '登记费', unitFen: 8000, quantity: 1, unit: '每件' }], deadline: todayPlus(1), clientKey: key }
    const first = await t.app.inject({ method: 'POST', url: '/api/staff/payments', headers: staff, payload: body })
    const again = await t.app.inject({ method: 'POST', url: '/api/staff/payments', headers: staff, payload: body })
    assert.equal(first.statusCode, 201)
    assert.equal(again.statusCode, 200)
    assert.equal(again.json().id, first.json().id)
    assert.equal((await rows(`SELECT count(*)::int AS n FROM fee_orders WHERE client_key = $1`, [key]))[0].n, 1)

    const items = await t.app.inject({ method: 'GET', url: `/api/staff/payments/fee-items?caseId=${caseId}`, headers: staff })
    assert.equal(items.statusCode, 200, items.body)
    assert.ok(Array.isArray(items.json().items))

    const past = await t.app.inject({ method: 'POST', url: '/api/staff/payments', headers: staff, payload: { ...body, clientKey: clientKey(), deadline: todayPlus(-1) } })
    assert.equal(past.statusCode, 400)
    assert.equal(past.json().field, 'deadline')
    // A date the pattern lets through but the calendar has not (31 April) is refused too, not a 500.
    const noSuchDay = await t.app.inject({ method: 'POST', url: '/api/staff/payments', headers: staff, payload: { ...body, clientKey: clientKey(), deadline: '2031-04-31' } })
    assert.equal(noSuchDay.statusCode, 400, noSuchDay.body)
    assert.equal(noSuchDay.json().field, 'deadline')
    const zero = await t.app.inject({ method: 'POST', url: '/api/staff/payments', headers: staff, payload: { ...body, clientKey: clientKey(), items: [{ name: 'x', unitFen: 0, quantity: 1, unit: '' }] } })
    assert.equal(zero.statusCode, 400)
  })
})

describe('paying', () => {
  test('native: a QR code, the payer scans, the notification settles it once; receipt and timeline follow', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const outTradeNo = await openNativePayment(t, citizen, order.id)
    assert.equal((await getOrder(t, citizen, order.id)).status, 'paying')
    const early = await t.app.inject({ method: 'GET', url: `/api/payments/${order.id}/receipt`, headers: citizen })
    assert.equal(early.statusCode, 409)

    t.pay.pay(outTradeNo)
    await t.pay.idle()
    const paid = await getOrder(t, citizen, order.id)
    assert.equal(paid.status, 'paid')
    assert.equal(paid.payMethod, 'native')
    assert.ok(paid.transactionId)
    assert.equal(paid.canPay, false)

    const receipt = await t.app.inject({ method: 'GET', url: `/api/payments/${order.id}/receipt`, headers: citizen })
    assert.equal(receipt.statusCode, 200, receipt.body)
    const r = receipt.json()
    assert.equal(r.noticeNumber, order.noticeNumber)
    assert.equal(r.amountFen, order.amountFen)
    assert.equal(r.transactionId, paid.transactionId)
    assert.match(r.payerName, /\*/)
    assert.equal(r.items.length, 1)

    const steps = await rows(`SELECT comment, actor_kind FROM case_steps WHERE case_id = $1 AND comment LIKE '缴费成功%'`, [caseId])
    assert.equal(steps.length, 1)
    assert.equal(steps[0].actor_kind, 'system')
    const again = await startPay(t, citizen, order.id, 'native')
    assert.equal(again.statusCode, 409, 'a paid order is not paid twice')
  })

  test('jsapi: requestPayment params are signed with the merchant key (paySign verifies); needs a WeChat sign-in', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const phoneOnly = await startPay(t, citizen, order.id, 'jsapi')
    assert.equal(phoneOnly.statusCode, 409)
    assert.match(phoneOnly.json().message, /微信/)

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: t.wechat.mintLoginCode(`openid-pay-${process.pid}`) } })
    assert.equal(login.statusCode, 200, login.body)
    const wx = { authorization: `Bearer ${login.json().token}` }
    await t.db.database.pool.query(`UPDATE cases SET citizen_id = $2 WHERE id = $1`, [caseId, login.json().profile.id])

    const res = await startPay(t, wx, order.id, 'jsapi')
    assert.equal(res.statusCode, 200, res.body)
    const p = res.json().params
    assert.match(p.package, /^prepay_id=/)
    assert.equal(p.signType, 'RSA')
    assert.ok(paySignValid({ appId: TEST_APPID, ...p }, createPublicKey(TEST_MERCHANT_PUBLIC_KEY_PEM)), 'paySign verifies with the merchant public key')
    const repeat = await startPay(t, wx, order.id, 'jsapi')
    assert.equal(repeat.json().params.package, p.package, 'a double tap answers the same prepay_id')

    const prepayId = p.package.slice('prepay_id='.length)
    const simOrder = [...t.pay.orders.values()].find((o) => o.prepayId === prepayId)!
    t.pay.pay(simOrder.outTradeNo)
    await t.pay.idle()
    assert.equal((await getOrder(t, wx, order.id)).status, 'paid')
  })

  test('h5: an h5_url that returns to an allow-listed app page only', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const evil = await startPay(t, citizen, order.id, 'h5', 'https://evil.example/steal')
    assert.equal(evil.statusCode, 400)
    assert.equal(evil.json().field, 'returnPath')
    const res = await startPay(t, citizen, order.id, 'h5', '/packages/payment/pages/result/index')
    assert.equal(res.statusCode, 200, res.body)
    const url = new URL(res.json().h5Url)
    assert.equal(url.searchParams.get('redirect_url'), `https://app.paoyici.test/#/packages/payment/pages/result/index?orderId=${order.id}`)
  })

  test('switching method closes the earlier WeChat Pay order first', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const first = await openNativePayment(t, citizen, order.id)
    const h5 = await startPay(t, citizen, order.id, 'h5')
    assert.equal(h5.statusCode, 200, h5.body)
    assert.equal(t.pay.orders.get(first)!.state, 'CLOSED')
  })
})

describe('never paid-but-shown-unpaid', () => {
  test('a lost notification: the GET asks WeChat Pay and shows it paid', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const outTradeNo = await openNativePayment(t, citizen, order.id)
    t.pay.setSwitches({ lose: true })
    try {
      t.pay.pay(outTradeNo)
      await t.pay.idle()
      assert.equal((await rows(`SELECT status FROM fee_orders WHERE id = $1`, [order.id]))[0].status, 'paying', 'nothing arrived')
      assert.equal((await getOrder(t, citizen, order.id)).status, 'paid')
      assert.equal((await rows(`SELECT count(*)::int AS n FROM case_steps WHERE case_id = $1 AND comment LIKE '缴费成功%'`, [caseId]))[0].n, 1)
    } finally {
      t.pay.setSwitches({ lose: false })
    }
  })

  test('a lost notification: the reconcile job settles it (twice at once changes it once)', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const outTradeNo = await openNativePayment(t, citizen, order.id)
    t.pay.setSwitches({ lose: true })
    try {
      t.pay.pay(outTradeNo)
      await t.pay.idle()
      const later = new Date(Date.now() + 2 * 60_000)
      await Promise.all([t.app.services.payments.sync.reconcile(later), t.app.services.payments.sync.reconcile(later)])
      const row = (await rows(`SELECT status FROM fee_orders WHERE id = $1`, [order.id]))[0]
      assert.equal(row.status, 'paid')
      assert.equal((await rows(`SELECT count(*)::int AS n FROM case_steps WHERE case_id = $1 AND comment LIKE '缴费成功%'`, [caseId]))[0].n, 1)
      assert.equal((await rows(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1 AND title = '缴费成功'`, [order.id]))[0].n, 1)
    } finally {
      t.pay.setSwitches({ lose: false })
    }
  })

  test('an order past its deadline is closed at WeChat Pay and expires; one paid just before is settled instead', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const unpaid = await issueOrder(t, staff, caseId, { deadline: todayPlus(0) })
    const openTrade = await openNativePayment(t, citizen, unpaid.id)
    const paidLate = await issueOrder(t, staff, caseId, { deadline: todayPlus(0) })
    const paidTrade = await openNativePayment(t, citizen, paidLate.id)
    t.pay.setSwitches({ lose: true })
    try {
      t.pay.pay(paidTrade)
      await t.pay.idle()
    } finally {
      t.pay.setSwitches({ lose: false })
    }
    const report = await t.app.services.payments.sync.reconcile(new Date(Date.now() + 2 * 86_400_000))
    assert.ok(report.expired >= 1)
    assert.equal((await getOrder(t, citizen, unpaid.id)).status, 'expired')
    assert.equal(t.pay.orders.get(openTrade)!.state, 'CLOSED')
    assert.equal((await getOrder(t, citizen, paidLate.id)).status, 'paid', 'money taken is never shown unpaid')
    const pay = await startPay(t, citizen, unpaid.id, 'native')
    assert.equal(pay.statusCode, 409)
    assert.match(pay.json().message, /限缴日期/)
  })
})

describe('refunds', () => {
  test('a lead refunds; twice is one refund at WeChat Pay; the refund notification settles it', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    t.pay.pay(await openNativePayment(t, citizen, order.id))
    await t.pay.idle()
    const window = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: staff, payload: { reason: '多收费用' } })
    assert.equal(window.statusCode, 403, 'window staff do not refund')

    const lead = await signInStaff(t, 'scjg.lead')
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: lead, payload: { reason: '多收费用' } }),
      t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: lead, payload: { reason: '多收费用' } }),
    ])
    assert.deepEqual([a.statusCode, b.statusCode], [200, 200], `${a.body} ${b.body}`)
    await t.pay.idle()
    const after = await getOrder(t, citizen, order.id)
    const outTradeNo = after.refunds[0].outRefundNo.slice(1)
    assert.equal([...t.pay.refunds.values()].filter((r) => r.outTradeNo === outTradeNo).length, 1, 'one refund at WeChat Pay')
    assert.equal(after.status, 'refunded')
    assert.equal(after.refunds.length, 1)
    assert.equal(after.refunds[0].status, 'success')
    const receipt = await t.app.inject({ method: 'GET', url: `/api/payments/${order.id}/receipt`, headers: citizen })
    assert.equal(receipt.json().status, 'refunded', 'the receipt stays and says refunded')
    const again = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: lead, payload: { reason: '多收费用' } })
    assert.equal(again.statusCode, 200)
    assert.equal(again.json().refunds.length, 1)
  })

  test('a lost refund notification: the reconcile job asks WeChat Pay (queryRefund) and settles it', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    t.pay.pay(await openNativePayment(t, citizen, order.id))
    await t.pay.idle()
    const lead = await signInStaff(t, 'scjg.lead')
    t.pay.setSwitches({ lose: true })
    try {
      const res = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: lead, payload: { reason: '多收费用' } })
      assert.equal(res.statusCode, 200, res.body)
      await t.pay.idle()
      assert.equal((await getOrder(t, citizen, order.id)).status, 'refunding', 'no notification arrived')
      await t.app.services.payments.sync.reconcile(new Date(Date.now() + 2 * 60_000))
      assert.equal((await getOrder(t, citizen, order.id)).status, 'refunded')
    } finally {
      t.pay.setSwitches({ lose: false })
    }
  })

  test('a refund request lost on the network is sent again by the job under the same number, and refunds once', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    t.pay.pay(await openNativePayment(t, citizen, order.id))
    await t.pay.idle()
    const lead = await signInStaff(t, 'scjg.lead')
    t.pay.failNext('/v3/refund/domestic/refunds', { kind: 'reset' })
    const res = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: lead, payload: { reason: '多收费用' } })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().status, 'refunding')
    const outRefundNo = res.json().refunds[0].outRefundNo
    assert.equal(t.pay.refunds.has(outRefundNo), false, 'WeChat Pay never got it')
    await t.app.services.payments.sync.reconcile(new Date(Date.now() + 2 * 60_000))
    await t.app.services.payments.sync.reconcile(new Date(Date.now() + 4 * 60_000))
    await t.pay.idle()
    assert.equal(t.pay.refunds.get(outRefundNo)?.status, 'SUCCESS')
    assert.equal([...t.pay.refunds.values()].filter((r) => r.outRefundNo === outRefundNo).length, 1)
    assert.equal((await getOrder(t, citizen, order.id)).status, 'refunded')
  })

  test('a case refused after payment is refunded by the reconcile job, once', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    t.pay.pay(await openNativePayment(t, citizen, order.id))
    await t.pay.idle()
    const refused = await act(t, staff, caseId, 'notAccept', '不属于本部门受理范围')
    assert.equal(refused.statusCode, 200, refused.body)
    await Promise.all([t.app.services.payments.sync.reconcile(), t.app.services.payments.sync.reconcile()])
    await t.pay.idle()
    const after = await getOrder(t, citizen, order.id)
    assert.equal(after.status, 'refunded')
    assert.equal(after.refunds.length, 1)
    const outTradeNo = after.refunds[0].outRefundNo.slice(1)
    assert.equal([...t.pay.refunds.values()].filter((r) => r.outTradeNo === outTradeNo).length, 1)
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/staff/payments',
      headers: staff,
      payload: { caseId, items: [{ name: '工本费', unitFen: 100, quantity: 1, unit: '' }], deadline: todayPlus(1), clientKey: clientKey() },
    })
    assert.equal(create.statusCode, 409, 'no new fee order on a refused case')
  })

  test('a cancelled order closes its open WeChat Pay order and cannot be paid', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    const trade = await openNativePayment(t, citizen, order.id)
    const res = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/cancel`, headers: staff, payload: { reason: '收费项目有误，重新开具' } })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().status, 'cancelled')
    assert.equal(t.pay.orders.get(trade)!.state, 'CLOSED')
    assert.equal((await startPay(t, citizen, order.id, 'native')).statusCode, 409)
  })
})
