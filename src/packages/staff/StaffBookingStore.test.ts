import type { Hall } from '../../../types/catalog'
import { apiError, testStore } from '../../testing/fakeApi'
import { fakeStaffAppointmentsApi, HALL, MATTER, slotTemplate, staffAppointment, staffDay } from '../../testing/appointments'
import { matterSummary, staffProfile } from '../../testing/fixtures'
import { shanghaiDate, shiftDate } from './dates'
import { validateClosure, type TemplateForm } from './slotForms'
import { staffBookingOf } from './StaffBookingStore'

// 2026-11-22 23:30 UTC is already 2026-11-23 in China.
const NOW = new Date('2026-11-22T23:30:00.000Z')
const DEPT = { id: '00000000-0000-4000-9000-0000000000d1', name: '玉门市市场监督管理局' }

const hall = (overrides: Partial<Hall> = {}): Hall => ({
  ...HALL,
  latitude: 40.29,
  longitude: 97.04,
  phone: '0937-3322110',
  hoursText: '工作日 8:30-12:00 14:30-18:00',
  openingPeriods: [],
  transit: '',
  windows: [
    { id: '00000000-0000-4000-9000-0000000000w1', number: 'A01', name: '公安户政', departmentId: '00000000-0000-4000-9000-0000000000d9' },
    { id: '00000000-0000-4000-9000-0000000000w2', number: 'C02', name: '市场监管', departmentId: DEPT.id },
  ],
  ...overrides,
})

function setup() {
  const { store, api } = testStore()
  const client = fakeStaffAppointmentsApi()
  return { store, api, client, staffBooking: staffBookingOf(store, client, () => NOW) }
}

it('counts dates in China’s calendar', () => {
  expect(shanghaiDate(NOW)).toBe('2026-11-23')
  expect(shiftDate('2026-11-30', 1)).toBe('2026-12-01')
  expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28')
})

describe('the day view', () => {
  it('picks the hall with the staff member’s windows and asks for today there', async () => {
    const { api, client, staffBooking } = setup()
    const other = hall({ id: '00000000-0000-4000-9000-00000000cccc', windows: [] })
    api.halls.list.mockResolvedValue({ items: [other, hall()] })
    const clerk = staffProfile({ department: DEPT })
    await staffBooking.loadHalls(clerk)
    expect(staffBooking.hallId).toBe(HALL.id)
    expect(staffBooking.windowsFor(clerk)).toEqual(['C02'])
    expect(staffBooking.windowsFor(staffProfile({ role: 'admin', department: null }))).toEqual(['A01', 'C02'])

    client.day.mockResolvedValue(staffDay())
    await staffBooking.selectWindow('C02')
    expect(client.day).toHaveBeenLastCalledWith({ date: '2026-11-23', hallId: HALL.id, windowNumber: 'C02' })
    expect(staffBooking.day?.items).toHaveLength(1)
    await staffBooking.setDate(shiftDate(staffBooking.date, 1))
    expect(client.day).toHaveBeenLastCalledWith({ date: '2026-11-24', hallId: HALL.id, windowNumber: 'C02' })
  })

  it('checks a citizen in with the typed code, keeps the queue number and reads the day again', async () => {
    const { client, staffBooking } = setup()
    const checkedIn = staffAppointment({ status: 'checkedIn', queueNumber: 'Y001', queueSeq: 1, allowedActions: ['serve'] })
    client.checkIn.mockResolvedValue(checkedIn)
    client.day.mockResolvedValue(staffDay({ items: [checkedIn] }))
    const outcome = await staffBooking.checkIn(' k7m2-q9xd ')
    expect(client.checkIn).toHaveBeenCalledWith('k7m2-q9xd')
    expect(outcome).toEqual({ ok: true, value: checkedIn })
    expect(staffBooking.lastCheckIn?.queueNumber).toBe('Y001')
    expect(client.day).toHaveBeenCalled()
  })

  it('refuses an empty code without a request and passes on the server’s refusal', async () => {
    const { client, staffBooking } = setup()
    expect((await staffBooking.checkIn('  ')).ok).toBe(false)
    expect(client.checkIn).not.toHaveBeenCalled()
    client.checkIn.mockRejectedValue(apiError(409, '该预约是2026-11-24的，请群众在预约当天前来签到'))
    expect(await staffBooking.checkIn('K7M2Q9XD')).toEqual({ ok: false, message: '该预约是2026-11-24的，请群众在预约当天前来签到' })
    expect(staffBooking.lastCheckIn).toBeNull()
  })

  it('calls the next number only for a chosen window', async () => {
    const { api, client, staffBooking } = setup()
    expect(await staffBooking.callNext()).toEqual({ ok: false, message: '请先选择窗口' })
    api.halls.list.mockResolvedValue({ items: [hall()] })
    await staffBooking.loadHalls(null)
    client.day.mockResolvedValue(staffDay())
    await staffBooking.selectWindow('C02')
    const called = staffAppointment({ status: 'checkedIn', queueNumber: 'Y001', calledWindow: 'C02' })
    client.callNext.mockResolvedValue({ appointment: called, waiting: 2 })
    const outcome = await staffBooking.callNext()
    expect(client.callNext).toHaveBeenCalledWith({ hallId: HALL.id, windowNumber: 'C02' })
    expect(outcome.ok).toBe(true)
    expect(staffBooking.lastCall).toEqual({ appointment: called, waiting: 2 })
  })

  it('marks served with the server’s answer in the row', async () => {
    const { client, staffBooking } = setup()
    const row = staffAppointment({ status: 'checkedIn', allowedActions: ['serve'] })
    client.day.mockResolvedValueOnce(staffDay({ items: [row] }))
    await staffBooking.loadDay()
    const served = { ...row, status: 'served' as const, allowedActions: [] }
    client.act.mockResolvedValue(served)
    client.day.mockReturnValue(new Promise(() => undefined))
    expect(await staffBooking.act(row.id, 'serve')).toEqual({ ok: true, value: served })
    expect(client.act).toHaveBeenCalledWith(row.id, 'serve')
    expect(staffBooking.day?.items[0].status).toBe('served')
    client.act.mockRejectedValue(apiError(409, '预约时段结束30分钟后仍未签到，才能标记未到'))
    expect(await staffBooking.act(row.id, 'noShow')).toEqual({ ok: false, message: '预约时段结束30分钟后仍未签到，才能标记未到' })
  })
})

