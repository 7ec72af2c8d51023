/**
 * Set-up of the accessibility test (e2e/accessibility.test.ts) through the
 * API: one citizen with a declared real name and something on every page of
 * theirs (finished, rated, accepted and paid cases, a booking, a submitted
 * pre-review), and the staff sessions (window, lead, admin) with work to show.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { bookableMatter, signInCitizen, STAFF_PASSWORD } from './appointments'
import { acceptedCase, issueFee } from './payments'
import { drawJpeg } from './prereviewCitizen'
import { completedCase } from './ratings'
import { api, type Stack } from './stack'

export type Role = 'none' | 'citizen' | 'window' | 'lead' | 'admin'

export interface Login {
  token: string
  expiresAt: string
}

export interface A11yData {
  sessions: Record<Exclude<Role, 'none'>, Login>
  /** A service that takes bookings (guide, 预约). */
  bookableMatterId: string
  /** 个体工商户设立登记: takes on-line pre-review. */
  prereviewMatterId: string
  /** A matter of scjg (the lead's department), for the staff matter editor. */
  staffMatterId: string
  /** Finished and rated 差评 (appealed by the window): rating pages. */
  ratedCase: { caseId: string; ratingId: string }
  /** Finished and not rated: the rating form, the lookup and the anonymous rating. */
  unratedCase: { caseId: string; number: string; password: string }
  /** Accepted, with an unpaid fee order and a paid one. */
  feeCase: { caseId: string; unpaidOrderId: string; paidOrderId: string }
  appointmentId: string
  prereviewId: string
  /** The scjg part of that pre-review in the window's queue. */
  prereviewPartId: string
  /** A complaint about the rated case, replied to by the window. */
  complaintId: string
  /** For a walk-in registered through the page (its receipt lives in memory only). */
  walkIn: { name: string; idNumber: string; phone: string }
}

const CITIZEN = { phone: '13900077001', name: '陈无障', idNumber: residentId('11010519920315123') }

