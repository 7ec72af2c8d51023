import type {
  Appointment,
  AppointmentListQuery,
  AppointmentPage,
  Availability,
  BookAppointmentRequest,
  CancelAppointmentRequest,
  RescheduleAppointmentRequest,
} from '../../types/appointments'
import { body, http } from './http'

const path = (id: string) => `/api/appointments/${encodeURIComponent(id)}`

/** GET /api/appointments/availability — days and slots with live remaining counts; signed in, also the citizen's ban and bookings. */
export function getAvailability(matterId: string): Promise<Availability> {
  return body(http.get<Availability>('/api/appointments/availability', { params: { matterId } }))
}

/** GET /api/appointments — my bookings (我的预约), with my booking ban if any. */
export function listAppointments(query: AppointmentListQuery = {}): Promise<AppointmentPage> {
  return body(http.get<AppointmentPage>('/api/appointments', { params: query }))
}

/** GET /api/appointments/:id — with the check-in code, and the queue number once checked in. */
export function getAppointment(id: string): Promise<Appointment> {
  return body(http.get<Appointment>(path(id)))
}

/** POST /api/appointments — books a slot; 409 when it is full or a rule refuses it. */
export function bookAppointment(request: BookAppointmentRequest): Promise<Appointment> {
  return body(http.post<Appointment>('/api/appointments', request))
}

/** POST /api/appointments/:id/cancel — allowed until the cut-off (`cancelDeadline`). */
export function cancelAppointment(id: string, request: CancelAppointmentRequest = {}): Promise<Appointment> {
  return body(http.post<Appointment>(`${path(id)}/cancel`, request))
}

/** POST /api/appointments/:id/reschedule — cancel + book in one step; answers the new booking. */
export function rescheduleAppointment(id: string, request: RescheduleAppointmentRequest): Promise<Appointment> {
  return body(http.post<Appointment>(`${path(id)}/reschedule`, request))
}

/**
 * The citizen's appointment calls as one group. Not part of `api` (index.ts):
 * only the booking subpackage uses them, and the main package has no room.
 */
export const appointmentsApi = {
  availability: getAvailability,
  list: listAppointments,
  get: getAppointment,
  book: bookAppointment,
  cancel: cancelAppointment,
  reschedule: rescheduleAppointment,
}

export type AppointmentsApi = typeof appointmentsApi
