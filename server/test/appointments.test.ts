/** Appointments (预约), happy paths and rules: availability, book, cancel, reschedule, check-in, queue, no-shows, reminders. */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Appointment, AppointmentPage, Availability, CallNextResult, StaffAppointment, StaffDayView } from '../../types/appointments'
import type { NotificationPage } from '../../types/notifications'
import { chineseDaysCalendarInput, WorkdayCalendar } from '../src/domain/calendar'
import { bookingWindow } from '../src/domain/appointments'
import { NotificationService } from '../src/services/notifications/notificationService'
import { sendAppointmentReminders } from '../src/services/appointments/reminders'
import { appointmentSettings } from '../src/services/appointments/settings'
import { signInByPhone, signInStaff, startTestApp, type TestApp } from './testApp'
import {
  availability,
  book,
  bookRaw,
  matterId,
  moveBooking,
  moveBookingToDay,
  newCitizen,
  openSlots,
  residentId,
  setCapacity,
  today,
  type Auth,
} from './appointmentsHelpers'

let t: TestApp
let idCard: string // 居民身份证换领, 公安 (ga), civic hall, windows D02/A01/A02
let gaWindow: Auth
before(async () => {
  t = await startTestApp()
  idCard = await matterId(t, 'id-card-renewal')
  gaWindow = await signInStaff(t, 'ga.window')
})
after(() => t.close())

const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)
const messages = async (h: Auth): Promise<NotificationPage> => (await t.app.inject({ url: '/api/notifications', headers: h })).json()
const get = async (h: Auth, id: string): Promise<Appointment> => (await t.app.inject({ url: `/api/appointments/${id}`, headers: h })).json()
const staffPost = (h: Auth, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url: `/api/staff/appointments${url}`, headers: h, ...(payload ? { payload } : {}) })

describe('availability', () => {
  test('the next working day up to 5 working days ahead, with slots and live remaining counts', async () => {
    const av = await availability(t, idCard)
    const expected = bookingWindow(new WorkdayCalendar(chineseDaysCalendarInput()), today(), 5)
    assert.deepEqual(
      av.days.map((d) => d.date),
      expected.dates,
      'working days only: no holiday, no ordinary weekend, never today',
    )
    assert.equal(av.firstDate, expected.first)
    assert.equal(av.lastDate, expected.last)
    assert.equal(av.matter.name, '居民身份证换领')
    assert.equal(av.hall.name, '玉门市市民中心')
    assert.deepEqual(av.windowNumbers, ['D02', 'A01', 'A02'])
    for (const day of av.days) {
      assert.equal(day.status, 'open')
      assert.equal(day.slots.length, 14, 'seeded 30-minute slots through office hours')
      assert.equal(day.slots[0].startTime, '08:30')
      assert.equal(day.slots[0].endTime, '09:00')
      assert.equal(day.slots[0].capacity, 4)
      assert.equal(day.remaining, day.slots.reduce((n, s) => n + s.remaining, 0))
    }
    assert.equal(av.nextDateWithRoom, av.firstDate)
    assert.equal(av.message, null)
    assert.equal(av.bookingBan, null)
    assert.equal(av.realNameReady, false, 'anonymous')
  })

  test('materialising slots twice (or from two requests at once) makes them once', async () => {
    await Promise.all([availability(t, idCard), availability(t, idCard), availability(t, idCard)])
    const { rows } = await sql(`SELECT count(*)::int AS n, count(DISTINCT (template_id, date))::int AS d FROM appointment_slots WHERE matter_id = $1`, [idCard])
    assert.equal(rows[0].n, rows[0].d)
    assert.equal(rows[0].n, 5 * 14)
  })

  test('a matter without appointments, and an unknown one, answer in Chinese', async () => {
    const { rows } = await sql(`SELECT id FROM matters WHERE (flags->>'appointment')::boolean = false LIMIT 1`)
    const no = await t.app.inject({ url: `/api/appointments/availability?matterId=${rows[0].id}` })
    assert.equal(no.statusCode, 409)
    assert.match(no.json().message, /暂不支持网上预约/)
    const unknown = await t.app.inject({ url: `/api/appointments/availability?matterId=00000000-0000-4000-8000-000000000000` })
    assert.equal(unknown.statusCode, 404)
    const bad = await t.app.inject({ url: `/api/appointments/availability?matterId=x` })
    assert.equal(bad.statusCode, 400)
  })

  test('a full day says so and points at the next day with room', async () => {
    const matter = await matterId(t, 'residence-permit')
    const av = await availability(t, matter)
    const first = av.days[0]
    await sql(`UPDATE appointment_slots SET capacity = 0 WHERE matter_id = $1 AND date = $2`, [matter, first.date])
    const after = await availability(t, matter)
    assert.equal(after.days[0].status, 'full')
    assert.equal(after.days[0].remaining, 0)
    assert.equal(after.nextDateWithRoom, after.days[1].date)
    await sql(`UPDATE appointment_slots SET capacity = 0 WHERE matter_id = $1`, [matter])
    const none = await availability(t, matter)
    assert.equal(none.nextDateWithRoom, null)
    assert.match(none.message ?? '', /均已约满/)
  })
})

