/**
 * The world the access matrix runs against: one test app, citizen A owning one
 * of everything in department D1 (市场监管 scjg), and the seven callers.
 * `make` builds a fresh resource of A for each allowed call that changes state,
 * so no allowed call can break another check.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { PrereviewDetail } from '../../../types/prereviews'
import { book, matterId as matterIdByKey, moveBooking, newCitizen, openSlots } from '../appointmentsHelpers'
import { registerCase } from '../casesHelpers'
import { issueOrder, openNativePayment, type PaymentsApp } from '../paymentsHelpers'
import { attach, draft, fill, JPEG, multipart, submitted } from '../prereviewHelpers'
import { bad, completedCase, rateOk } from '../ratingsHelpers'
import { complaintBody, REPLY } from '../complaintsHelpers'
import { json, signInStaff, type TestApp } from '../testApp'

export const ROLES = ['anonymous', 'citizenA', 'citizenB', 'd1Window', 'd1Lead', 'd2Window', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const CITIZENS: Role[] = ['citizenA', 'citizenB']
export const STAFF: Role[] = ['d1Window', 'd1Lead', 'd2Window', 'admin']
export const D1_STAFF: Role[] = ['d1Window', 'd1Lead', 'admin']

type Headers = Record<string, string>
export interface Receipt {
  id: string
  number: string
  password: string
}

export interface Fixture {
  t: TestApp
  headers: Record<Role, Headers>
  a: { id: string; phone: string }
  matterId: string
  hallId: string
  windowNumber: string
  documentId: string
  bundleId: string
  /** Department D2 (人社 rsj): its id, a matter of it taking bookings, a slot template of that matter, a window of it in D1's hall. */
  d2: { departmentId: string; matterId: string; template: { id: string }; windowNumber: string }
  /** Citizen B's own draft (to try A's page through it). */
  draftB: { id: string }
  /** A photo A staged for a complaint, not attached yet. */
  photo: { id: string }
  /** A's complaint about a D1 case that the admin handed on to D2. */
  reassignedComplaint: { id: string }
  /** A's complaint naming neither a case nor a department: the platform (admin) handles it. */
  orphanComplaint: { id: string }
  /** A bookable slot nobody uses (the body of refused booking attempts). */
  spareSlot: { id: string }
  /** A's submitted pre-review: its D1 part, one material slot, one page and that page's signed URL. */
  prereview: { id: string; partId: string; slotKey: string; fileId: string; fileUrl: string }
  /** A's filled draft with a page on every material (pages can be removed only until submission). */
  draft: { id: string; slotKey: string; fileId: string }
  /** A received walk-in case of A in D1. */
  openCase: Receipt
  /** A completed (办结) case of A in D1, rated 差评 by A. */
  doneCase: Receipt
  booking: { id: string; code: string; date: string }
  order: { id: string }
  paidOrder: { id: string }
  rating: { id: string }
  notification: { id: string }
  template: { id: string }
  closure: { id: string }
  /** A's complaint about the open D1 case (so D1 handles it). */
  complaint: { id: string }
  make: Makers
}

export interface Makers {
  /** A fresh received walk-in case of A in D1 (`mail` for a mailed result). */
  openCase(delivery?: 'hall' | 'mail'): Promise<Receipt>
  doneCase(): Promise<Receipt>
  /** A slot A holds no booking on (that matter, that day); reserved so no other call takes the day. */
  freeSlot(matterId?: string): Promise<{ id: string; matterId: string }>
  /**
   * A fresh booking of A. Moved to start `startsInMinutes` from now, it is a fresh citizen's booking in
   * D1 (one booking per citizen, matter and day), unless `mine` (A's only booking for today).
   */
  booking(startsInMinutes?: number, mine?: boolean): Promise<{ id: string; code: string; matterId: string; date: string }>
  photo(): Promise<{ id: string }>
  prereview(): Promise<PrereviewDetail>
  draft(): Promise<{ id: string; slotKey: string; fileId: string }>
  order(): Promise<{ id: string }>
  paidOrder(): Promise<{ id: string }>
  badRating(): Promise<{ id: string }>
  /** A valid new slot template of D1's matter that overlaps no other (weekend evenings). */
  templateBody(matterId?: string): object
  template(matterId?: string): Promise<{ id: string }>
  /** A valid closure of D1's hall on a day no other closure takes. */
  closureBody(): object
  closure(): Promise<{ id: string }>
  /** A fresh complaint of A about a D1 case of A; `replied`: D1's window has answered it. */
  complaint(replied?: boolean): Promise<{ id: string }>
  /** A fresh signed-in session of the role (for sign-out). */
  session(role: Role): Promise<Headers>
}

const one = async (t: TestApp, sql: string, params: unknown[] = []) => {
  const { rows } = await t.db.database.pool.query(sql, params)
  assert.ok(rows[0], sql)
  return rows[0]
}

