/**
 * The access-control matrix of the platform API: one entry per operation of
 * GET /api/openapi.json ("METHOD /path/{param}", trailing slash dropped), plus variants
 * "METHOD /path #what" that try the same operation another way (a filter, another
 * department's object, someone else's id inside one's own request).
 *
 * - `ok`: who gets a 2xx on citizen A's resource ('public' = everyone, signed in or not).
 *   Everyone else is refused: anonymous 401 when sign-in is needed, others 403 or 404
 *   (another citizen's or another department's ids answer 404 by project rule), unless
 *   `refused` fixes a status for a role.
 * - `sees` (lists and queues): of the `ok` roles, those whose answer contains `marker`
 *   (A's resource id); the others get 2xx without it.
 * - `write`: the call changes state. Refusals run first on A's shared resources; the
 *   allowed calls run last, each on a fresh resource from `fresh` (all `ok` roles, or
 *   only `probe` when given), or on the shared one when `repeatable` (safe to repeat).
 */
import { randomUUID } from 'node:crypto'
import { JPEG, multipart } from '../prereviewHelpers'
import { clientKey, todayPlus } from '../paymentsHelpers'
import { residentId } from '../appointmentsHelpers'
import { complaintBody } from '../complaintsHelpers'
import { CITIZENS, D1_STAFF, STAFF, type Fixture, type Role } from './fixture'

export interface Req {
  url: string
  payload?: unknown
  headers?: Record<string, string>
  remoteAddress?: string
}

type Build = (fx: Fixture, role: Role) => Req | Promise<Req>

export interface AccessEntry {
  ok: Role[] | 'public'
  request?: Build
  sees?: Role[]
  marker?: (fx: Fixture) => string
  refused?: Partial<Record<Role, number[]>>
  write?: boolean
  repeatable?: boolean
  fresh?: Build
  probe?: Role
}