describe('booking', () => {
  test('a citizen signed in by SMS declares a real name, books, and sees the booking with its QR code', async () => {
    const phone = '13811112222'
    const h = await signInByPhone(t, phone)
    const [slot] = await openSlots(t, idCard)
    const noName = await bookRaw(t, h, slot.id)
    assert.equal(noName.statusCode, 403)
    assert.match(noName.json().message, /实名/)
    assert.equal((await availability(t, idCard, h)).realNameReady, false)
    const declared = await t.app.inject({ method: 'PUT', url: '/api/me/real-name', headers: h, payload: { name: '王小明', idNumber: residentId(999) } })
    assert.equal(declared.statusCode, 200, declared.body)

    const a = await book(t, h, slot.id)
    assert.equal(a.status, 'booked')
    assert.equal(a.matter.id, idCard)
    assert.equal(a.startsAt, slot.startsAt)
    assert.equal(a.startTime, slot.startTime)
    assert.match(a.checkInCode, /^[2-9A-HJKMNP-Z]{8}$/)
    assert.equal(a.checkInPayload, `PYC-APPT:${a.checkInCode}`)
    assert.equal(a.canCancel, true)
    assert.equal(new Date(a.cancelDeadline).getTime(), new Date(a.startsAt).getTime() - 2 * 3_600_000)
    assert.equal(a.queueNumber, null)

    const av = await availability(t, idCard, h)
    assert.deepEqual(av.bookedDates, [a.date])
    assert.equal(av.realNameReady, true)
    const after = av.days.flatMap((d) => d.slots).find((s) => s.id === slot.id)!
    assert.equal(after.remaining, slot.remaining - 1, 'live remaining count')

    const list: AppointmentPage = (await t.app.inject({ url: '/api/appointments?active=true', headers: h })).json()
    assert.deepEqual(list.items.map((i) => i.id), [a.id])
    assert.equal(list.bookingBan, null)
    const inbox = await messages(h)
    assert.match(inbox.items[0].title, /预约成功/)
    assert.ok(!JSON.stringify(a).includes(phone), 'no phone in the booking')
  })

  test('one booking per person per service per day; another day or another service is fine', async () => {
    const h = await newCitizen(t)
    const av = await availability(t, idCard)
    const [day1, day2] = av.days
    await book(t, h, day1.slots[2].id)
    const again = await bookRaw(t, h, day1.slots[3].id)
    assert.equal(again.statusCode, 409)
    assert.match(again.json().message, /同一事项每天只能预约一次/)
    await book(t, h, day2.slots[2].id)
    const other = await openSlots(t, await matterId(t, 'household-move-in'))
    await book(t, h, other.find((s) => s.startsAt.startsWith(day1.slots[2].startsAt.slice(0, 10)))?.id ?? other[0].id)
  })

  test('booking from a passed pre-review links it; someone else\'s or an unpassed one is refused', async () => {
    const h = await newCitizen(t)
    const insert = async (citizenId: string, status: string) =>
      (
        await sql(
          `WITH p AS (INSERT INTO prereviews (citizen_id, client_key, matter_id, status) VALUES ($1, gen_random_uuid(), $2, $3) RETURNING id)
           INSERT INTO prereview_parts (prereview_id, matter_id, department_id, status)
           SELECT p.id, m.id, m.department_id, $4 FROM p, matters m WHERE m.id = $2 RETURNING prereview_id`,
          [citizenId, idCard, status === 'passed' ? 'passed' : 'submitted', status === 'passed' ? 'passed' : 'pending'],
        )
      ).rows[0].prereview_id as string
    const passed = await insert(h.id, 'passed')
    const pending = await insert(h.id, 'submitted')
    const stranger = await insert((await newCitizen(t)).id, 'passed')
    const slots = await openSlots(t, idCard)
    const post = (prereviewId: string, slotId: string) => t.app.inject({ method: 'POST', url: '/api/appointments', headers: h, payload: { slotId, prereviewId } })
    for (const id of [pending, stranger, '00000000-0000-4000-8000-000000000000']) {
      const res = await post(id, slots[13].id)
      assert.equal(res.statusCode, 400, res.body)
      assert.equal(res.json().field, 'prereviewId')
    }
    const ok = await post(passed, slots[13].id)
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().prereviewId, passed)
  })

  test('a full slot answers 409 naming the next day with room; a slot outside the window is refused', async () => {
    const h = await newCitizen(t)
    const av = await availability(t, idCard)
    const slot = av.days[0].slots[5]
    await setCapacity(t, slot.id, 0)
    const full = await bookRaw(t, h, slot.id)
    assert.equal(full.statusCode, 409)
    assert.match(full.json().message, /该时段已约满，请选择其他时段（最近可约：\d+月\d+日（周.）/)
    await setCapacity(t, slot.id, 4)

    const outside = av.days[1].slots[6]
    await sql(`UPDATE appointment_slots SET date = '2020-01-06' WHERE id = $1`, [outside.id])
    const late = await bookRaw(t, h, outside.id)
    assert.equal(late.statusCode, 409)
    assert.match(late.json().message, /只能预约.*的时段/)
    await sql(`UPDATE appointment_slots SET date = $2 WHERE id = $1`, [outside.id, av.days[1].date])
    const missing = await bookRaw(t, h, '00000000-0000-4000-8000-000000000000')
    assert.equal(missing.statusCode, 404)
  })

  test('cancel up to 2 hours before; the place comes back; after the cut-off it is refused', async () => {
    const h = await newCitizen(t)
    const [slot] = (await openSlots(t, idCard)).slice(8)
    const a = await book(t, h, slot.id)
    const before = (await sql(`SELECT booked FROM appointment_slots WHERE id = $1`, [slot.id])).rows[0].booked
    const res = await t.app.inject({ method: 'POST', url: `/api/appointments/${a.id}/cancel`, headers: h, payload: { reason: '临时有事' } })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().status, 'cancelled')
    assert.equal(res.json().cancelKind, 'citizen')
    assert.equal((await sql(`SELECT booked FROM appointment_slots WHERE id = $1`, [slot.id])).rows[0].booked, before - 1)
    const twice = await t.app.inject({ method: 'POST', url: `/api/appointments/${a.id}/cancel`, headers: h, payload: {} })
    assert.equal(twice.statusCode, 409)

    const b = await book(t, h, slot.id)
    await moveBooking(t, b.id, 119)
    assert.equal((await get(h, b.id)).canCancel, false)
    const late = await t.app.inject({ method: 'POST', url: `/api/appointments/${b.id}/cancel`, headers: h, payload: {} })
    assert.equal(late.statusCode, 409)
    assert.match(late.json().message, /不足2小时/)
  })

  test('reschedule moves the booking atomically; when the new slot is full the old booking stands', async () => {
    const h = await newCitizen(t)
    const slots = await openSlots(t, idCard)
    const from = slots[9]
    const to = slots[10]
    const a = await book(t, h, from.id)
    const count = async (id: string) => (await sql(`SELECT booked FROM appointment_slots WHERE id = $1`, [id])).rows[0].booked as number
    const [fromBefore, toBefore] = [await count(from.id), await count(to.id)]
    const res = await t.app.inject({ method: 'POST', url: `/api/appointments/${a.id}/reschedule`, headers: h, payload: { slotId: to.id } })
    assert.equal(res.statusCode, 200, res.body)
    const moved: Appointment = res.json()
    assert.notEqual(moved.id, a.id)
    assert.equal(moved.startsAt, to.startsAt)
    const old = await get(h, a.id)
    assert.equal(old.status, 'cancelled')
    assert.equal(old.cancelKind, 'rescheduled')
    assert.equal(old.rescheduledTo, moved.id)
    assert.deepEqual([await count(from.id), await count(to.id)], [fromBefore - 1, toBefore + 1])

    const fullSlot = slots[11]
    await setCapacity(t, fullSlot.id, 0)
    const refused = await t.app.inject({ method: 'POST', url: `/api/appointments/${moved.id}/reschedule`, headers: h, payload: { slotId: fullSlot.id } })
    assert.equal(refused.statusCode, 409)
    assert.match(refused.json().message, /已约满/)
    assert.equal((await get(h, moved.id)).status, 'booked', 'the old booking is untouched')
    assert.equal(await count(to.id), toBefore + 1)

    const otherMatter = (await openSlots(t, await matterId(t, 'household-move-in')))[0]
    const wrong = await t.app.inject({ method: 'POST', url: `/api/appointments/${moved.id}/reschedule`, headers: h, payload: { slotId: otherMatter.id } })
    assert.equal(wrong.statusCode, 400)
  })
})