export async function buildFixture(t: TestApp): Promise<Fixture> {
  const [d1Window, d1Lead, d2Window, admin] = await Promise.all(['scjg.window', 'scjg.lead', 'rsj.window', 'admin'].map((u) => signInStaff(t, u)))
  const a = await newCitizen(t)
  const b = await newCitizen(t)
  const headers: Record<Role, Headers> = {
    anonymous: {},
    citizenA: { authorization: a.authorization },
    citizenB: { authorization: b.authorization },
    d1Window,
    d1Lead,
    d2Window,
    admin,
  }
  const A = { authorization: a.authorization }
  const B = { authorization: b.authorization }
  const matterId = await matterIdByKey(t, 'individual-business-registration')
  const m = await one(t, `SELECT hall_id, window_numbers FROM matters WHERE id = $1`, [matterId])
  const d2 = await one(t, `SELECT id FROM departments WHERE key = 'rsj'`)
  const d2Matter = await one(
    t,
    `SELECT DISTINCT m.id, m.key FROM matters m JOIN appointment_slot_templates s ON s.matter_id = m.id WHERE m.department_id = $1 ORDER BY m.key LIMIT 1`,
    [d2.id],
  )
  const bundle = await one(t, `SELECT id FROM bundles ORDER BY key LIMIT 1`)
  const doc = await one(t, `SELECT template_document_id AS id FROM materials WHERE template_document_id IS NOT NULL LIMIT 1`)
  // D1 matters that take bookings: one booking of A per matter and day, so fresh bookings walk through them.
  const bookable = (
    await t.db.database.pool.query(
      `SELECT DISTINCT m.id, m.key FROM matters m JOIN departments d ON d.id = m.department_id
       JOIN appointment_slot_templates s ON s.matter_id = m.id WHERE d.key = 'scjg' ORDER BY m.key`,
    )
  ).rows.map((r) => r.id as string)
  const usedDays = new Set<string>()
  let templates = 0
  let moved = 0
  let closures = 0

  const linkCases = async () => {
    const res = await t.app.inject({ url: '/api/cases', headers: A })
    assert.equal(res.statusCode, 200, res.body)
  }
  const make: Makers = {
    async openCase(mode = 'hall') {
      const r = await registerCase(t, d1Window, matterId, {
        applicantPhone: a.phone,
        delivery: mode === 'mail' ? { mode: 'mail', address: '玉门市新市区建设路12号' } : { mode: 'hall' },
      })
      await linkCases()
      return { id: r.case.id, number: r.case.number, password: r.queryPassword }
    },
    async doneCase() {
      const k = await completedCase(t, d1Window, matterId, { ...a, authorization: a.authorization })
      await linkCases()
      return k
    },
    async freeSlot(only) {
      for (const mid of only ? [only] : bookable) {
        for (const slot of await openSlots(t, mid)) {
          const key = `${mid}/${slot.startsAt.slice(0, 10)}`
          if (usedDays.has(key)) continue
          usedDays.add(key)
          return { id: slot.id, matterId: mid }
        }
      }
      throw new Error('no slot left for a fresh booking')
    },
    async booking(startsInMinutes, mine = false) {
      if (startsInMinutes === undefined) {
        const slot = await make.freeSlot()
        const bk = await book(t, A, slot.id)
        return { id: bk.id, code: bk.checkInPayload, matterId: slot.matterId, date: bk.date }
      }
      // Moved to today: another citizen's, since one citizen holds one booking per matter and day.
      const owner = mine ? A : await newCitizen(t)
      // Each takes another slot, so bookings made at once never race for a slot's last place.
      const open = await openSlots(t, matterId)
      const slot = mine ? await make.freeSlot(matterId) : open[moved++ % open.length]
      const bk = await book(t, owner, slot.id)
      await moveBooking(t, bk.id, startsInMinutes)
      return { id: bk.id, code: bk.checkInPayload, matterId, date: bk.date }
    },
    prereview: () => submitted(t, A, { kind: 'matter', matterId }),
    async draft() {
      const d = await fill(t, A, await draft(t, A, { kind: 'matter', matterId }, randomUUID()))
      // Every material gets a page, so the draft can also be submitted.
      const files = []
      for (const mat of d.materials) files.push(await attach(t, A, d.id, mat.slot.key))
      return { id: d.id, slotKey: d.materials[0].slot.key, fileId: files[0].id }
    },
    async order() {
      const k = await make.openCase()
      return { id: (await issueOrder(t, d1Window, k.id)).id }
    },
    async paidOrder() {
      const o = await make.order()
      const outTradeNo = await openNativePayment(t as PaymentsApp, A, o.id)
      t.pay.pay(outTradeNo)
      await t.pay.idle()
      const now = await t.app.inject({ url: `/api/payments/${o.id}`, headers: A })
      assert.equal(now.json().status, 'paid', now.body)
      return o
    },
    async badRating() {
      const k = await make.doneCase()
      return { id: (await rateOk(t, A, bad(k.id))).id }
    },
    templateBody(mid = matterId) {
      // Weekend evenings never overlap the seeded office-hours slots nor each other.
      const n = templates++
      const minutes = 18 * 60 + (n % 10) * 30
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
      return { matterId: mid, weekdays: [6 + (Math.floor(n / 10) % 2)], startTime: time, lengthMinutes: 30, capacity: 1 }
    },
    async template(mid) {
      const res = await t.app.inject({ method: 'POST', url: '/api/staff/appointments/templates', headers: admin, payload: make.templateBody(mid) })
      assert.equal(res.statusCode, 200, res.body)
      return { id: res.json().items[0].id }
    },
    closureBody() {
      const n = closures++
      const day = `2027-0${1 + (n % 9)}-1${Math.floor(n / 9) % 10}`
      return { hallId: m.hall_id, from: day, to: day, reason: '系统升级暂停对外办公' }
    },
    async closure() {
      const res = await t.app.inject({ method: 'POST', url: '/api/staff/appointments/closures', headers: admin, payload: make.closureBody() })
      assert.equal(res.statusCode, 200, res.body)
      return { id: res.json().closure.id }
    },
    async complaint(replied = false) {
      const k = await make.openCase()
      const res = await t.app.inject({ method: 'POST', url: '/api/complaints', headers: A, payload: complaintBody({ caseId: k.id }) })
      assert.equal(res.statusCode, 201, res.body)
      const id = res.json().id as string
      if (replied) {
        const r = await t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/actions`, headers: d1Window, payload: { action: 'reply', text: REPLY } })
        assert.equal(r.statusCode, 200, r.body)
      }
      return { id }
    },
    async photo() {
      const { body, contentType } = multipart([{ name: 'file', data: JPEG(), filename: 'photo.jpg', contentType: 'image/jpeg' }])
      const res = await t.app.inject({ method: 'POST', url: '/api/complaints/photos', headers: { ...A, 'content-type': contentType }, payload: body })
      assert.equal(res.statusCode, 201, res.body)
      return { id: res.json().id }
    },
    async session(role) {
      const username = { d1Window: 'scjg.window', d1Lead: 'scjg.lead', d2Window: 'rsj.window', admin: 'admin' }[role as string]
      if (username) return signInStaff(t, username)
      const c = await newCitizen(t)
      return { authorization: c.authorization }
    },
  }

  const pre = await make.prereview()
  const page = pre.materials[0].files[0]
  const openCase = await make.openCase()
  const doneCase = await make.doneCase()
  const rating = { id: (await rateOk(t, A, bad(doneCase.id))).id }
  const booking = await make.booking()
  const order = { id: (await issueOrder(t, d1Window, openCase.id)).id }
  const paidOrder = await make.paidOrder()
  const messages = json(await t.app.inject({ url: '/api/notifications', headers: A }))
  assert.ok(messages.items.length > 0, 'A has a message (待缴费)')

  return {
    t,
    headers,
    a: { id: a.id, phone: a.phone },
    matterId,
    hallId: m.hall_id,
    windowNumber: m.window_numbers[0],
    documentId: doc.id,
    bundleId: bundle.id,
    spareSlot: await make.freeSlot(),
    prereview: { id: pre.id, partId: pre.parts[0].id, slotKey: pre.materials[0].slot.key, fileId: page.id, fileUrl: page.url },
    draft: await make.draft(),
    openCase,
    doneCase,
    booking,
    order,
    paidOrder,
    rating,
    notification: { id: messages.items[0].id },
    template: await make.template(),
    closure: await make.closure(),
    complaint: await make.complaint(),
    d2: {
      departmentId: d2.id,
      matterId: d2Matter.id,
      template: await make.template(d2Matter.id),
      windowNumber: (await one(t, `SELECT number FROM hall_windows WHERE hall_id = $1 AND department_id = $2 ORDER BY number LIMIT 1`, [m.hall_id, d2.id])).number,
    },
    draftB: { id: (await fill(t, B, await draft(t, B, { kind: 'matter', matterId }, randomUUID()))).id },
    photo: await make.photo(),
    reassignedComplaint: await make.complaint().then(async (c) => {
      const r = await t.app.inject({ method: 'POST', url: `/api/staff/complaints/${c.id}/actions`, headers: admin, payload: { action: 'assign', departmentId: d2.id } })
      assert.equal(r.statusCode, 200, r.body)
      return c
    }),
    orphanComplaint: {
      id: await t.app
        .inject({ method: 'POST', url: '/api/complaints', headers: A, payload: complaintBody({ kind: 'suggestion', category: 'app' }) })
        .then((r) => (assert.equal(r.statusCode, 201, r.body), r.json().id as string)),
    },
    make,
  }
}
