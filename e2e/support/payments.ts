/**
 * Set-up of the payment journeys through the API: a walk-in case for the
 * citizen's phone, accepted by the window clerk, and (for the mini-program
 * smoke) a fee order on it.
 */
import assert from 'node:assert/strict'
import { api, type Stack } from './stack'

export const STAFF_PASSWORD = 'Paoyici@2026'

/** The app id the test server orders with (server/test/testApp.ts); the WeChat client adds it to requestPayment. */
export const TEST_APPID = 'wxtest0000000001'

export async function windowClerk(stack: Stack): Promise<{ token: string; expiresAt: string }> {
  const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'scjg.window', password: STAFF_PASSWORD } })
  assert.equal(login.status, 200, `POST /api/auth/staff ${JSON.stringify(login.body)}`)
  return { token: login.body.token, expiresAt: login.body.expiresAt }
}

/** A walk-in case for `applicant.phone`, accepted when the server offers 受理. */
export async function acceptedCase(stack: Stack, token: string, applicant: { name: string; idNumber: string; phone: string }): Promise<{ caseId: string; number: string }> {
  const matters = await api(stack, '/api/staff/matters?page=1&pageSize=50', { token })
  assert.equal(matters.status, 200)
  const registered = await api(stack, '/api/staff/cases', {
    method: 'POST',
    token,
    body: { matterId: matters.body.items[0].id, applicantName: applicant.name, applicantIdNumber: applicant.idNumber, applicantPhone: applicant.phone, delivery: { mode: 'hall' } },
  })
  assert.equal(registered.status, 200, `POST /api/staff/cases ${JSON.stringify(registered.body)}`)
  const caseId: string = registered.body.case.id
  if (registered.body.case.allowedActions.includes('accept')) {
    const accepted = await api(stack, `/api/staff/cases/${caseId}/actions`, { method: 'POST', token, body: { action: 'accept', comment: '' } })
    assert.equal(accepted.status, 200, `accept: ${JSON.stringify(accepted.body)}`)
  }
  return { caseId, number: registered.body.case.number }
}

/** 开具缴费单 through the API; the deadline is a week from today in China. */
export async function issueFee(stack: Stack, token: string, caseId: string, items: Array<{ name: string; unitFen: number; quantity: number; unit: string }>) {
  const deadline = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10)
  const created = await api(stack, '/api/staff/payments', { method: 'POST', token, body: { caseId, items, deadline, clientKey: `e2e-${caseId.slice(0, 8)}-${Date.now()}` } })
  assert.equal(created.status, 201, `POST /api/staff/payments ${JSON.stringify(created.body)}`)
  return created.body
}
