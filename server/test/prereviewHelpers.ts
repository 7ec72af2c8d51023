/** Shared steps for the pre-review tests: citizens with a real name, multipart uploads, drafts. */
import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import type { PrereviewDetail, PrereviewFile, PrereviewTarget, StaffPartDetail } from '../../types/prereviews'
import { json, signInByPhone, type TestApp } from './testApp'

export type Who = { authorization: string }

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A checksum-valid resident ID number, distinct per `n` (IDs are unique per account). */
export function residentId(n: number): string {
  const body = `620981${1960 + (n % 40)}0101${String(n % 1000).padStart(3, '0')}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]
  return body + '10X98765432'[sum % 11]
}

let citizens = 0
/** A citizen signed in by phone with a declared real name. */
export async function citizen(t: TestApp, name = '李小梅'): Promise<Who & { phone: string }> {
  citizens += 1
  const phone = `137${String(process.pid % 1000).padStart(3, '0')}${String(citizens).padStart(5, '0')}`
  const who = await signInByPhone(t, phone)
  const res = await t.app.inject({ method: 'PUT', url: '/api/me/real-name', headers: who, payload: { name, idNumber: residentId(citizens) } })
  assert.equal(res.statusCode, 200, res.body)
  return { authorization: who.authorization, phone }
}

export interface Part {
  name: string
  data: Buffer | string
  filename?: string
  contentType?: string
}

/** A multipart/form-data body built by hand, exactly as a browser or wx.uploadFile sends it. */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----pyc${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

export const JPEG = (size = 4096) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)])

export async function attach(t: TestApp, who: Who, prereviewId: string, slotKey: string, data: Buffer = JPEG()): Promise<PrereviewFile> {
  const { body, contentType } = multipart([{ name: 'file', data, filename: 'page.jpg', contentType: 'image/jpeg' }])
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/prereviews/${prereviewId}/materials/${slotKey}/files`,
    headers: { ...who, 'content-type': contentType },
    payload: body,
  })
  assert.equal(res.statusCode, 201, res.body)
  return json(res)
}

export async function matterIdOf(t: TestApp, key: string): Promise<string> {
  const { rows } = await t.db.database.pool.query(`SELECT id FROM matters WHERE key = $1`, [key])
  assert.ok(rows[0], key)
  return rows[0].id
}

export async function bundleIdOf(t: TestApp, key: string): Promise<string> {
  const { rows } = await t.db.database.pool.query(`SELECT id FROM bundles WHERE key = $1`, [key])
  assert.ok(rows[0], key)
  return rows[0].id
}

export async function draft(t: TestApp, who: Who, target: PrereviewTarget, clientKey = randomUUID()): Promise<PrereviewDetail> {
  const res = await t.app.inject({ method: 'POST', url: '/api/prereviews', headers: who, payload: { clientKey, target } })
  assert.equal(res.statusCode, 201, res.body)
  return json(res)
}

/** Fills every required field with a valid value and chooses hall delivery. */
export async function fill(t: TestApp, who: Who, d: PrereviewDetail): Promise<PrereviewDetail> {
  const fields: Record<string, string> = {}
  for (const f of d.form) {
    if (!f.required) continue
    fields[f.key] = f.kind === 'select' ? f.options![0] : f.kind === 'number' ? '5' : f.kind === 'date' ? '2026-11-01' : '测试内容'
  }
  const res = await t.app.inject({ method: 'PATCH', url: `/api/prereviews/${d.id}`, headers: who, payload: { fields, delivery: { mode: 'hall' } } })
  assert.equal(res.statusCode, 200, res.body)
  return json(res)
}

/** A complete draft: fields filled and one page on every material, submitted. */
export async function submitted(t: TestApp, who: Who, target: PrereviewTarget): Promise<PrereviewDetail> {
  const d = await fill(t, who, await draft(t, who, target))
  for (const m of d.materials) await attach(t, who, d.id, m.slot.key)
  const res = await t.app.inject({ method: 'POST', url: `/api/prereviews/${d.id}/submit`, headers: who, payload: {} })
  assert.equal(res.statusCode, 200, res.body)
  return json(res)
}

export const staffPart = (t: TestApp, who: Who, partId: string, action = '', payload?: object, method: 'GET' | 'POST' | 'PUT' = action ? 'POST' : 'GET') =>
  t.app.inject({ method, url: `/api/staff/prereviews/${partId}${action}`, headers: who, ...(payload ? { payload } : {}) })

/** Claims the part, marks every material (returning those in `returns`), and replies. */
export async function review(
  t: TestApp,
  who: Who,
  partId: string,
  decision: 'pass' | 'return' | 'tolerate' | 'refuse',
  o: { returns?: string[]; comment?: string; tolerance?: { materialKeys: string[]; promisedOn: string } } = {},
): Promise<StaffPartDetail> {
  const claimed = await staffPart(t, who, partId, '/claim')
  assert.equal(claimed.statusCode, 200, claimed.body)
  for (const m of json<StaffPartDetail>(claimed).materials) {
    if (m.files.length === 0) continue
    const returning = o.returns?.includes(m.slot.key)
    const res = await staffPart(t, who, partId, `/materials/${m.slot.key}`, { verdict: returning ? 'return' : 'pass', reason: returning ? '照片模糊，请重新拍摄' : '' }, 'PUT')
    assert.equal(res.statusCode, 200, res.body)
  }
  const res = await staffPart(t, who, partId, '/decision', { decision, comment: o.comment ?? '', ...(o.tolerance ? { tolerance: o.tolerance } : {}) })
  assert.equal(res.statusCode, 200, res.body)
  return json(res)
}
