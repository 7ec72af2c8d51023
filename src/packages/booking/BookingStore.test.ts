import { apiError, testStore } from '../../testing/fakeApi'
import { appointment, availability, day, fakeAppointmentsApi, MATTER, slot } from '../../testing/appointments'
import { citizenProfile, FUTURE } from '../../testing/fixtures'
import { bookingOf } from './BookingStore'

function setup() {
  const { store, api } = testStore()
  const client = fakeAppointmentsApi()
  return { store, api, client, booking: bookingOf(store, client) }
}

const page = (items: ReturnType<typeof appointment>[], bookingBan = null as null | { until: string; noShows: number; message: string }) => ({
  items,
  page: 1,
  pageSize: 20,
  total: items.length,
  bookingBan,
})

describe('availability', () => {
  it('keeps the server’s days, slots and counts per service', async () => {
    const { client, booking } = setup()
    const answer = availability({ days: [day({ slots: [slot({ remaining: 2 }), slot({ remaining: 0 })] })] })
    client.availability.mockResolvedValue(answer)
    await booking.loadAvailability(MATTER.id)
    expect(client.availability).toHaveBeenCalledWith(MATTER.id)
    expect(booking.availability(MATTER.id)).toEqual(answer)
    expect(booking.availabilityStatus(MATTER.id).status).toBe('ready')
  })

  it('says why it could not load, and keeps the last answer on screen', async () => {
    const { client, booking } = setup()
    client.availability.mockResolvedValueOnce(availability())
    await booking.loadAvailability(MATTER.id)
    client.availability.mockRejectedValueOnce(apiError(404, '该事项不支持预约'))
    await booking.loadAvailability(MATTER.id)
    expect(booking.availabilityStatus(MATTER.id)).toEqual({ status: 'error', error: '该事项不支持预约' })
    expect(booking.availability(MATTER.id)).toBeDefined()
  })
})

describe('booking', () => {
  it('books the slot and refreshes the counts', async () => {
    const { client, booking } = setup()
    const booked = appointment()
    client.book.mockResolvedValue(booked)
    client.availability.mockResolvedValue(availability())
    const outcome = await booking.book(MATTER.id, 'slot-1')
    expect(client.book).toHaveBeenCalledWith({ slotId: 'slot-1' })
    expect(outcome).toEqual({ ok: true, appointment: booked })
    expect(booking.appointment(booked.id)).toEqual(booked)
    expect(client.availability).toHaveBeenCalledWith(MATTER.id)
  })

  it('links the booking to a case when it comes from one', async () => {
    const { client, booking } = setup()
    client.book.mockResolvedValue(appointment())
    client.availability.mockResolvedValue(availability())
    await booking.book(MATTER.id, 'slot-1', { caseId: 'case-1' })
    expect(client.book).toHaveBeenCalledWith({ slotId: 'slot-1', caseId: 'case-1' })
  })

  it('passes on a refusal as the server’s sentence and shows the live counts again', async () => {
    const { client, booking } = setup()
    client.book.mockRejectedValue(apiError(409, '该时段已约满，请选择其他时段'))
    const fresh = availability({ days: [day({ status: 'full', slots: [slot({ remaining: 0 })] })] })
    client.availability.mockResolvedValue(fresh)
    const outcome = await booking.book(MATTER.id, 'slot-1')
    expect(outcome).toEqual({ ok: false, message: '该时段已约满，请选择其他时段' })
    await Promise.resolve()
    expect(client.availability).toHaveBeenCalledTimes(1)
    await new Promise((r) => setTimeout(r, 0))
    expect(booking.availability(MATTER.id)).toEqual(fresh)
  })

  it('reschedules through the server in one step and reads the old booking again', async () => {
    const { client, booking } = setup()
    const old = appointment()
    client.get.mockResolvedValueOnce(old)
    await booking.loadAppointment(old.id)
    const moved = appointment({ date: '2026-11-24' })
    client.reschedule.mockResolvedValue(moved)
    client.availability.mockResolvedValue(availability())
    client.get.mockResolvedValueOnce({ ...old, status: 'cancelled', cancelKind: 'rescheduled', canCancel: false, rescheduledTo: moved.id })
    const outcome = await booking.book(MATTER.id, 'slot-2', { rescheduleId: old.id })
    expect(client.reschedule).toHaveBeenCalledWith(old.id, { slotId: 'slot-2' })
    expect(client.book).not.toHaveBeenCalled()
    expect(outcome).toEqual({ ok: true, appointment: moved })
    expect(booking.appointment(moved.id)).toEqual(moved)
    await new Promise((r) => setTimeout(r, 0))
    expect(booking.appointment(old.id)).toMatchObject({ status: 'cancelled', rescheduledTo: moved.id })
  })
})

