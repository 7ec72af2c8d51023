/**
 * Appointments (预约): citizens see live slot availability per service and
 * book, cancel or reschedule; at the hall staff check them in (QR code or the
 * typed code) and issue a queue number (取号), call the next number, and mark
 * served or no-show. Admins keep slot templates and hall closures.
 *
 * Dates are Asia/Shanghai calendar dates 'YYYY-MM-DD'; times 'HH:mm' in
 * Shanghai; instants ISO date-time. Every rule (window, cut-off, no-show ban,
 * one booking per person per service per day, capacity) is decided on the
 * server; the app shows what it is told.
 */
import { Type, type Static, type TSchema } from 'typebox'
import {
  APPOINTMENT_CANCEL_KINDS,
  APPOINTMENT_DAY_STATUSES,
  APPOINTMENT_STAFF_ACTIONS,
  APPOINTMENT_STATUSES,
  keysOf,
} from './enums'
import { PageInfo, PageQuery, Uuid } from './common'

export const AppointmentStatusSchema = Type.Enum(keysOf(APPOINTMENT_STATUSES))
export const AppointmentCancelKindSchema = Type.Enum(keysOf(APPOINTMENT_CANCEL_KINDS))
export const AppointmentDayStatusSchema = Type.Enum(keysOf(APPOINTMENT_DAY_STATUSES))
export const AppointmentStaffActionSchema = Type.Enum(keysOf(APPOINTMENT_STAFF_ACTIONS))

export const AppointmentDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai)' })
export const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm (Asia/Shanghai)' })
const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

const Ref = Type.Object({ id: Uuid, name: Type.String() })
const HallRef = Type.Object({ id: Uuid, name: Type.String(), address: Type.String() })

/**
 * A booking ban after repeated no-shows (default: 2 in 30 days → 90 days).
 * `until` is the last banned day, inclusive; `message` says it in a sentence.
 */
export const BookingBan = Type.Object({
  until: AppointmentDate,
  noShows: Type.Integer({ description: 'No-shows inside the counting window that caused the ban' }),
  message: Type.String({ description: 'e.g. 您在30天内有2次预约未到，2026年5月1日（含）前不能在线预约。' }),
})
export type BookingBan = Static<typeof BookingBan>

// ---- availability ----

/** One time slot of one day with its live remaining count. */
export const AppointmentSlot = Type.Object({
  id: Uuid,
  startTime: ClockTime,
  endTime: ClockTime,
  startsAt: Instant,
  endsAt: Instant,
  capacity: Type.Integer({ minimum: 0 }),
  remaining: Type.Integer({ minimum: 0, description: '0 = full' }),
})
export type AppointmentSlot = Static<typeof AppointmentSlot>

export const AvailabilityDay = Type.Object({
  date: AppointmentDate,
  status: AppointmentDayStatusSchema,
  remaining: Type.Integer({ minimum: 0, description: 'Sum of remaining over the open slots' }),
  closureReason: Nullable(Type.String()),
  /** Empty when closed or unavailable; full slots are listed with remaining 0. */
  slots: Type.Array(AppointmentSlot),
})
export type AvailabilityDay = Static<typeof AvailabilityDay>

/** GET /api/appointments/availability?matterId= — no sign-in needed; signed-in citizens also get their own state. */
export const AvailabilityQuery = Type.Object({ matterId: Uuid })
export type AvailabilityQuery = Static<typeof AvailabilityQuery>

export const Availability = Type.Object({
  matter: Ref,
  department: Ref,
  hall: HallRef,
  windowNumbers: Type.Array(Type.String(), { description: 'Windows that serve this matter, e.g. ["C02","A01"]' }),
  /** The bookable window: the next working day up to N working days ahead (holidays are skipped, never listed). */
  firstDate: AppointmentDate,
  lastDate: AppointmentDate,
  days: Type.Array(AvailabilityDay),
  nextDateWithRoom: Nullable(AppointmentDate),
  /** Set when nothing in the window can be booked, e.g. 未来5个工作日均已约满，请过几天再来看看. */
  message: Nullable(Type.String()),
  /** The signed-in citizen's ban, if any (null when anonymous). */
  bookingBan: Nullable(BookingBan),
  /** Dates on which the signed-in citizen already holds a booking for this matter (one per day). */
  bookedDates: Type.Array(AppointmentDate),
  /** Whether the signed-in citizen has declared a real name (false when anonymous): booking needs it. */
  realNameReady: Type.Boolean(),
})
export type Availability = Static<typeof Availability>

// ---- a booking ----

