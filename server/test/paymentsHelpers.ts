/**
 * The API with WeChat Pay wired to the protocol simulator (mock/wechatpay), its
 * notifications delivered into app.inject, and the steps every payment test
 * needs: a case of a department whose citizen is signed in, a fee order on it.
 */
import assert from 'node:assert/strict'
import { createPrivateKey } from 'node:crypto'
import { TEST_PUB_KEY_ID, TEST_PUB_KEY_PRIVATE_KEY_PEM } from '../src/integrations/wechatpay/testKeys'
import type { FeeOrderDetail } from '../../types/payments'
import { matterOf, registerCase } from './casesHelpers'
import { signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'

/** The key the simulator signs with (testApp configures it), for tests that re-sign a tampered body. */
export const PLATFORM_KEY = { id: TEST_PUB_KEY_ID, privateKey: createPrivateKey(TEST_PUB_KEY_PRIVATE_KEY_PEM) }

export interface PaymentsApp extends TestApp {
  /** Shifts the simulator's clock (signature timestamps, success times) by this many ms. */
  simClockOffsetMs: number
}

/** The test app (WeChat Pay simulator wired by testApp) with an H5 return base and a movable simulator clock. */
export async function startPaymentsApp(env: Record<string, string> = {}): Promise<PaymentsApp> {
  const clock = { offset: 0 }
  const t = await startTestApp(
    { PAYMENT_H5_RETURN_BASE: 'https://app.paoyici.test/#', ...env },
    { wechatPay: { now: () => Date.now() + clock.offset, retryDelaysMs: [] } },
  )
  const close = t.close.bind(t)
  Object.defineProperty(t, 'simClockOffsetMs', {
    get: () => clock.offset,
    set: (v: number) => {
      clock.offset = v
    },
  })
  t.close = async () => {
    await t.pay.idle()
    await close()
  }
  return t as PaymentsApp
}

export type Auth = { authorization: string }

let phoneSeq = 0
/** A fresh phone per call so tests never share a citizen. */
export function newPhone(): string {
  phoneSeq++
  return `1390${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq).padStart(4, '0')}`
}

/** A walk-in case of `departmentKey` whose applicant is a signed-in citizen (linked by phone). */
export async function citizenCase(t: TestApp, departmentKey = 'scjg'): Promise<{ caseId: string; citizen: Auth; staff: Auth; phone: string }> {
  const staff = await signInStaff(t, `${departmentKey}.window`)
  const phone = newPhone()
  const matterId = await matterOf(t, departmentKey)
  const receipt = await registerCase(t, staff, matterId, { applicantPhone: phone })
  const citizen = await signInByPhone(t, phone)
  // Opening "my cases" links walk-in cases registered with the citizen's phone.
  const list = await t.app.inject({ method: 'GET', url: '/api/cases', headers: { authorization: citizen.authorization } })
  assert.equal(list.statusCode, 200, list.body)
  return { caseId: caseIdOf(receipt), citizen: { authorization: citizen.authorization }, staff, phone }
}

function caseIdOf(receipt: any): string {
  return receipt.case?.id ?? receipt.id ?? receipt.caseId
}

let keySeq = 0
export const clientKey = () => `k${process.pid}x${++keySeq}x${Date.now()}`

export function todayPlus(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

export async function issueOrder(t: TestApp, staff: Auth, caseId: string, o: { unitFen?: number; quantity?: number; deadline?: string } = {}): Promise<FeeOrderDetail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/payments',
    headers: staff,
    payload: {
      caseId,
      items: [{ name: '工本费', unitFen: o.unitFen ?? 1250, quantity: o.quantity ?? 2, unit: '每本' }],
      deadline: o.deadline ?? todayPlus(3),
      clientKey: clientKey(),
    },
  })
  assert.equal(res.statusCode, 201, res.body)
  return res.json()
}

export async function startPay(t: TestApp, citizen: Auth, orderId: string, method: 'jsapi' | 'h5' | 'native', returnPath?: string) {
  return t.app.inject({ method: 'POST', url: `/api/payments/${orderId}/pay`, headers: citizen, payload: { method, ...(returnPath ? { returnPath } : {}) } })
}

/** Starts a native payment and returns the out_trade_no the simulator knows it by. */
export async function openNativePayment(t: PaymentsApp, citizen: Auth, orderId: string): Promise<string> {
  const res = await startPay(t, citizen, orderId, 'native')
  assert.equal(res.statusCode, 200, res.body)
  const codeUrl = res.json().codeUrl as string
  const order = [...t.pay.orders.values()].find((o) => o.codeUrl === codeUrl)
  assert.ok(order, 'the simulator holds the native order')
  return order.outTradeNo
}

export async function getOrder(t: TestApp, who: Auth, orderId: string, staff = false): Promise<FeeOrderDetail> {
  const res = await t.app.inject({ method: 'GET', url: `/api/${staff ? 'staff/' : ''}payments/${orderId}`, headers: who })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

/** Row counts that must not move when a notification is rejected. */
export async function paymentFootprint(t: TestApp, orderId: string) {
  const q = (sql: string) => t.db.database.pool.query(sql, [orderId]).then((r) => r.rows[0])
  return {
    order: await q(`SELECT status, out_trade_no, transaction_id, paid_at FROM fee_orders WHERE id = $1`),
    attempts: await q(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'paid')::int AS paid FROM payment_attempts WHERE fee_order_id = $1`),
    notifications: (await t.db.database.pool.query(`SELECT count(*)::int AS n FROM payment_notifications`)).rows[0].n,
    steps: await q(`SELECT count(*)::int AS n FROM case_steps WHERE case_id = (SELECT case_id FROM fee_orders WHERE id = $1)`),
    messages: await q(`SELECT count(*)::int AS n FROM notifications WHERE subject_id = $1::text`),
  }
}