describe('my bookings', () => {
  it('lists upcoming bookings by default, all on request, and keeps the ban', async () => {
    const { client, booking } = setup()
    const ban = { until: '2027-02-20', noShows: 2, message: '您在30天内有2次预约未到，2027年2月20日（含）前不能在线预约。' }
    client.list.mockResolvedValue(page([appointment()], ban))
    await booking.mine.reload()
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, active: true })
    expect(booking.listBan).toEqual(ban)
    await booking.setActiveOnly(false)
    expect(client.list).toHaveBeenLastCalledWith({ page: 1, pageSize: 20, active: undefined })
    expect(booking.mine.items).toHaveLength(1)
  })

  it('cancels with the reason and shows the server’s answer in the list', async () => {
    const { client, booking } = setup()
    const booked = appointment()
    client.list.mockResolvedValue(page([booked]))
    await booking.mine.reload()
    const cancelled = { ...booked, status: 'cancelled' as const, canCancel: false, cancelKind: 'citizen' as const }
    client.cancel.mockResolvedValue(cancelled)
    await booking.cancel(booked.id, ' 临时有事 ')
    expect(client.cancel).toHaveBeenCalledWith(booked.id, { reason: '临时有事' })
    expect(booking.appointment(booked.id)?.status).toBe('cancelled')
    expect(booking.mine.items[0].status).toBe('cancelled')
  })

  it('passes on a refused cancel (past the cut-off)', async () => {
    const { client, booking } = setup()
    client.cancel.mockRejectedValue(apiError(409, '距预约开始已不足2小时，不能取消'))
    await expect(booking.cancel('a1', '')).rejects.toMatchObject({ message: '距预约开始已不足2小时，不能取消' })
    expect(client.cancel).toHaveBeenCalledWith('a1', {})
  })
})

it('reads a booking again to pick up the queue number after check-in', async () => {
  const { client, booking } = setup()
  const booked = appointment()
  client.get.mockResolvedValueOnce(booked)
  await booking.loadAppointment(booked.id)
  client.get.mockResolvedValueOnce({ ...booked, status: 'checkedIn', queueNumber: 'Y007', checkedInAt: '2026-11-23T00:55:00.000Z' })
  await booking.loadAppointment(booked.id)
  expect(booking.appointment(booked.id)?.queueNumber).toBe('Y007')
  // A failed re-read keeps what is shown.
  client.get.mockRejectedValueOnce(apiError(0, '网络连接失败'))
  await booking.loadAppointment(booked.id)
  expect(booking.appointment(booked.id)?.queueNumber).toBe('Y007')
})

it('is one store per RootStore and forgets everything at sign-out', async () => {
  const { store, api, client, booking } = setup()
  api.auth.signInWithSms.mockResolvedValue({ token: 't', expiresAt: FUTURE, citizen: citizenProfile() })
  await store.session.signInWithSms('13812345678', '123456')
  client.get.mockResolvedValue(appointment({ id: 'a1' }))
  await booking.loadAppointment('a1')
  expect(bookingOf(store)).toBe(booking)
  api.auth.signOut.mockResolvedValue(undefined)
  await store.session.signOut()
  expect(booking.appointment('a1')).toBeUndefined()
})