const appointmentFields = {
  id: Uuid,
  status: AppointmentStatusSchema,
  matter: Ref,
  department: Ref,
  hall: HallRef,
  date: AppointmentDate,
  startTime: ClockTime,
  endTime: ClockTime,
  startsAt: Instant,
  endsAt: Instant,
  windowNumbers: Type.Array(Type.String(), { description: 'Where to go after check-in' }),
  queueNumber: Nullable(Type.String({ description: '取号: given at check-in, e.g. Y007' })),
  calledWindow: Nullable(Type.String({ description: 'The window that called this number, once called' })),
  calledAt: Nullable(Instant),
  checkedInAt: Nullable(Instant),
  servedAt: Nullable(Instant),
  noShowAt: Nullable(Instant),
  cancelledAt: Nullable(Instant),
  cancelKind: Nullable(AppointmentCancelKindSchema),
  cancelReason: Nullable(Type.String()),
  caseId: Nullable(Uuid),
  /** The pre-review the booking was made from, if any (optional: added later). */
  prereviewId: Type.Optional(Nullable(Uuid)),
  createdAt: Instant,
}

/** A booking as its citizen sees it, with the check-in QR code. */
export const Appointment = Type.Object({
  ...appointmentFields,
  checkInCode: Type.String({ description: '8 characters staff may type in, e.g. K7M2Q9XD' }),
  checkInPayload: Type.String({ description: 'The QR code content; staff scanning it send it as the check-in code' }),
  cancelDeadline: Instant,
  canCancel: Type.Boolean({ description: 'Cancel and reschedule are allowed now (booked, before the cut-off)' }),
  rescheduledTo: Nullable(Uuid),
})
export type Appointment = Static<typeof Appointment>

export const AppointmentListQuery = Type.Object({
  ...PageQuery,
  active: Type.Optional(Type.Boolean({ description: 'Only bookings still to come (booked or checked in)' })),
})
export type AppointmentListQuery = Static<typeof AppointmentListQuery>

/** My bookings, the soonest first (active) or newest first (all). */
export const AppointmentPage = Type.Object({ items: Type.Array(Appointment), ...PageInfo, bookingBan: Nullable(BookingBan) })
export type AppointmentPage = Static<typeof AppointmentPage>

/** POST /api/appointments — book a slot listed by availability. */
export const BookAppointmentRequest = Type.Object(
  {
    slotId: Uuid,
    caseId: Type.Optional(Uuid),
    /** A passed pre-review (预审) of this matter that the visit is for (added after the first release: optional). */
    prereviewId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type BookAppointmentRequest = Static<typeof BookAppointmentRequest>

export const CancelAppointmentRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
export type CancelAppointmentRequest = Static<typeof CancelAppointmentRequest>

/** POST /api/appointments/:id/reschedule — cancel and book another slot of the same matter in one step. */
export const RescheduleAppointmentRequest = Type.Object({ slotId: Uuid }, { additionalProperties: false })
export type RescheduleAppointmentRequest = Static<typeof RescheduleAppointmentRequest>

// ---- staff ----

/** A booking as staff see it: the citizen masked, no check-in code. */
export const StaffAppointment = Type.Object({
  ...appointmentFields,
  queueSeq: Nullable(Type.Integer({ description: 'Order of check-in in the hall that day' })),
  citizenNameMasked: Type.String(),
  citizenIdNumberMasked: Nullable(Type.String()),
  citizenPhoneMasked: Nullable(Type.String()),
  allowedActions: Type.Array(AppointmentStaffActionSchema, { description: 'What the caller may do now; decided by the server' }),
})
export type StaffAppointment = Static<typeof StaffAppointment>

/** GET /api/staff/appointments — one day; staff see their department's matters only, admins all. */
export const StaffDayQuery = Type.Object({
  date: Type.Optional(AppointmentDate),
  hallId: Type.Optional(Uuid),
  windowNumber: Type.Optional(Type.String({ pattern: '^[A-Z]\\d{2}$', description: 'Only matters served at this window' })),
  status: Type.Optional(AppointmentStatusSchema),
})
export type StaffDayQuery = Static<typeof StaffDayQuery>

export const StaffDayView = Type.Object({
  date: AppointmentDate,
  counts: Type.Object({
    booked: Type.Integer(),
    checkedIn: Type.Integer(),
    served: Type.Integer(),
    noShow: Type.Integer(),
    cancelled: Type.Integer(),
  }),
  /** Checked in and not yet called. */
  waiting: Type.Integer(),
  items: Type.Array(StaffAppointment, { description: 'By start time, then queue order' }),
})
export type StaffDayView = Static<typeof StaffDayView>

/** POST /api/staff/appointments/check-in — the scanned QR payload or the typed 8-character code. */
export const CheckInRequest = Type.Object({ code: Type.String({ minLength: 4, maxLength: 200 }) }, { additionalProperties: false })
export type CheckInRequest = Static<typeof CheckInRequest>

/** POST /api/staff/appointments/call-next — the next checked-in number that this window serves. */
export const CallNextRequest = Type.Object(
  { hallId: Uuid, windowNumber: Type.String({ pattern: '^[A-Z]\\d{2}$', description: '窗口号, e.g. C02' }) },
  { additionalProperties: false },
)
export type CallNextRequest = Static<typeof CallNextRequest>

export const CallNextResult = Type.Object({
  appointment: Nullable(StaffAppointment),
  waiting: Type.Integer({ description: 'Still waiting for this window after this call' }),
})
export type CallNextResult = Static<typeof CallNextResult>

// ---- admin: slot templates ----

/** A weekly slot of a matter in its hall: every matching working day gets one slot with this capacity. */
export const SlotTemplate = Type.Object({
  id: Uuid,
  hall: Ref,
  matter: Ref,
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday; a 调休 working weekend uses its own weekday' }),
  startTime: ClockTime,
  endTime: ClockTime,
  lengthMinutes: Type.Integer(),
  capacity: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Instant,
})
export type SlotTemplate = Static<typeof SlotTemplate>

export const SlotTemplateQuery = Type.Object({ matterId: Type.Optional(Uuid), hallId: Type.Optional(Uuid) })
export type SlotTemplateQuery = Static<typeof SlotTemplateQuery>

export const SlotTemplateList = Type.Object({ items: Type.Array(SlotTemplate) })
export type SlotTemplateList = Static<typeof SlotTemplateList>

/**
 * POST /api/staff/appointments/templates — one or more weekdays at one start
 * time (the hall is the matter's). 409 when it overlaps an active template of
 * the matter on that weekday.
 */
export const SlotTemplateCreate = Type.Object(
  {
    matterId: Uuid,
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
    startTime: ClockTime,
    lengthMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240, description: 'Default: the APPOINTMENT_SLOT_MINUTES setting (30)' })),
    capacity: Type.Integer({ minimum: 1, maximum: 500 }),
  },
  { additionalProperties: false },
)
export type SlotTemplateCreate = Static<typeof SlotTemplateCreate>

