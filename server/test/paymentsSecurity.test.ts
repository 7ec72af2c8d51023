/** Payment authorisation: no one pays, sees or refunds another's order; payment starts are rate-limited. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { citizenCase, clientKey, issueOrder, openNativePayment, startPay, startPaymentsApp, todayPlus, type PaymentsApp } from './paymentsHelpers'
import { signInStaff } from './testApp'

let t: PaymentsApp
before(async () => {
  t = await startPaymentsApp({ PAYMENT_START_HOURLY_LIMIT: '3' })
})
after(() => t.close())

describe('authorisation matrix', () => {
  test('another citizen: the order does not exist for them (list, detail, pay, receipt)', async () => {
    const owner = await citizenCase(t)
    const other = await citizenCase(t)
    const order = await issueOrder(t, owner.staff, owner.caseId)
    for (const [method, url, payload] of [
      ['GET', `/api/payments/${order.id}`, undefined],
      ['GET', `/api/payments/${order.id}/receipt`, undefined],
      ['POST', `/api/payments/${order.id}/pay`, { method: 'native' }],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: other.citizen, ...(payload ? { payload } : {}) })
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`)
    }
    const list = await t.app.inject({ method: 'GET', url: `/api/payments?caseId=${owner.caseId}`, headers: other.citizen })
    assert.equal(list.json().total, 0)
    assert.equal([...t.pay.orders.values()].filter((o) => o.attach === order.id).length, 0, 'no WeChat Pay order was opened')
  })

  test("another department's staff: 404 on read, cancel, refund and on issuing for its case", async () => {
    const owner = await citizenCase(t, 'scjg')
    const order = await issueOrder(t, owner.staff, owner.caseId)
    const otherWindow = await signInStaff(t, 'rsj.window')
    const otherLead = await signInStaff(t, 'rsj.lead')
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/payments/${order.id}`, headers: otherWindow })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/cancel`, headers: otherWindow, payload: { reason: '不是我的' } })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: otherLead, payload: { reason: '不是我的' } })).statusCode, 404)
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/staff/payments',
      headers: otherWindow,
      payload: { caseId: owner.caseId, items: [{ name: '工本费', unitFen: 100, quantity: 1, unit: '' }], deadline: todayPlus(1), clientKey: clientKey() },
    })
    assert.equal(create.statusCode, 404)
    const list = await t.app.inject({ method: 'GET', url: `/api/staff/payments?caseId=${owner.caseId}`, headers: otherWindow })
    assert.equal(list.json().total, 0)
    const admin = await signInStaff(t, 'admin')
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/payments/${order.id}`, headers: admin })).statusCode, 200, 'admins see all')
  })

  test('roles: no token 401; a citizen on staff routes and staff on citizen routes 403; window staff cannot refund', async () => {
    const owner = await citizenCase(t)
    const order = await issueOrder(t, owner.staff, owner.caseId)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/payments/${order.id}` })).statusCode, 401)
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/staff/payments/${order.id}`, headers: owner.citizen })).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/payments/${order.id}/pay`, headers: owner.staff, payload: { method: 'native' } })).statusCode, 403)
    const refund = await t.app.inject({ method: 'POST', url: `/api/staff/payments/${order.id}/refund`, headers: owner.staff, payload: { reason: '窗口人员' } })
    assert.equal(refund.statusCode, 403)
  })
})

describe('rate limit', () => {
  test('new payment starts beyond the hourly limit answer 429 with a time; answering the same start again is free', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    await openNativePayment(t, citizen, order.id)
    assert.equal((await startPay(t, citizen, order.id, 'native')).statusCode, 200, 'the same QR again')
    assert.equal((await startPay(t, citizen, order.id, 'h5')).statusCode, 200)
    assert.equal((await startPay(t, citizen, order.id, 'native')).statusCode, 200)
    const limited = await startPay(t, citizen, order.id, 'h5')
    assert.equal(limited.statusCode, 429, limited.body)
    assert.match(limited.json().message, /每小时最多3次.*\d{2}:\d{2}后再试/)
  })
})