const SIGNED_IN: Role[] = [...CITIZENS, ...STAFF]
const LEADS: Role[] = ['d1Lead', 'admin']
const A: Role[] = ['citizenA']
let ip = 0
/** Lookups are limited per client address; each call comes from its own. */
const client = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`
let realNames = 0

const upload = (name = 'page.jpg'): Pick<Req, 'payload' | 'headers'> => {
  const { body, contentType } = multipart([{ name: 'file', data: JPEG(), filename: name, contentType: 'image/jpeg' }])
  return { payload: body, headers: { 'content-type': contentType } }
}

const staffAs = (fx: Fixture, role: Role, method: string, url: string, payload?: object) =>
  fx.t.app.inject({ method: method as 'POST', url, headers: fx.headers[role], ...(payload ? { payload } : {}) }).then((r) => {
    if (r.statusCode >= 300) throw new Error(`${method} ${url} as ${role}: ${r.statusCode} ${r.body}`)
    return r.json()
  })

/** A fresh submitted pre-review's D1 part, claimed by `role` with every material passed when `marked`. */
async function claimedPart(fx: Fixture, role: Role, marked: boolean) {
  const pre = await fx.make.prereview()
  const partId = pre.parts[0].id
  const part = await staffAs(fx, role, 'POST', `/api/staff/prereviews/${partId}/claim`)
  if (marked) {
    for (const m of part.materials) {
      if (m.files.length) await staffAs(fx, role, 'PUT', `/api/staff/prereviews/${partId}/materials/${m.slot.key}`, { verdict: 'pass', reason: '' })
    }
  }
  return { partId, slotKey: pre.materials[0].slot.key }
}

const verifiedBad = async (fx: Fixture) => {
  const r = await fx.make.badRating()
  await staffAs(fx, 'admin', 'POST', `/api/staff/ratings/${r.id}/verify`, { note: '已核实情况属实' })
  return r
}

const goodRating = (caseId: string) => ({ caseId, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } })
const badAnonymous = (k: { number: string; password: string }) => ({
  number: k.number,
  password: k.password,
  channel: 'qrCode',
  level: 'satisfied',
  scores: { overall: 4 },
})

export const matrix: Record<string, AccessEntry> = {
  // ---------------- public ----------------
  'GET /api/health': { ok: 'public', request: () => ({ url: '/api/health' }) },
  'GET /api/catalog': { ok: 'public', request: () => ({ url: '/api/catalog' }) },
  'GET /api/matters': { ok: 'public', request: () => ({ url: '/api/matters' }) },
  'GET /api/matters/{id}': { ok: 'public', request: (fx) => ({ url: `/api/matters/${fx.matterId}` }) },
  'GET /api/halls': { ok: 'public', request: () => ({ url: '/api/halls' }) },
  'GET /api/halls/{id}': { ok: 'public', request: (fx) => ({ url: `/api/halls/${fx.hallId}` }) },
  'GET /api/documents/{id}': { ok: 'public', request: (fx) => ({ url: `/api/documents/${fx.documentId}` }) },
  'GET /api/bundles': { ok: 'public', request: () => ({ url: '/api/bundles' }) },
  'GET /api/bundles/{id}': { ok: 'public', request: (fx) => ({ url: `/api/bundles/${fx.bundleId}` }) },
  'GET /api/prereviews/form': { ok: 'public', request: (fx) => ({ url: `/api/prereviews/form?matterId=${fx.matterId}` }) },
  'GET /api/subscriptions/templates': { ok: 'public', request: () => ({ url: '/api/subscriptions/templates' }) },
  'GET /api/appointments/availability': { ok: 'public', request: (fx) => ({ url: `/api/appointments/availability?matterId=${fx.matterId}` }) },
  'GET /api/ratings/public': { ok: 'public', request: () => ({ url: '/api/ratings/public?months=12' }) },
  // Receipt holders (number + query password), signed in or not.
  'POST /api/cases/lookup': {
    ok: 'public',
    request: (fx) => ({ url: '/api/cases/lookup', payload: { number: fx.openCase.number, password: fx.openCase.password }, remoteAddress: client() }),
  },
  'POST /api/ratings/anonymous/check': {
    ok: 'public',
    request: (fx) => ({ url: '/api/ratings/anonymous/check', payload: { number: fx.openCase.number, password: fx.openCase.password }, remoteAddress: client() }),
  },
  'POST /api/ratings/anonymous': {
    ok: 'public',
    write: true,
    fresh: async (fx) => ({ url: '/api/ratings/anonymous', payload: badAnonymous(await fx.make.doneCase()), remoteAddress: client() }),
  },
  // The signed URL is the credential: no header needed, and a URL of another page does not open this one.
  'GET /api/files/{fileId}': { ok: 'public', request: (fx) => ({ url: new URL(fx.prereview.fileUrl, 'http://x').pathname + new URL(fx.prereview.fileUrl, 'http://x').search }) },

  // ---------------- sign-in ----------------
  'POST /api/auth/sms-codes': { ok: 'public', write: true, fresh: () => ({ url: '/api/auth/sms-codes', payload: { phone: freshPhone() } }) },
  'POST /api/auth/sms': {
    ok: 'public',
    write: true,
    fresh: async (fx) => {
      const phone = freshPhone()
      const sent = await fx.t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone } })
      if (sent.statusCode !== 200) throw new Error(sent.body)
      return { url: '/api/auth/sms', payload: { phone, code: fx.t.sms.latestCode(phone) } }
    },
  },
  'POST /api/auth/wechat': { ok: 'public', write: true, fresh: (fx) => ({ url: '/api/auth/wechat', payload: { code: fx.t.wechat.mintLoginCode(`openid-acl-${randomUUID()}`) } }) },
  // Who calls does not matter; one sign-in is enough (password hashing is slow on purpose).
  'POST /api/auth/staff': { ok: 'public', write: true, probe: 'anonymous', request: () => ({ url: '/api/auth/staff', payload: { username: 'scjg.window', password: 'Paoyici@2026' } }) },
  'POST /api/auth/wechat/phone': {
    ok: CITIZENS,
    write: true,
    request: (fx) => ({ url: '/api/auth/wechat/phone', payload: { code: fx.t.wechat.mintPhoneCode(freshPhone()) } }),
    // Binding needs a WeChat session: a citizen freshly signed in by wx.login.
    fresh: async (fx) => {
      const res = await fx.t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: fx.t.wechat.mintLoginCode(`openid-acl-${randomUUID()}`) } })
      return { url: '/api/auth/wechat/phone', headers: { authorization: `Bearer ${res.json().token}` }, payload: { code: fx.t.wechat.mintPhoneCode(freshPhone()) } }
    },
  },
  // Signing out is idempotent: without a session it answers 204 as well (nothing to end).
  'DELETE /api/auth/session': {
    ok: 'public',
    write: true,
    request: () => ({ url: '/api/auth/session' }),
    fresh: async (fx, role) => ({ url: '/api/auth/session', headers: await fx.make.session(role) }),
  },

  // ---------------- profile ----------------
  'GET /api/me': { ok: CITIZENS, request: () => ({ url: '/api/me' }), sees: A, marker: (fx) => fx.a.id },
  'PUT /api/me/real-name': {
    ok: CITIZENS,
    write: true,
    request: () => ({ url: '/api/me/real-name', payload: { name: '王小明', idNumber: residentId(360_000 + ++realNames) } }),
    // A citizen without a real name yet declares one.
    fresh: async (fx, role) => ({ url: '/api/me/real-name', headers: await fx.make.session(role), payload: { name: '王小明', idNumber: residentId(360_000 + ++realNames) } }),
  },
  'GET /api/staff/me': { ok: STAFF, request: () => ({ url: '/api/staff/me' }) },

  // ---------------- catalog administration ----------------
  'GET /api/staff/matters': { ok: STAFF, request: () => ({ url: '/api/staff/matters' }), sees: D1_STAFF, marker: (fx) => fx.matterId },
  'PATCH /api/staff/matters/{id}': {
    ok: LEADS,
    write: true,
    repeatable: true,
    request: (fx) => ({ url: `/api/staff/matters/${fx.matterId}`, payload: { consultPhone: '0937-3321234' } }),
  },
  'GET /api/staff/calendar': { ok: STAFF, request: () => ({ url: '/api/staff/calendar?year=2027' }) },
  'PUT /api/staff/calendar/{date}': {
    ok: ['admin'],
    write: true,
    repeatable: true,
    request: () => ({ url: '/api/staff/calendar/2027-03-03', payload: { kind: 'holiday', name: '本地停电闭厅' } }),
  },
  'DELETE /api/staff/calendar/{date}': { ok: ['admin'], write: true, request: () => ({ url: '/api/staff/calendar/2027-03-03' }) },
  'GET /api/staff/notification-deliveries': { ok: ['admin'], request: () => ({ url: '/api/staff/notification-deliveries' }) },
  'GET /api/staff/audit-log': { ok: ['admin'], request: () => ({ url: '/api/staff/audit-log?pageSize=5' }) },

  // ---------------- cases ----------------
  'GET /api/cases': { ok: CITIZENS, request: () => ({ url: '/api/cases' }), sees: A, marker: (fx) => fx.openCase.id },
  'GET /api/cases/{id}': { ok: A, request: (fx) => ({ url: `/api/cases/${fx.openCase.id}` }) },
  'POST /api/cases/{id}/withdraw': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/cases/${fx.openCase.id}/withdraw`, payload: { reason: '材料准备不全，改日再办' } }),
    fresh: async (fx) => ({ url: `/api/cases/${(await fx.make.openCase()).id}/withdraw`, payload: { reason: '材料准备不全，改日再办' } }),
  },
  'GET /api/staff/cases': { ok: STAFF, request: () => ({ url: '/api/staff/cases?pageSize=50' }), sees: D1_STAFF, marker: (fx) => fx.openCase.id },
  'POST /api/staff/cases': {
    ok: D1_STAFF,
    write: true,
    repeatable: true,
    request: (fx) => ({
      url: '/api/staff/cases',
      payload: { matterId: fx.matterId, applicantName: '张三丰', applicantIdNumber: '11010519491231002X', applicantPhone: fx.a.phone, delivery: { mode: 'hall' } },
    }),
  },
  'GET /api/staff/cases/{id}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/cases/${fx.openCase.id}` }) },
  'POST /api/staff/cases/{id}/actions': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/cases/${fx.openCase.id}/actions`, payload: { action: 'accept', comment: '' } }),
    fresh: async (fx) => ({ url: `/api/staff/cases/${(await fx.make.openCase()).id}/actions`, payload: { action: 'accept', comment: '' } }),
  },
  'PUT /api/staff/cases/{id}/delivery': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/cases/${fx.openCase.id}/delivery`, payload: { courier: '中国邮政', trackingNumber: 'YM20261122001' } }),
    fresh: async (fx) => {
      const k = await fx.make.openCase('mail')
      await staffAs(fx, 'd1Window', 'POST', `/api/staff/cases/${k.id}/actions`, { action: 'accept', comment: '' })
      await staffAs(fx, 'd1Window', 'POST', `/api/staff/cases/${k.id}/actions`, { action: 'approve', comment: '' })
      return { url: `/api/staff/cases/${k.id}/delivery`, payload: { courier: '中国邮政', trackingNumber: 'YM20261122001' } }
    },
  },
  'POST /api/staff/cases/{id}/tolerance-fulfilled': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/cases/${fx.openCase.id}/tolerance-fulfilled` }),
    fresh: async (fx) => {
      // A 容缺 pass: the reviewer lets one material follow by a promised date; the case is accepted at once.
      const pre = await fx.make.prereview()
      const partId = pre.parts[0].id
      await staffAs(fx, 'admin', 'POST', `/api/staff/prereviews/${partId}/claim`)
      const first = pre.materials.find((m) => m.slot.acceptsTolerance)
      if (!first) throw new Error('the fixture matter has no material that may follow (可容缺)')
      for (const m of pre.materials.filter((m) => m !== first)) {
        await staffAs(fx, 'admin', 'PUT', `/api/staff/prereviews/${partId}/materials/${m.slot.key}`, { verdict: 'pass', reason: '' })
      }
      await staffAs(fx, 'admin', 'PUT', `/api/staff/prereviews/${partId}/materials/${first.slot.key}`, { verdict: 'return', reason: '复印件不清晰，请补交' })
      await staffAs(fx, 'admin', 'POST', `/api/staff/prereviews/${partId}/decision`, {
        decision: 'tolerate',
        comment: '容缺受理',
        tolerance: { materialKeys: [first.slot.key], promisedOn: todayPlus(5) },
      })
      const { rows } = await fx.t.db.database.pool.query(`SELECT case_id FROM prereview_parts WHERE id = $1`, [partId])
      if (!rows[0]?.case_id) throw new Error('no case from the 容缺 pre-review')
      return { url: `/api/staff/cases/${rows[0].case_id}/tolerance-fulfilled` }
    },
  },
  'GET /api/staff/supervision': { ok: LEADS, request: () => ({ url: '/api/staff/supervision' }) },

  // ---------------- messages ----------------
  'GET /api/notifications': { ok: CITIZENS, request: () => ({ url: '/api/notifications' }), sees: A, marker: (fx) => fx.notification.id },
  'POST /api/notifications/{id}/read': { ok: A, write: true, repeatable: true, request: (fx) => ({ url: `/api/notifications/${fx.notification.id}/read` }) },
  // Each citizen's own messages only (accessMatrix.test.ts checks B's call leaves A's unread).
  'POST /api/notifications/read-all': { ok: CITIZENS, write: true, repeatable: true, request: () => ({ url: '/api/notifications/read-all' }) },
  'POST /api/subscriptions': { ok: CITIZENS, write: true, repeatable: true, request: () => ({ url: '/api/subscriptions', payload: { accepted: [] } }) },
  'GET /api/subscriptions': { ok: CITIZENS, request: () => ({ url: '/api/subscriptions' }) },

  // ---------------- pre-reviews and material files ----------------
  'POST /api/prereviews': {
    ok: CITIZENS,
    write: true,
    repeatable: true,
    request: (fx) => ({ url: '/api/prereviews', payload: { clientKey: randomUUID(), target: { kind: 'matter', matterId: fx.matterId } } }),
  },
  'GET /api/prereviews': { ok: CITIZENS, request: () => ({ url: '/api/prereviews' }), sees: A, marker: (fx) => fx.prereview.id },
  'GET /api/prereviews/{id}': { ok: A, request: (fx) => ({ url: `/api/prereviews/${fx.prereview.id}` }) },
  'PATCH /api/prereviews/{id}': { ok: A, write: true, repeatable: true, request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}`, payload: { delivery: { mode: 'hall' } } }) },
  'DELETE /api/prereviews/{id}': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}` }),
    fresh: async (fx) => ({ url: `/api/prereviews/${(await fx.make.draft()).id}` }),
  },
  'POST /api/prereviews/{id}/materials/{slotKey}/files': {
    ok: A,
    write: true,
    repeatable: true,
    request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}/materials/${fx.draft.slotKey}/files`, ...upload() }),
  },
  'DELETE /api/prereviews/{id}/files/{fileId}': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}/files/${fx.draft.fileId}` }),
    fresh: async (fx) => {
      const d = await fx.make.draft()
      return { url: `/api/prereviews/${d.id}/files/${d.fileId}` }
    },
  },
  'POST /api/prereviews/{id}/submit': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}/submit`, payload: {} }),
    fresh: async (fx) => ({ url: `/api/prereviews/${(await fx.make.draft()).id}/submit`, payload: {} }),
  },
  'POST /api/prereviews/{id}/withdraw': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/prereviews/${fx.prereview.id}/withdraw`, payload: { reason: '信息填写有误，重新申请' } }),
    fresh: async (fx) => ({ url: `/api/prereviews/${(await fx.make.prereview()).id}/withdraw`, payload: { reason: '信息填写有误，重新申请' } }),
  },
  'GET /api/staff/prereviews': { ok: STAFF, request: () => ({ url: '/api/staff/prereviews?pageSize=50' }), sees: D1_STAFF, marker: (fx) => fx.prereview.partId },
  'GET /api/staff/prereviews/{partId}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/prereviews/${fx.prereview.partId}` }) },
  'POST /api/staff/prereviews/{partId}/claim': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/prereviews/${fx.prereview.partId}/claim` }),
    fresh: async (fx) => ({ url: `/api/staff/prereviews/${(await fx.make.prereview()).parts[0].id}/claim` }),
  },
  'POST /api/staff/prereviews/{partId}/release': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/prereviews/${fx.prereview.partId}/release` }),
    fresh: async (fx, role) => ({ url: `/api/staff/prereviews/${(await claimedPart(fx, role, false)).partId}/release` }),
  },
  'PUT /api/staff/prereviews/{partId}/materials/{slotKey}': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/prereviews/${fx.prereview.partId}/materials/${fx.prereview.slotKey}`, payload: { verdict: 'pass', reason: '' } }),
    fresh: async (fx, role) => {
      const p = await claimedPart(fx, role, false)
      return { url: `/api/staff/prereviews/${p.partId}/materials/${p.slotKey}`, payload: { verdict: 'pass', reason: '' } }
    },
  },
  'POST /api/staff/prereviews/{partId}/decision': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/prereviews/${fx.prereview.partId}/decision`, payload: { decision: 'pass', comment: '' } }),
    fresh: async (fx, role) => ({ url: `/api/staff/prereviews/${(await claimedPart(fx, role, true)).partId}/decision`, payload: { decision: 'pass', comment: '' } }),
  },

  // ---------------- bookings ----------------
  'GET /api/appointments': { ok: CITIZENS, request: () => ({ url: '/api/appointments' }), sees: A, marker: (fx) => fx.booking.id },
  'POST /api/appointments': {
    ok: CITIZENS,
    write: true,
    request: (fx) => ({ url: '/api/appointments', payload: { slotId: fx.spareSlot.id } }),
    fresh: async (fx) => ({ url: '/api/appointments', payload: { slotId: (await fx.make.freeSlot()).id } }),
  },
  'GET /api/appointments/{id}': { ok: A, request: (fx) => ({ url: `/api/appointments/${fx.booking.id}` }) },
  'POST /api/appointments/{id}/cancel': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/appointments/${fx.booking.id}/cancel`, payload: {} }),
    fresh: async (fx) => ({ url: `/api/appointments/${(await fx.make.booking()).id}/cancel`, payload: {} }),
  },
  'POST /api/appointments/{id}/reschedule': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/appointments/${fx.booking.id}/reschedule`, payload: { slotId: fx.spareSlot.id } }),
    fresh: async (fx) => {
      const b = await fx.make.booking()
      return { url: `/api/appointments/${b.id}/reschedule`, payload: { slotId: (await fx.make.freeSlot(b.matterId)).id } }
    },
  },
  'GET /api/staff/appointments': {
    ok: STAFF,
    request: (fx) => ({ url: `/api/staff/appointments?date=${fx.booking.date}` }),
    sees: D1_STAFF,
    marker: (fx) => fx.booking.id,
  },
  'POST /api/staff/appointments/check-in': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: '/api/staff/appointments/check-in', payload: { code: fx.booking.code } }),
    fresh: async (fx) => ({ url: '/api/staff/appointments/check-in', payload: { code: (await fx.make.booking(10)).code } }),
  },
  // Calls the next number of a D1 window; other departments' staff do not serve it.
  'POST /api/staff/appointments/call-next': {
    ok: D1_STAFF,
    write: true,
    repeatable: true,
    request: (fx) => ({ url: '/api/staff/appointments/call-next', payload: { hallId: fx.hallId, windowNumber: fx.windowNumber } }),
  },
  'GET /api/staff/appointments/templates': { ok: STAFF, request: () => ({ url: '/api/staff/appointments/templates' }), sees: D1_STAFF, marker: (fx) => fx.template.id },
  'POST /api/staff/appointments/templates': { ok: LEADS, write: true, repeatable: true, request: (fx) => ({ url: '/api/staff/appointments/templates', payload: fx.make.templateBody() }) },
  'PATCH /api/staff/appointments/templates/{id}': {
    ok: LEADS,
    write: true,
    repeatable: true,
    request: (fx) => ({ url: `/api/staff/appointments/templates/${fx.template.id}`, payload: { capacity: 2 } }),
  },
  'DELETE /api/staff/appointments/templates/{id}': {
    ok: LEADS,
    write: true,
    request: (fx) => ({ url: `/api/staff/appointments/templates/${fx.template.id}` }),
    fresh: async (fx) => ({ url: `/api/staff/appointments/templates/${(await fx.make.template()).id}` }),
  },
  'GET /api/staff/appointments/closures': { ok: STAFF, request: () => ({ url: '/api/staff/appointments/closures' }) },
  'POST /api/staff/appointments/closures': { ok: ['admin'], write: true, repeatable: true, request: (fx) => ({ url: '/api/staff/appointments/closures', payload: fx.make.closureBody() }) },
  'DELETE /api/staff/appointments/closures/{id}': {
    ok: ['admin'],
    write: true,
    request: (fx) => ({ url: `/api/staff/appointments/closures/${fx.closure.id}` }),
    fresh: async (fx) => ({ url: `/api/staff/appointments/closures/${(await fx.make.closure()).id}` }),
  },
  'GET /api/staff/appointments/{id}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/appointments/${fx.booking.id}` }) },
  'POST /api/staff/appointments/{id}/check-in': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/appointments/${fx.booking.id}/check-in` }),
    fresh: async (fx) => ({ url: `/api/staff/appointments/${(await fx.make.booking(10)).id}/check-in` }),
  },
  'POST /api/staff/appointments/{id}/served': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/appointments/${fx.booking.id}/served` }),
    fresh: async (fx) => {
      const b = await fx.make.booking(10)
      await staffAs(fx, 'admin', 'POST', `/api/staff/appointments/${b.id}/check-in`)
      return { url: `/api/staff/appointments/${b.id}/served` }
    },
  },
  // One no-show only: two in 30 days would ban A from booking.
  'POST /api/staff/appointments/{id}/no-show': {
    ok: D1_STAFF,
    write: true,
    probe: 'd1Window',
    request: (fx) => ({ url: `/api/staff/appointments/${fx.booking.id}/no-show` }),
    fresh: async (fx) => ({ url: `/api/staff/appointments/${(await fx.make.booking(-120)).id}/no-show` }),
  },

  // ---------------- fee orders ----------------
  'GET /api/payments': { ok: CITIZENS, request: () => ({ url: '/api/payments' }), sees: A, marker: (fx) => fx.order.id },
  'GET /api/payments/{id}': { ok: A, request: (fx) => ({ url: `/api/payments/${fx.order.id}` }) },
  'POST /api/payments/{id}/pay': { ok: A, write: true, repeatable: true, request: (fx) => ({ url: `/api/payments/${fx.order.id}/pay`, payload: { method: 'native' } }) },
  'GET /api/payments/{id}/receipt': { ok: A, request: (fx) => ({ url: `/api/payments/${fx.paidOrder.id}/receipt` }) },
  // Authenticated by WeChat Pay's platform signature over the raw body, never by a bearer token:
  // an unsigned notification is refused whoever sends it (signed ones: paymentsNotifications.test.ts).
  'POST /api/payments/wechat/notify': {
    ok: [],
    refused: { anonymous: [400, 401], citizenA: [400, 401], citizenB: [400, 401], d1Window: [400, 401], d1Lead: [400, 401], d2Window: [400, 401], admin: [400, 401] },
    request: () => ({
      url: '/api/payments/wechat/notify',
      payload: { id: randomUUID(), event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'x', nonce: 'y', associated_data: 'transaction' } },
    }),
  },
  'GET /api/staff/payments': { ok: STAFF, request: () => ({ url: '/api/staff/payments?pageSize=50' }), sees: D1_STAFF, marker: (fx) => fx.order.id },
  'POST /api/staff/payments': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: '/api/staff/payments', payload: orderBody(fx.openCase.id) }),
    fresh: async (fx) => ({ url: '/api/staff/payments', payload: orderBody((await fx.make.openCase()).id) }),
  },
  'GET /api/staff/payments/fee-items': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/payments/fee-items?caseId=${fx.openCase.id}` }) },
  'GET /api/staff/payments/{id}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/payments/${fx.order.id}` }) },
  'POST /api/staff/payments/{id}/cancel': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/payments/${fx.order.id}/cancel`, payload: { reason: '金额有误，重新开单' } }),
    fresh: async (fx) => ({ url: `/api/staff/payments/${(await fx.make.order()).id}/cancel`, payload: { reason: '金额有误，重新开单' } }),
  },
  'POST /api/staff/payments/{id}/refund': {
    ok: LEADS,
    write: true,
    request: (fx) => ({ url: `/api/staff/payments/${fx.paidOrder.id}/refund`, payload: { reason: '申请已撤回' } }),
    fresh: async (fx) => ({ url: `/api/staff/payments/${(await fx.make.paidOrder()).id}/refund`, payload: { reason: '申请已撤回' } }),
  },

  // ---------------- ratings ----------------
  'GET /api/ratings/rateable': { ok: CITIZENS, request: () => ({ url: '/api/ratings/rateable' }) },
  'POST /api/ratings': {
    ok: A,
    write: true,
    request: (fx) => ({ url: '/api/ratings', payload: goodRating(fx.openCase.id) }),
    fresh: async (fx) => ({ url: '/api/ratings', payload: goodRating((await fx.make.doneCase()).id) }),
  },
  'GET /api/ratings': { ok: CITIZENS, request: () => ({ url: '/api/ratings' }), sees: A, marker: (fx) => fx.rating.id },
  'GET /api/ratings/{id}': { ok: A, request: (fx) => ({ url: `/api/ratings/${fx.rating.id}` }) },
  'GET /api/staff/ratings': { ok: STAFF, request: () => ({ url: '/api/staff/ratings?pageSize=50' }), sees: D1_STAFF, marker: (fx) => fx.rating.id },
  'GET /api/staff/ratings/statistics': { ok: LEADS, request: () => ({ url: '/api/staff/ratings/statistics' }) },
  'GET /api/staff/ratings/{id}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/ratings/${fx.rating.id}` }) },
  'POST /api/staff/ratings/{id}/verify': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/ratings/${fx.rating.id}/verify`, payload: { note: '已核实情况属实' } }),
    fresh: async (fx) => ({ url: `/api/staff/ratings/${(await fx.make.badRating()).id}/verify`, payload: { note: '已核实情况属实' } }),
  },
  'POST /api/staff/ratings/{id}/rectify': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/ratings/${fx.rating.id}/rectify`, payload: rectify }),
    fresh: async (fx) => ({ url: `/api/staff/ratings/${(await verifiedBad(fx)).id}/rectify`, payload: rectify }),
  },
  // The department appeals; the admin decides (an admin's own appeal is refused 409 by rule, not access).
  'POST /api/staff/ratings/{id}/appeal': {
    ok: ['d1Window', 'd1Lead'],
    refused: { admin: [409] },
    write: true,
    request: (fx) => ({ url: `/api/staff/ratings/${fx.rating.id}/appeal`, payload: appeal }),
    fresh: async (fx) => ({ url: `/api/staff/ratings/${(await verifiedBad(fx)).id}/appeal`, payload: appeal }),
  },
  'POST /api/staff/ratings/{id}/appeal/decision': {
    ok: ['admin'],
    write: true,
    request: (fx) => ({ url: `/api/staff/ratings/${fx.rating.id}/appeal/decision`, payload: { decision: 'rejected', comment: '证据不足，驳回申诉' } }),
    fresh: async (fx) => {
      const r = await verifiedBad(fx)
      await staffAs(fx, 'd1Window', 'POST', `/api/staff/ratings/${r.id}/appeal`, appeal)
      return { url: `/api/staff/ratings/${r.id}/appeal/decision`, payload: { decision: 'rejected', comment: '证据不足，驳回申诉' } }
    },
  },

  // ---------------- complaints (投诉建议) ----------------
  'POST /api/complaints/photos': { ok: CITIZENS, write: true, repeatable: true, request: () => ({ url: '/api/complaints/photos', ...upload('photo.jpg') }) },
  // About A's case: only A may name it (the contract answers another citizen 400 "not your case").
  'POST /api/complaints': {
    ok: A,
    refused: { citizenB: [400, 404] },
    write: true,
    repeatable: true,
    request: (fx) => ({ url: '/api/complaints', payload: complaintBody({ caseId: fx.openCase.id }) }),
  },
  'GET /api/complaints': { ok: CITIZENS, request: () => ({ url: '/api/complaints' }), sees: A, marker: (fx) => fx.complaint.id },
  'GET /api/complaints/{id}': { ok: A, request: (fx) => ({ url: `/api/complaints/${fx.complaint.id}` }) },
  'POST /api/complaints/{id}/rating': {
    ok: A,
    write: true,
    request: (fx) => ({ url: `/api/complaints/${fx.complaint.id}/rating`, payload: { satisfaction: 'satisfied' } }),
    fresh: async (fx) => ({ url: `/api/complaints/${(await fx.make.complaint(true)).id}/rating`, payload: { satisfaction: 'satisfied' } }),
  },
  'GET /api/staff/complaints': { ok: STAFF, request: () => ({ url: '/api/staff/complaints?pageSize=50' }), sees: D1_STAFF, marker: (fx) => fx.complaint.id },
  'GET /api/staff/complaints/{id}': { ok: D1_STAFF, request: (fx) => ({ url: `/api/staff/complaints/${fx.complaint.id}` }) },
  'POST /api/staff/complaints/{id}/actions': {
    ok: D1_STAFF,
    write: true,
    request: (fx) => ({ url: `/api/staff/complaints/${fx.complaint.id}/actions`, payload: { action: 'accept' } }),
    fresh: async (fx) => ({ url: `/api/staff/complaints/${(await fx.make.complaint()).id}/actions`, payload: { action: 'accept' } }),
  },

  // ---------------- variants: the same operations, tried another way ----------------
  'PATCH /api/staff/matters/{id} #a matter of another department': {
    ok: ['admin'],
    write: true,
    repeatable: true,
    request: (fx) => ({ url: `/api/staff/matters/${fx.d2.matterId}`, payload: { consultPhone: '0937-3325678' } }),
  },
  'POST /api/staff/appointments/templates #a matter of another department': {
    ok: ['admin'],
    write: true,
    repeatable: true,
    request: (fx) => ({ url: '/api/staff/appointments/templates', payload: fx.make.templateBody(fx.d2.matterId) }),
  },
  "PATCH /api/staff/appointments/templates/{id} #another department's": {
    ok: ['admin'],
    write: true,
    repeatable: true,
    request: (fx) => ({ url: `/api/staff/appointments/templates/${fx.d2.template.id}`, payload: { capacity: 2 } }),
  },
  "DELETE /api/staff/appointments/templates/{id} #another department's": {
    ok: ['admin'],
    write: true,
    request: (fx) => ({ url: `/api/staff/appointments/templates/${fx.d2.template.id}` }),
    fresh: async (fx) => ({ url: `/api/staff/appointments/templates/${(await fx.make.template(fx.d2.matterId)).id}` }),
  },
  "POST /api/staff/appointments/call-next #another department's window": {
    ok: ['d2Window', 'admin'],
    write: true,
    repeatable: true,
    request: (fx) => ({ url: '/api/staff/appointments/call-next', payload: { hallId: fx.hallId, windowNumber: fx.d2.windowNumber } }),
  },
  'GET /api/staff/appointments #filtered by hall': {
    ok: STAFF,
    request: (fx) => ({ url: `/api/staff/appointments?date=${fx.booking.date}&hallId=${fx.hallId}` }),
    sees: D1_STAFF,
    marker: (fx) => fx.booking.id,
  },
  "GET /api/staff/appointments/templates #filtered by A's matter": {
    ok: STAFF,
    request: (fx) => ({ url: `/api/staff/appointments/templates?matterId=${fx.matterId}` }),
    sees: D1_STAFF,
    marker: (fx) => fx.template.id,
  },
  'GET /api/staff/ratings/statistics #another department': {
    ok: ['admin'],
    request: (fx) => ({ url: `/api/staff/ratings/statistics?departmentId=${fx.d2.departmentId}` }),
  },
  "GET /api/payments #filtered by A's case": {
    ok: CITIZENS,
    request: (fx) => ({ url: `/api/payments?caseId=${fx.openCase.id}` }),
    sees: A,
    marker: (fx) => fx.order.id,
  },
  "GET /api/staff/payments #filtered by A's case": {
    ok: STAFF,
    request: (fx) => ({ url: `/api/staff/payments?caseId=${fx.openCase.id}` }),
    sees: D1_STAFF,
    marker: (fx) => fx.order.id,
  },
  // Another citizen's case is answered like an unknown one: 400 on the caseId field.
  "POST /api/appointments #for A's case": {
    ok: A,
    refused: { citizenB: [400, 404] },
    write: true,
    request: (fx) => ({ url: '/api/appointments', payload: { slotId: fx.spareSlot.id, caseId: fx.openCase.id } }),
    fresh: async (fx) => {
      const k = await fx.make.openCase()
      return { url: '/api/appointments', payload: { slotId: (await fx.make.freeSlot(fx.matterId)).id, caseId: k.id } }
    },
  },
  "POST /api/ratings #A's visit": {
    ok: A,
    write: true,
    request: (fx) => ({ url: '/api/ratings', payload: { appointmentId: fx.booking.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } } }),
    fresh: async (fx) => {
      const b = await fx.make.booking(10, true)
      await staffAs(fx, 'admin', 'POST', `/api/staff/appointments/${b.id}/check-in`)
      return { url: '/api/ratings', payload: { appointmentId: b.id, channel: 'mobile', level: 'satisfied', scores: { overall: 4 } } }
    },
  },
  "DELETE /api/prereviews/{id}/files/{fileId} #A's page through B's draft": {
    ok: [],
    request: (fx) => ({ url: `/api/prereviews/${fx.draftB.id}/files/${fx.draft.fileId}` }),
  },
  // A's own draft, but the page belongs to A's submitted pre-review: nobody removes it this way.
  "DELETE /api/prereviews/{id}/files/{fileId} #a submitted page through A's draft": {
    ok: [],
    request: (fx) => ({ url: `/api/prereviews/${fx.draft.id}/files/${fx.prereview.fileId}` }),
  },
  "POST /api/complaints #A's photo": {
    ok: A,
    refused: { citizenB: [400, 404] },
    write: true,
    request: (fx) => ({ url: '/api/complaints', payload: complaintBody({ photoIds: [fx.photo.id] }) }),
    fresh: async (fx) => ({ url: '/api/complaints', payload: complaintBody({ photoIds: [(await fx.make.photo()).id] }) }),
  },
  'GET /api/staff/complaints/{id} #no department yet': { ok: ['admin'], request: (fx) => ({ url: `/api/staff/complaints/${fx.orphanComplaint.id}` }) },
  'GET /api/staff/complaints #no department yet': {
    ok: STAFF,
    request: () => ({ url: '/api/staff/complaints?pageSize=50' }),
    sees: ['admin'],
    marker: (fx) => fx.orphanComplaint.id,
  },
  'GET /api/staff/complaints/{id} #handed on to another department': {
    ok: ['d2Window', 'admin'],
    request: (fx) => ({ url: `/api/staff/complaints/${fx.reassignedComplaint.id}` }),
  },
  'POST /api/staff/complaints/{id}/actions #handed on to another department': {
    ok: ['d2Window', 'admin'],
    write: true,
    probe: 'd2Window',
    request: (fx) => ({ url: `/api/staff/complaints/${fx.reassignedComplaint.id}/actions`, payload: { action: 'accept' } }),
  },
  // Assigning a department is the platform's: D1's staff see the complaint but may not hand it on.
  'POST /api/staff/complaints/{id}/actions #assign': {
    ok: ['admin'],
    write: true,
    request: (fx) => ({ url: `/api/staff/complaints/${fx.complaint.id}/actions`, payload: { action: 'assign', departmentId: fx.d2.departmentId } }),
    fresh: async (fx) => ({ url: `/api/staff/complaints/${(await fx.make.complaint()).id}/actions`, payload: { action: 'assign', departmentId: fx.d2.departmentId } }),
  },
}

const rectify = { measures: '加强窗口人员培训，优化受理流程', reply: '非常抱歉给您带来不便，我们已整改，欢迎再次评价。' }
const appeal = { evidence: '监控录像显示窗口人员按规定办理，评价内容与事实不符。' }
const orderBody = (caseId: string) => ({
  caseId,
  items: [{ name: '工本费', unitFen: 1000, quantity: 1, unit: '每本' }],
  deadline: todayPlus(3),
  clientKey: clientKey(),
})

let phones = 0
function freshPhone(): string {
  return `1365${String(process.pid % 1000).padStart(3, '0')}${String(++phones).padStart(4, '0')}`
}