/**
 * PATCH /api/staff/appointments/templates/:id — capacity applies to days not
 * yet past. Existing bookings are never cancelled: a slot whose bookings
 * exceed the new capacity keeps them (it just takes no more), and the
 * citizens booked beyond the new capacity are told. active=false stops new
 * bookings from the template; existing bookings stay valid.
 */
export const SlotTemplateUpdate = Type.Object(
  {
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type SlotTemplateUpdate = Static<typeof SlotTemplateUpdate>

export const SlotTemplateCreated = Type.Object({ items: Type.Array(SlotTemplate) })
export type SlotTemplateCreated = Static<typeof SlotTemplateCreated>

export const SlotTemplateChange = Type.Object({
  template: SlotTemplate,
  affectedSlots: Type.Integer({ description: 'Upcoming slots changed' }),
  overbookedSlots: Type.Integer({ description: 'Upcoming slots now holding more bookings than the new capacity (kept)' }),
  notifiedCitizens: Type.Integer({ description: 'Citizens told about the change' }),
})
export type SlotTemplateChange = Static<typeof SlotTemplateChange>

// ---- admin: hall closures ----

export const HallClosure = Type.Object({
  id: Uuid,
  hall: Ref,
  from: AppointmentDate,
  to: AppointmentDate,
  reason: Type.String(),
  createdAt: Instant,
})
export type HallClosure = Static<typeof HallClosure>

export const HallClosureQuery = Type.Object({
  hallId: Type.Optional(Uuid),
  includePast: Type.Optional(Type.Boolean({ description: 'Also closures that ended before today (default false)' })),
})
export type HallClosureQuery = Static<typeof HallClosureQuery>

export const HallClosureList = Type.Object({ items: Type.Array(HallClosure) })
export type HallClosureList = Static<typeof HallClosureList>

/**
 * POST /api/staff/appointments/closures — closes a hall for bookings from
 * `from` to `to` (inclusive, today or later, at most 366 days). Bookings on
 * those days are cancelled and every affected citizen is told, with the
 * reason, in the message centre.
 */
export const HallClosureCreate = Type.Object(
  {
    hallId: Uuid,
    from: AppointmentDate,
    to: AppointmentDate,
    reason: Type.String({ minLength: 2, maxLength: 100, description: 'Shown to citizens, e.g. 系统升级暂停对外办公' }),
  },
  { additionalProperties: false },
)
export type HallClosureCreate = Static<typeof HallClosureCreate>

export const HallClosureResult = Type.Object({
  closure: HallClosure,
  cancelledAppointments: Type.Integer(),
})
export type HallClosureResult = Static<typeof HallClosureResult>