describe('at the hall', () => {
  test('check-in by QR payload gives a queue number the citizen sees; the window calls it; served', async () => {
    const h = await newCitizen(t)
    const [slot] = await openSlots(t, idCard)
    const a = await book(t, h, slot.id)
    const early = await staffPost(gaWindow, '/check-in', { code: a.checkInPayload })
    assert.equal(early.statusCode, 409, 'not on another day')
    assert.match(early.json().message, /预约当天/)
    await moveBooking(t, a.id, 10)

    const res = await staffPost(gaWindow, '/check-in', { code: a.checkInPayload })
    assert.equal(res.statusCode, 200, res.body)
    const checked: StaffAppointment = res.json()
    assert.equal(checked.status, 'checkedIn')
    assert.match(checked.queueNumber ?? '', /^Y\d{3,}$/)
    assert.equal(checked.citizenNameMasked, '李*')
    assert.deepEqual(checked.allowedActions, ['serve'])
    assert.ok(!('checkInCode' in checked), 'staff never see the code')
    const again = await staffPost(gaWindow, '/check-in', { code: a.checkInCode.toLowerCase() })
    assert.equal(again.statusCode, 409)

    const mine = await get(h, a.id)
    assert.equal(mine.status, 'checkedIn')
    assert.equal(mine.queueNumber, checked.queueNumber)
    assert.match((await messages(h)).items[0].title, new RegExp(`排队号${checked.queueNumber}`))

    const day: StaffDayView = (await t.app.inject({ url: `/api/staff/appointments?windowNumber=D02`, headers: gaWindow })).json()
    assert.ok(day.items.some((i) => i.id === a.id))
    assert.ok(day.counts.checkedIn >= 1)
    assert.ok(day.waiting >= 1)

    const hall = (await sql(`SELECT hall_id FROM appointments WHERE id = $1`, [a.id])).rows[0].hall_id
    const called: CallNextResult = (await staffPost(gaWindow, '/call-next', { hallId: hall, windowNumber: 'D02' })).json()
    assert.equal(called.appointment?.id, a.id)
    assert.equal(called.appointment?.calledWindow, 'D02')
    assert.equal((await get(h, a.id)).calledWindow, 'D02')
    const nobody: CallNextResult = (await staffPost(gaWindow, '/call-next', { hallId: hall, windowNumber: 'D02' })).json()
    assert.equal(nobody.appointment, null)
    assert.equal(nobody.waiting, 0)

    const served = await staffPost(gaWindow, `/${a.id}/served`)
    assert.equal(served.statusCode, 200, served.body)
    assert.equal(served.json().status, 'served')
    const audit = await sql(`SELECT action FROM audit_log WHERE target_id = $1 AND action NOT LIKE 'read%' ORDER BY created_at`, [a.id])
    assert.deepEqual(audit.rows.map((r) => r.action), ['appointment.checkIn', 'appointment.call', 'appointment.serve'])
  })

  test('queue numbers are distinct and in order under concurrent check-ins', async () => {
    const ids: { code: string }[] = []
    const slots = await openSlots(t, await matterId(t, 'birth-registration'))
    for (let i = 0; i < 6; i++) {
      const h = await newCitizen(t)
      const a = await book(t, h, slots[i].id)
      await moveBooking(t, a.id, 20)
      ids.push({ code: a.checkInCode })
    }
    const results = await Promise.all(ids.map((x) => staffPost(gaWindow, '/check-in', { code: x.code })))
    assert.deepEqual(results.map((r) => r.statusCode), [200, 200, 200, 200, 200, 200])
    const numbers = results.map((r) => r.json().queueSeq as number)
    assert.equal(new Set(numbers).size, 6)
  })

  test('typed codes that cannot be a code, and unknown codes, are explained', async () => {
    const bad = await staffPost(gaWindow, '/check-in', { code: 'hello world' })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().field, 'code')
    const unknown = await staffPost(gaWindow, '/check-in', { code: '23456789' })
    assert.equal(unknown.statusCode, 404)
  })

  test('2 no-shows in 30 days ban booking for 90 days, saying until when', async () => {
    const h = await newCitizen(t)
    const av = await availability(t, idCard)
    const first = await book(t, h, av.days[0].slots[12].id)
    const second = await book(t, h, av.days[1].slots[12].id)
    await moveBooking(t, first.id, 30)
    const tooEarly = await staffPost(gaWindow, `/${first.id}/no-show`)
    assert.equal(tooEarly.statusCode, 409, 'not while the citizen may still check in')
    await moveBookingToDay(t, first.id, 10)
    await moveBookingToDay(t, second.id, 3)
    const one = await staffPost(gaWindow, `/${first.id}/no-show`)
    assert.equal(one.statusCode, 200, one.body)
    assert.match((await messages(h)).items[0].body, /30天内预约未到2次，将有90天不能在线预约/)
    assert.equal((await availability(t, idCard, h)).bookingBan, null, 'one no-show does not ban')

    assert.equal((await staffPost(gaWindow, `/${second.id}/no-show`)).statusCode, 200)
    const { rows } = await sql(`SELECT to_char(date::date + 90, 'FMYYYY"年"FMMM"月"FMDD"日"') AS until FROM appointments WHERE id = $1`, [second.id])
    const refused = await bookRaw(t, h, av.days[2].slots[12].id)
    assert.equal(refused.statusCode, 403)
    assert.match(refused.json().message, new RegExp(`${rows[0].until}（含）前不能在线预约`))
    const withBan: Availability = await availability(t, idCard, h)
    assert.equal(withBan.bookingBan?.noShows, 2)
    assert.match((await messages(h)).items[0].body, /前不能在线预约/)
  })
})

