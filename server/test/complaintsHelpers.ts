/** Shared steps for the complaint tests: filing, photos, staff actions. */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { ComplaintDetail, ComplaintPhoto, StaffComplaintDetail } from '../../types/complaints'
import { JPEG, multipart } from './prereviewHelpers'
import { newCitizen, type Auth } from './appointmentsHelpers'
import type { TestApp } from './testApp'

export { newCitizen, JPEG }
export type Citizen = Auth & { id: string; phone: string }

export const sql = (t: TestApp, text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)

export const complaintBody = (o: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  kind: 'complaint',
  category: 'attitude',
  content: '窗口工作人员态度生硬，解释不耐心，希望改进。',
  ...o,
})

export const file = (t: TestApp, h: Auth, payload: object) => t.app.inject({ method: 'POST', url: '/api/complaints', headers: h, payload })

export async function fileOk(t: TestApp, h: Auth, o: Record<string, unknown> = {}): Promise<ComplaintDetail> {
  const res = await file(t, h, complaintBody(o))
  assert.equal(res.statusCode, 201, res.body)
  return res.json()
}

export function uploadPhoto(t: TestApp, h: Auth, data: Buffer = JPEG()) {
  const { body, contentType } = multipart([{ name: 'file', data, filename: 'photo.jpg', contentType: 'image/jpeg' }])
  return t.app.inject({ method: 'POST', url: '/api/complaints/photos', headers: { ...h, 'content-type': contentType }, payload: body })
}

export async function uploadPhotoOk(t: TestApp, h: Auth, data?: Buffer): Promise<ComplaintPhoto> {
  const res = await uploadPhoto(t, h, data)
  assert.equal(res.statusCode, 201, res.body)
  return res.json()
}

export const staffAct = (t: TestApp, h: Auth, id: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/actions`, headers: h, payload })

export async function staffActOk(t: TestApp, h: Auth, id: string, payload: object): Promise<StaffComplaintDetail> {
  const res = await staffAct(t, h, id, payload)
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export const REPLY = '您反映的情况已核实，我们已对相关人员进行批评教育并加强培训。'

export async function departmentId(t: TestApp, key: string): Promise<string> {
  const { rows } = await sql(t, `SELECT id FROM departments WHERE key = $1`, [key])
  assert.ok(rows[0], `department ${key}`)
  return rows[0].id
}
