/** Shared steps for the rating tests: a citizen's completed case, ratings, the 差评 loop. */
import assert from 'node:assert/strict'
import type { RatingDetail, StaffBadRatingDetail } from '../../types/ratings'
import { actOk, registerCase } from './casesHelpers'
import { newCitizen, type Auth } from './appointmentsHelpers'
import type { TestApp } from './testApp'

export type Citizen = Auth & { id: string; phone: string }

export const sql = (t: TestApp, text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)

/** A walk-in case of the citizen, accepted and approved (办结) by the window: ready to rate. */
export async function completedCase(t: TestApp, window: Auth, matterId: string, citizen: Citizen, finish: 'approve' | 'disapprove' = 'approve') {
  const receipt = await registerCase(t, window, matterId, { applicantPhone: citizen.phone })
  await actOk(t, window, receipt.case.id, 'accept')
  await actOk(t, window, receipt.case.id, finish, finish === 'disapprove' ? '材料不符合法定条件' : '')
  return { id: receipt.case.id, number: receipt.case.number, password: receipt.queryPassword }
}

export const rate = (t: TestApp, h: Auth, payload: object) => t.app.inject({ method: 'POST', url: '/api/ratings', headers: h, payload })

export async function rateOk(t: TestApp, h: Auth, payload: object): Promise<RatingDetail> {
  const res = await rate(t, h, payload)
  assert.equal(res.statusCode, 201, res.body)
  return res.json()
}

export const good = (caseId: string) => ({ caseId, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
export const bad = (caseId: string) => ({ caseId, channel: 'mobile', level: 'veryDissatisfied', scores: { overall: 1 }, tags: ['slow'], text: '等了很久' })

export const staffPost = (t: TestApp, h: Auth, path: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/staff/ratings${path}`, headers: h, payload })

export async function staffPostOk(t: TestApp, h: Auth, path: string, payload: object = {}): Promise<StaffBadRatingDetail> {
  const res = await staffPost(t, h, path, payload)
  assert.equal(res.statusCode, 200, `${path}: ${res.body}`)
  return res.json()
}

export const rectification = { measures: '加强窗口人员培训，优化受理流程', reply: '非常抱歉给您带来不便，我们已整改，欢迎再次评价。' }

export { newCitizen }