describe('admin', () => {
  test('lowering capacity below bookings keeps them, stops new ones, and tells the citizens beyond it', async () => {
    const admin = await signInStaff(t, 'admin')
    const matter = await matterId(t, 'taxi-driver-qualification') // capacity 2
    const av = await availability(t, matter)
    const slot = av.days[2].slots[3]
    const [c1, c2] = [await newCitizen(t), await newCitizen(t)]
    const b1 = await book(t, c1, slot.id)
    const b2 = await book(t, c2, slot.id)
    const { rows } = await sql(`SELECT template_id FROM appointment_slots WHERE id = $1`, [slot.id])
    const res = await t.app.inject({ method: 'PATCH', url: `/api/staff/appointments/templates/${rows[0].template_id}`, headers: admin, payload: { capacity: 1 } })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().template.capacity, 1)
    assert.ok(res.json().affectedSlots >= 1)
    assert.equal(res.json().overbookedSlots, 1)
    assert.equal(res.json().notifiedCitizens, 1)
    assert.equal((await get(c1, b1.id)).status, 'booked')
    assert.equal((await get(c2, b2.id)).status, 'booked')
    assert.match((await messages(c2)).items[0].body, /您的预约继续有效/, 'the later booking is told')
    assert.doesNotMatch((await messages(c1)).items[0].body, /接待量/)
    const full = await bookRaw(t, await newCitizen(t), slot.id)
    assert.equal(full.statusCode, 409)
    const listed = (await availability(t, matter)).days[2].slots.find((s) => s.id === slot.id)!
    assert.deepEqual([listed.capacity, listed.remaining], [1, 0])
  })

  test('templates: create, overlap refused, delete unused, deactivate keeps bookings', async () => {
    const admin = await signInStaff(t, 'admin')
    const matter = await matterId(t, 'marriage-registration')
    const overlap = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments/templates',
      headers: admin,
      payload: { matterId: matter, weekdays: [1], startTime: '09:15', capacity: 2 },
    })
    assert.equal(overlap.statusCode, 409)
    assert.match(overlap.json().message, /重叠/)
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments/templates',
      headers: admin,
      payload: { matterId: matter, weekdays: [1, 3], startTime: '12:00', lengthMinutes: 60, capacity: 2 },
    })
    assert.equal(created.statusCode, 200, created.body)
    const items = created.json().items
    assert.deepEqual(items.map((i: { weekday: number; endTime: string }) => [i.weekday, i.endTime]), [[1, '13:00'], [3, '13:00']])
    const del = await t.app.inject({ method: 'DELETE', url: `/api/staff/appointments/templates/${items[0].id}`, headers: admin })
    assert.equal(del.statusCode, 204)
    const midnight = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments/templates',
      headers: admin,
      payload: { matterId: matter, weekdays: [2], startTime: '23:45', capacity: 2 },
    })
    assert.equal(midnight.statusCode, 400)

    const h = await newCitizen(t)
    const slot = (await availability(t, matter)).days[3].slots[0]
    const a = await book(t, h, slot.id)
    const { rows } = await sql(`SELECT template_id FROM appointment_slots WHERE id = $1`, [slot.id])
    const used = await t.app.inject({ method: 'DELETE', url: `/api/staff/appointments/templates/${rows[0].template_id}`, headers: admin })
    assert.equal(used.statusCode, 409)
    const off = await t.app.inject({ method: 'PATCH', url: `/api/staff/appointments/templates/${rows[0].template_id}`, headers: admin, payload: { active: false } })
    assert.equal(off.statusCode, 200, off.body)
    assert.equal((await get(h, a.id)).status, 'booked')
    assert.ok(!(await availability(t, matter)).days[3].slots.some((s) => s.id === slot.id))
    await t.app.inject({ method: 'PATCH', url: `/api/staff/appointments/templates/${rows[0].template_id}`, headers: admin, payload: { active: true } })
    assert.ok((await availability(t, matter)).days[3].slots.some((s) => s.id === slot.id))
  })

  test('a closure removes the days, cancels their bookings and tells each citizen why; lifting it reopens them', async () => {
    const admin = await signInStaff(t, 'admin')
    const matter = await matterId(t, 'certificate-replacement') // 不动产登记中心
    const av = await availability(t, matter)
    const day = av.days[4]
    const h = await newCitizen(t)
    const a = await book(t, h, day.slots[1].id)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments/closures',
      headers: admin,
      payload: { hallId: av.hall.id, from: day.date, to: day.date, reason: '系统升级暂停对外办公' },
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().cancelledAppointments, 1)
    const cancelled = await get(h, a.id)
    assert.equal(cancelled.status, 'cancelled')
    assert.equal(cancelled.cancelKind, 'closure')
    assert.match((await messages(h)).items[0].body, /因系统升级暂停对外办公.*闭厅.*已取消，不计爽约/)
    const closedDay = (await availability(t, matter)).days[4]
    assert.deepEqual([closedDay.status, closedDay.closureReason, closedDay.slots.length], ['closed', '系统升级暂停对外办公', 0])
    const refused = await bookRaw(t, h, day.slots[2].id)
    assert.equal(refused.statusCode, 409)
    assert.match(refused.json().message, /闭厅/)

    const past = await t.app.inject({
      method: 'POST',
      url: '/api/staff/appointments/closures',
      headers: admin,
      payload: { hallId: av.hall.id, from: '2020-01-01', to: '2020-01-02', reason: '测试' },
    })
    assert.equal(past.statusCode, 400)
    const list = (await t.app.inject({ url: '/api/staff/appointments/closures', headers: admin })).json()
    assert.equal(list.items.length, 1)
    const lifted = await t.app.inject({ method: 'DELETE', url: `/api/staff/appointments/closures/${res.json().closure.id}`, headers: admin })
    assert.equal(lifted.statusCode, 204)
    assert.equal((await availability(t, matter)).days[4].status, 'open')
    assert.equal((await bookRaw(t, h, day.slots[2].id)).statusCode, 200)
  })
})

