/** Appointments: who may see and do what. No one sees another's booking; staff only their department's. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Appointment, StaffDayView } from '../../types/appointments'
import { signInStaff, startTestApp, type TestApp } from './testApp'
import { availability, book, matterId, moveBooking, newCitizen, type Auth } from './appointmentsHelpers'

let t: TestApp
let owner: Auth & { phone: string }
let booking: Appointment
let gaWindow: Auth
let jtWindow: Auth
let gaLead: Auth
let jtLead: Auth
let admin: Auth
before(async () => {
  t = await startTestApp()
  const matter = await matterId(t, 'id-card-renewal') // 公安 (ga)
  owner = await newCitizen(t)
  booking = await book(t, owner, (await availability(t, matter)).days[0].slots[3].id)
  ;[gaWindow, jtWindow, gaLead, jtLead, admin] = await Promise.all(
    ['ga.window', 'jt.window', 'ga.lead', 'jt.lead', 'admin'].map((u) => signInStaff(t, u)),
  )
})
after(() => t.close())

const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Partial<Auth> = {}, payload?: object) =>
  t.app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) })

describe('citizens', () => {
  test("another citizen's booking answers like an unknown one, for every action", async () => {
    const other = await newCitizen(t)
    const slot = (await availability(t, booking.matter.id)).days[1].slots[0]
    for (const [method, url, payload] of [
      ['GET', `/api/appointments/${booking.id}`, undefined],
      ['POST', `/api/appointments/${booking.id}/cancel`, {}],
      ['POST', `/api/appointments/${booking.id}/reschedule`, { slotId: slot.id }],
    ] as const) {
      const res = await inject(method, url, other, payload)
      assert.equal(res.statusCode, 404, `${method} ${url}`)
      assert.equal(res.json().message, '未找到该预约')
    }
    const mine = (await inject('GET', '/api/appointments', other)).json()
    assert.equal(mine.total, 0)
    assert.equal((await inject('GET', `/api/appointments/${booking.id}`, owner)).statusCode, 200)
  })

  test('signing in is required to book or list; staff tokens are not citizens', async () => {
    assert.equal((await inject('GET', '/api/appointments')).statusCode, 401)
    assert.equal((await inject('POST', '/api/appointments', {}, { slotId: booking.id })).statusCode, 401)
    const asStaff = await inject('GET', '/api/appointments', gaWindow)
    assert.equal(asStaff.statusCode, 403)
    assert.match(asStaff.json().message, /办事群众/)
  })

  test('citizens cannot reach the desk or the settings', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/staff/appointments', undefined],
      ['GET', `/api/staff/appointments/${booking.id}`, undefined],
      ['POST', '/api/staff/appointments/check-in', { code: booking.checkInCode }],
      ['POST', `/api/staff/appointments/${booking.id}/no-show`, undefined],
      ['GET', '/api/staff/appointments/templates', undefined],
      ['POST', '/api/staff/appointments/closures', { hallId: booking.hall.id, from: '2099-01-01', to: '2099-01-01', reason: '测试闭厅' }],
    ] as const) {
      assert.equal((await inject(method, url, owner, payload)).statusCode, 403, `${method} ${url}`)
    }
  })

  test('inputs are validated: unknown fields, bad ids, bad dates', async () => {
    const extra = await inject('POST', '/api/appointments', owner, { slotId: booking.id, citizenId: booking.id })
    assert.equal(extra.statusCode, 400)
    const badId = await inject('POST', '/api/appointments', owner, { slotId: 'abc' })
    assert.equal(badId.statusCode, 400)
    assert.equal(badId.json().field, 'slotId')
    const badDate = await inject('GET', '/api/staff/appointments?date=2026-13-01', gaWindow)
    assert.equal(badDate.statusCode, 400)
    const longReason = await inject('POST', `/api/appointments/${booking.id}/cancel`, owner, { reason: '很'.repeat(201) })
    assert.equal(longReason.statusCode, 400)
  })
})

describe('staff', () => {
  test("other departments neither see nor act on a booking; the matter's department and admins do", async () => {
    await moveBooking(t, booking.id, 15)
    const hidden = await inject('GET', `/api/staff/appointments/${booking.id}`, jtWindow)
    assert.equal(hidden.statusCode, 403)
    assert.equal((await inject('POST', '/api/staff/appointments/check-in', jtWindow, { code: booking.checkInCode })).statusCode, 403)
    assert.equal((await inject('POST', `/api/staff/appointments/${booking.id}/check-in`, jtWindow)).statusCode, 403)
    assert.equal((await inject('POST', `/api/staff/appointments/${booking.id}/no-show`, jtWindow)).statusCode, 403)
    const theirDay: StaffDayView = (await inject('GET', `/api/staff/appointments?hallId=${booking.hall.id}`, jtWindow)).json()
    assert.ok(!theirDay.items.some((i) => i.id === booking.id))
    assert.equal(theirDay.counts.booked, 0)

    const ours: StaffDayView = (await inject('GET', `/api/staff/appointments?hallId=${booking.hall.id}`, gaWindow)).json()
    assert.ok(ours.items.some((i) => i.id === booking.id))
    const all: StaffDayView = (await inject('GET', '/api/staff/appointments', admin)).json()
    assert.ok(all.items.some((i) => i.id === booking.id))
    const body = JSON.stringify(ours)
    assert.ok(!body.includes(owner.phone), 'phones masked')
    assert.ok(!body.includes(booking.checkInCode), 'no check-in codes in staff views')
    assert.ok(!body.includes('李四'), 'names masked')
  })

  test('a window of another department cannot call numbers', async () => {
    const denied = await inject('POST', '/api/staff/appointments/call-next', jtWindow, { hallId: booking.hall.id, windowNumber: 'D02' })
    assert.equal(denied.statusCode, 403)
    const unknown = await inject('POST', '/api/staff/appointments/call-next', gaWindow, { hallId: booking.hall.id, windowNumber: 'Z99' })
    assert.equal(unknown.statusCode, 400)
    const shared = await inject('POST', '/api/staff/appointments/call-next', jtWindow, { hallId: booking.hall.id, windowNumber: 'A01' })
    assert.equal(shared.statusCode, 200, '综合窗口 serve every department')
    assert.equal(shared.json().appointment, null, "…but only call this department's bookings")
  })

  test('templates: window staff may read but not change; leads only their department; closures are for admins', async () => {
    assert.equal((await inject('GET', '/api/staff/appointments/templates', gaWindow)).statusCode, 200)
    const create = { matterId: booking.matter.id, weekdays: [2], startTime: '12:30', capacity: 1 }
    assert.equal((await inject('POST', '/api/staff/appointments/templates', gaWindow, create)).statusCode, 403)
    assert.equal((await inject('POST', '/api/staff/appointments/templates', jtLead, create)).statusCode, 403)
    const made = await inject('POST', '/api/staff/appointments/templates', gaLead, create)
    assert.equal(made.statusCode, 200, made.body)
    const id = made.json().items[0].id
    assert.equal((await inject('PATCH', `/api/staff/appointments/templates/${id}`, jtLead, { capacity: 3 })).statusCode, 403)
    assert.equal((await inject('DELETE', `/api/staff/appointments/templates/${id}`, jtLead)).statusCode, 403)
    assert.equal((await inject('PATCH', `/api/staff/appointments/templates/${id}`, gaLead, {})).statusCode, 400, 'an empty change')
    assert.equal((await inject('DELETE', `/api/staff/appointments/templates/${id}`, gaLead)).statusCode, 204)
    const theirs = (await inject('GET', '/api/staff/appointments/templates', jtWindow)).json()
    assert.ok(theirs.items.every((i: { matter: { id: string } }) => i.matter.id !== booking.matter.id))

    const closure = { hallId: booking.hall.id, from: '2099-01-05', to: '2099-01-06', reason: '设备检修' }
    assert.equal((await inject('POST', '/api/staff/appointments/closures', gaLead, closure)).statusCode, 403)
    const audit = await t.db.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'appointment.template.%'`)
    assert.equal(audit.rows[0].n, 2)
  })
})