/** The check character of a resident ID (GB 11643) after its first 17 digits. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]
  return first17 + '10X98765432'[sum % 11]
}

async function staffLogin(stack: Stack, username: string): Promise<Login> {
  const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username, password: STAFF_PASSWORD } })
  assert.equal(login.status, 200, `POST /api/auth/staff ${username}: ${JSON.stringify(login.body)}`)
  return { token: login.body.token, expiresAt: login.body.expiresAt }
}

/** Everything the pages show; `page` is an open app page (the pre-review photos are drawn on its canvas). */
export async function createA11yData(stack: Stack, page: Page): Promise<A11yData> {
  const citizen = await signInCitizen(stack, CITIZEN.phone, { name: CITIZEN.name, idNumber: CITIZEN.idNumber })
  const window = await staffLogin(stack, 'scjg.window')
  const lead = await staffLogin(stack, 'scjg.lead')
  const admin = await staffLogin(stack, 'admin')
  const applicant = { name: CITIZEN.name, idNumber: CITIZEN.idNumber, phone: CITIZEN.phone }
  const asCitizen = (path: string, body?: unknown) => api(stack, path, { token: citizen.token, method: body === undefined ? 'GET' : 'POST', body })

  // 差评 on a finished case, appealed by the window so 申诉裁定 has a row.
  const rated = await completedCase(stack, window.token, applicant)
  const rating = await asCitizen('/api/ratings', { caseId: rated.caseId, channel: 'mobile', level: 'veryDissatisfied', scores: { overall: 1 }, tags: ['slow'], text: '排队等候时间过长' })
  assert.equal(rating.status, 201, `POST /api/ratings ${JSON.stringify(rating.body)}`)
  const appeal = await api(stack, `/api/staff/ratings/${rating.body.id}/appeal`, { method: 'POST', token: window.token, body: { evidence: '评价人与本事项无关，系恶意差评，附监控截图说明' } })
  assert.equal(appeal.status, 200, `appeal ${JSON.stringify(appeal.body)}`)
  const unrated = await completedCase(stack, window.token, applicant)

  // Fee orders: one left to pay, one paid at the WeChat Pay simulator (native QR code).
  const { caseId: feeCaseId } = await acceptedCase(stack, window.token, applicant)
  const unpaid = await issueFee(stack, window.token, feeCaseId, [{ name: '证照工本费', unitFen: 1250, quantity: 2, unit: '本' }])
  const paid = await issueFee(stack, window.token, feeCaseId, [{ name: '证书工本费', unitFen: 3000, quantity: 1, unit: '本' }])
  const started = await api(stack, `/api/payments/${paid.id}/pay`, { method: 'POST', token: citizen.token, body: { method: 'native' } })
  assert.equal(started.status, 200, `pay native ${JSON.stringify(started.body)}`)
  const scanned = await fetch(`${stack.pay.url}/__sim/native/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ codeUrl: started.body.codeUrl }) })
  assert.equal(scanned.status, 200, await scanned.text())
  assert.equal((await asCitizen(`/api/payments/${paid.id}`)).body.status, 'paid', 'the second order is paid')

  // A booking.
  const { matterId: bookableMatterId, availability } = await bookableMatter(stack, citizen.token)
  const day = availability.days.find((d: any) => d.status === 'open' && d.slots.some((s: any) => s.remaining > 0))
  const booked = await asCitizen('/api/appointments', { slotId: day.slots.find((s: any) => s.remaining > 0).id })
  assert.equal(booked.status, 200, `POST /api/appointments ${JSON.stringify(booked.body)}`)

  // A submitted pre-review of 个体工商户设立登记, and its part in the window's queue.
  const found = (await api(stack, `/api/matters?q=${encodeURIComponent('个体工商户设立登记')}`)).body.items.find((m: any) => m.name === '个体工商户设立登记')
  assert.ok(found, 'the seeded city offers 个体工商户设立登记')
  const prereviewId = await submittedPrereview(stack, page, citizen.token, found.id)
  const queue = await api(stack, '/api/staff/prereviews?page=1&pageSize=20', { token: window.token })
  const part = queue.body.items?.find((p: any) => p.prereviewId === prereviewId)
  assert.ok(part, `the window's queue has the pre-review: ${JSON.stringify(queue.body).slice(0, 300)}`)

  // 投诉 about the rated case, replied to by its department.
  const complaint = await asCitizen('/api/complaints', { clientKey: randomUUID(), kind: 'complaint', category: 'efficiency', content: '窗口排队等候时间过长，希望增开窗口', caseId: rated.caseId })
  assert.equal(complaint.status, 201, `POST /api/complaints ${JSON.stringify(complaint.body)}`)
  const replied = await api(stack, `/api/staff/complaints/${complaint.body.id}/actions`, { method: 'POST', token: window.token, body: { action: 'reply', text: '已增开一个窗口并调整叫号规则，感谢您的监督' } })
  assert.equal(replied.status, 200, `reply to the complaint ${JSON.stringify(replied.body)}`)

  const matters = await api(stack, '/api/staff/matters?page=1&pageSize=5', { token: lead.token })
  assert.equal(matters.status, 200)
  return {
    sessions: { citizen, window, lead, admin },
    bookableMatterId,
    prereviewMatterId: found.id,
    staffMatterId: matters.body.items[0].id,
    ratedCase: { caseId: rated.caseId, ratingId: rating.body.id },
    unratedCase: { caseId: unrated.caseId, number: unrated.number, password: unrated.password },
    feeCase: { caseId: feeCaseId, unpaidOrderId: unpaid.id, paidOrderId: paid.id },
    appointmentId: booked.body.id,
    prereviewId,
    prereviewPartId: part.partId,
    complaintId: complaint.body.id,
    walkIn: { name: '林走访', idNumber: residentId('62098119880506012'), phone: '13900077002' },
  }
}

/** Draft → required fields and one page per required material → submit; answers the pre-review id. */
async function submittedPrereview(stack: Stack, page: Page, token: string, matterId: string): Promise<string> {
  const call = (path: string, method = 'GET', body?: unknown) => api(stack, path, { token, method, body })
  const created = await call('/api/prereviews', 'POST', { clientKey: randomUUID(), target: { kind: 'matter', matterId } })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const draft = created.body
  const fields: Record<string, string> = {}
  for (const field of draft.form.filter((f: any) => f.required)) {
    fields[field.key] =
      field.kind === 'select' ? field.options[0] : field.kind === 'number' ? '3' : field.kind === 'date' ? '2026-12-01' : field.key === 'businessName' ? '玉门市陈记小吃店' : '玉门市新市区建设路88号'
  }
  const patched = await call(`/api/prereviews/${draft.id}`, 'PATCH', { fields, delivery: { mode: 'hall' } })
  assert.equal(patched.status, 200, JSON.stringify(patched.body))
  for (const material of draft.materials.filter((m: any) => m.slot.required)) {
    const jpeg = await drawJpeg(page, 800, 600, material.slot.name)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), `${material.slot.key}.jpg`)
    const res = await fetch(`${stack.apiUrl}/api/prereviews/${draft.id}/materials/${material.slot.key}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    assert.equal(res.status, 201, `upload ${material.slot.name}: ${res.status} ${await res.text()}`)
  }
  const submitted = await call(`/api/prereviews/${draft.id}/submit`, 'POST', {})
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body))
  return draft.id
}