describe('reminders', () => {
  test('the day before and an hour before, each once however often the job runs', async () => {
    const h = await newCitizen(t)
    const slots = await openSlots(t, await matterId(t, 'social-security-card'))
    const a = await book(t, h, slots[0].id)
    const settings = appointmentSettings(t.config)
    const notifications = new NotificationService(t.db.database.db)
    const db = t.db.database.db
    // 10:00 Shanghai on the day before the booking.
    const dayBefore = new Date(new Date(a.startsAt).getTime() - 86_400_000)
    const at = new Date(`${new Date(dayBefore.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T10:30:00+08:00`)
    const first = await sendAppointmentReminders(db, notifications, settings, at)
    assert.ok(first.dayBefore >= 1)
    const again = await Promise.all([1, 2].map(() => sendAppointmentReminders(db, notifications, settings, at)))
    assert.deepEqual(again.map((r) => r.dayBefore), [0, 0])
    const early = new Date(at.getTime() - 2 * 3_600_000) // 08:30: before the day-before time
    assert.equal((await sendAppointmentReminders(db, notifications, settings, early)).dayBefore, 0)
    const soon = new Date(new Date(a.startsAt).getTime() - 50 * 60_000)
    const later = await Promise.all([1, 2, 3].map(() => sendAppointmentReminders(db, notifications, settings, soon)))
    assert.ok(later.reduce((n, r) => n + r.soon, 0) >= 1)
    assert.equal((await sendAppointmentReminders(db, notifications, settings, soon)).soon, 0)
    const titles = (await messages(h)).items.map((m) => m.title)
    assert.equal(titles.filter((x) => x === '预约提醒：明天办事').length, 1)
    assert.equal(titles.filter((x) => x === '预约提醒：即将开始').length, 1)
  })
})
