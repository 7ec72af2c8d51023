/**
 * Test helpers for appointments (预约): fakes of the two call groups that are
 * not on `Api` (api/appointments.ts, api/staffAppointments.ts), each method a
 * jest.fn that fails loudly unless the test says what it returns, and
 * contract-shaped fixtures.
 */
import type {
  Appointment,
  Availability,
  AvailabilityDay,
  AppointmentSlot,
  SlotTemplate,
  StaffAppointment,
  StaffDayView,
} from '../../types/appointments'
import type { AppointmentsApi } from '../api/appointments'
import type { StaffAppointmentsApi } from '../api/staffAppointments'

type FakeGroup<T> = { [M in keyof T]: T[M] & jest.Mock }

function fakeGroup<T>(name: string, methods: readonly string[]): FakeGroup<T> {
  return Object.fromEntries(
    methods.map((m) => [m, jest.fn(() => Promise.reject(new Error(`unexpected call: ${name}.${m}`)))]),
  ) as unknown as FakeGroup<T>
}

export function fakeAppointmentsApi(): FakeGroup<AppointmentsApi> {
  return fakeGroup<AppointmentsApi>('appointments', ['availability', 'list', 'get', 'book', 'cancel', 'reschedule'])
}

export function fakeStaffAppointmentsApi(): FakeGroup<StaffAppointmentsApi> {
  return fakeGroup<StaffAppointmentsApi>('staffAppointments', [
    'day',
    'checkIn',
    'callNext',
    'act',
    'templates',
    'createTemplates',
    'updateTemplate',
    'closures',
    'createClosure',
  ])
}

let counter = 0
const uuid = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`

export const HALL = { id: '00000000-0000-4000-9000-00000000aaaa', name: '玉门市民中心', address: '玉门市新市区迎宾路1号' }
export const MATTER = { id: '00000000-0000-4000-9000-00000000bbbb', name: '个体工商户设立登记' }

export function slot(overrides: Partial<AppointmentSlot> = {}): AppointmentSlot {
  return {
    id: uuid(),
    startTime: '09:00',
    endTime: '09:30',
    startsAt: '2026-11-23T01:00:00.000Z',
    endsAt: '2026-11-23T01:30:00.000Z',
    capacity: 5,
    remaining: 3,
    ...overrides,
  }
}

export function day(overrides: Partial<AvailabilityDay> = {}): AvailabilityDay {
  const slots = overrides.slots ?? [slot()]
  return {
    date: '2026-11-23',
    status: 'open',
    remaining: slots.reduce((n, s) => n + s.remaining, 0),
    closureReason: null,
    slots,
    ...overrides,
  }
}

export function availability(overrides: Partial<Availability> = {}): Availability {
  const days = overrides.days ?? [day()]
  return {
    matter: MATTER,
    department: { id: uuid(), name: '玉门市市场监督管理局' },
    hall: HALL,
    windowNumbers: ['C02'],
    firstDate: days[0]?.date ?? '2026-11-23',
    lastDate: days[days.length - 1]?.date ?? '2026-11-27',
    days,
    nextDateWithRoom: days.find((d) => d.remaining > 0)?.date ?? null,
    message: null,
    bookingBan: null,
    bookedDates: [],
    realNameReady: true,
    ...overrides,
  }
}

const bookingFields = () => ({
  id: uuid(),
  status: 'booked' as const,
  matter: MATTER,
  department: { id: uuid(), name: '玉门市市场监督管理局' },
  hall: HALL,
  date: '2026-11-23',
  startTime: '09:00',
  endTime: '09:30',
  startsAt: '2026-11-23T01:00:00.000Z',
  endsAt: '2026-11-23T01:30:00.000Z',
  windowNumbers: ['C02'],
  queueNumber: null,
  calledWindow: null,
  calledAt: null,
  checkedInAt: null,
  servedAt: null,
  noShowAt: null,
  cancelledAt: null,
  cancelKind: null,
  cancelReason: null,
  caseId: null,
  createdAt: '2026-11-22T02:00:00.000Z',
})

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    ...bookingFields(),
    checkInCode: 'K7M2Q9XD',
    checkInPayload: 'PYC-APPT:K7M2Q9XD',
    cancelDeadline: '2026-11-22T23:00:00.000Z',
    canCancel: true,
    rescheduledTo: null,
    ...overrides,
  }
}

export function staffAppointment(overrides: Partial<StaffAppointment> = {}): StaffAppointment {
  return {
    ...bookingFields(),
    queueSeq: null,
    citizenNameMasked: '张*',
    citizenIdNumberMasked: '6209**********0018',
    citizenPhoneMasked: '138****5678',
    allowedActions: ['checkIn'],
    ...overrides,
  }
}

export function staffDay(overrides: Partial<StaffDayView> = {}): StaffDayView {
  const items = overrides.items ?? [staffAppointment()]
  return {
    date: '2026-11-23',
    counts: { booked: items.length, checkedIn: 0, served: 0, noShow: 0, cancelled: 0 },
    waiting: 0,
    items,
    ...overrides,
  }
}

export function slotTemplate(overrides: Partial<SlotTemplate> = {}): SlotTemplate {
  return {
    id: uuid(),
    hall: { id: HALL.id, name: HALL.name },
    matter: MATTER,
    weekday: 1,
    startTime: '09:00',
    endTime: '09:30',
    lengthMinutes: 30,
    capacity: 5,
    active: true,
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  }
}