describe('slot templates and closures', () => {
  const form: TemplateForm = { matterId: MATTER.id, weekdays: [3, 1], startTime: '09:00', lengthMinutes: '', capacity: '5' }

  async function withHall() {
    const ctx = setup()
    ctx.api.halls.list.mockResolvedValue({ items: [hall()] })
    await ctx.staffBooking.loadHalls(null)
    return ctx
  }

  it('loads the hall’s templates, closures and the matters that take bookings', async () => {
    const { api, client, staffBooking } = await withHall()
    client.templates.mockResolvedValue({ items: [slotTemplate()] })
    client.closures.mockResolvedValue({ items: [] })
    api.staff.listMatters.mockResolvedValue({
      items: [matterSummary({ id: MATTER.id }), matterSummary({ flags: { appointment: false, onlinePayment: false, mailDelivery: false, onlineApplication: false } })],
      page: 1,
      pageSize: 50,
      total: 2,
    })
    await staffBooking.loadSettings()
    expect(client.templates).toHaveBeenCalledWith({ hallId: HALL.id })
    expect(staffBooking.templates).toHaveLength(1)
    expect(staffBooking.matters.map((m) => m.id)).toEqual([MATTER.id])
  })

  it('checks a template form before any request, then sends it', async () => {
    const { client, staffBooking } = await withHall()
    const refused = await staffBooking.createTemplates({ ...form, weekdays: [], capacity: '0', lengthMinutes: '3' })
    expect(refused.errors).toEqual({ weekdays: expect.any(String), capacity: expect.any(String), lengthMinutes: expect.any(String) })
    expect(client.createTemplates).not.toHaveBeenCalled()
    client.createTemplates.mockResolvedValue({ items: [slotTemplate(), slotTemplate({ weekday: 3 })] })
    client.templates.mockResolvedValue({ items: [] })
    client.closures.mockResolvedValue({ items: [] })
    staffBooking.matters = [matterSummary()]
    expect((await staffBooking.createTemplates(form)).ok).toBe(true)
    expect(client.createTemplates).toHaveBeenCalledWith({ matterId: MATTER.id, weekdays: [1, 3], startTime: '09:00', capacity: 5 })
  })

  it('shows what a capacity change did, as the server counted it', async () => {
    const { client, staffBooking } = await withHall()
    const template = slotTemplate()
    staffBooking.templates = [template]
    const change = { template: { ...template, capacity: 2 }, affectedSlots: 4, overbookedSlots: 1, notifiedCitizens: 1 }
    client.updateTemplate.mockResolvedValue(change)
    expect(await staffBooking.updateTemplate(template.id, { capacity: 2 })).toEqual({ ok: true, value: change })
    expect(client.updateTemplate).toHaveBeenCalledWith(template.id, { capacity: 2 })
    expect(staffBooking.lastChange).toEqual(change)
    expect(staffBooking.templates[0].capacity).toBe(2)
    expect((await staffBooking.updateTemplate(template.id, { capacity: -1 })).ok).toBe(false)
  })

  it('closes the hall for a date range and reports the cancelled bookings', async () => {
    const { client, staffBooking } = await withHall()
    expect(validateClosure({ from: '2026-11-22', to: '2026-11-21', reason: '停' }, '2026-11-23')).toEqual({
      from: expect.any(String),
      to: expect.any(String),
      reason: expect.any(String),
    })
    const closure = { id: 'x', hall: { id: HALL.id, name: HALL.name }, from: '2026-11-25', to: '2026-11-26', reason: '系统升级暂停对外办公', createdAt: NOW.toISOString() }
    client.createClosure.mockResolvedValue({ closure, cancelledAppointments: 3 })
    const outcome = await staffBooking.createClosure({ from: '2026-11-25', to: '2026-11-26', reason: ' 系统升级暂停对外办公 ' })
    expect(outcome.ok).toBe(true)
    expect(client.createClosure).toHaveBeenCalledWith({ hallId: HALL.id, from: '2026-11-25', to: '2026-11-26', reason: '系统升级暂停对外办公' })
    expect(staffBooking.lastClosure?.cancelledAppointments).toBe(3)
    expect(staffBooking.closures).toEqual([closure])
  })
})

it('forgets everything at sign-out', async () => {
  const { store, api, client, staffBooking } = setup()
  client.day.mockResolvedValue(staffDay())
  await staffBooking.loadDay()
  api.auth.signInStaff.mockResolvedValue({ token: 't', expiresAt: '2099-01-01T00:00:00.000Z', staff: staffProfile() })
  await store.session.signInStaff('scjg.window', 'pw')
  expect(staffBookingOf(store)).toBe(staffBooking)
  expect(staffBooking.day).toBeNull()
})
