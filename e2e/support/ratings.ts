/**
 * Set-up of the rating journey (e2e/rating-journey.test.ts) through the API:
 * a window clerk registers a walk-in case for the citizen's phone and takes it
 * to 办结, which is what makes a case rateable.
 */
import assert from 'node:assert/strict'
import { api, type Stack } from './stack'

export const STAFF_PASSWORD = 'Paoyici@2026'

export async function staffToken(stack: Stack, username: string): Promise<string> {
  const signIn = await api(stack, '/api/auth/staff', { method: 'POST', body: { username, password: STAFF_PASSWORD } })
  assert.equal(signIn.status, 200, `POST /api/auth/staff ${username}: ${JSON.stringify(signIn.body)}`)
  return signIn.body.token
}

/** Registers a walk-in case for `applicantPhone` and moves it through the server's allowed actions to 办结（通过）. */
export async function completedCase(stack: Stack, token: string, applicant: { name: string; idNumber: string; phone: string }) {
  const matters = await api(stack, '/api/staff/matters?page=1&pageSize=50', { token })
  assert.equal(matters.status, 200)
  const matter = matters.body.items[0]
  const registered = await api(stack, '/api/staff/cases', {
    method: 'POST',
    token,
    body: {
      matterId: matter.id,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      applicantPhone: applicant.phone,
      delivery: { mode: 'hall' },
    },
  })
  assert.equal(registered.status, 200, `POST /api/staff/cases ${JSON.stringify(registered.body)}`)
  const caseId: string = registered.body.case.id
  let detail = registered.body.case
  // 受理 → (开始办理 when the server asks for it) → 办结（通过）.
  for (let guard = 0; detail.status !== 'approved' && guard < 5; guard++) {
    const next = ['approve', 'startHandling', 'accept'].find((action) => detail.allowedActions.includes(action))
    assert.ok(next, `a way to 办结 from ${detail.status}: ${detail.allowedActions.join(', ')}`)
    const acted = await api(stack, `/api/staff/cases/${caseId}/actions`, { method: 'POST', token, body: { action: next, comment: '' } })
    assert.equal(acted.status, 200, `action ${next}: ${JSON.stringify(acted.body)}`)
    detail = acted.body
  }
  assert.equal(detail.status, 'approved')
  return { caseId, number: registered.body.case.number as string, password: registered.body.queryPassword as string, matterName: matter.name as string }
}
