import type {
  CallNextRequest,
  CallNextResult,
  HallClosureCreate,
  HallClosureList,
  HallClosureQuery,
  HallClosureResult,
  SlotTemplateChange,
  SlotTemplateCreate,
  SlotTemplateCreated,
  SlotTemplateList,
  SlotTemplateQuery,
  SlotTemplateUpdate,
  StaffAppointment,
  StaffDayQuery,
  StaffDayView,
} from '../../types/appointments'
import type { AppointmentStaffAction } from '../../types/enums'
import { body, http } from './http'

const BASE = '/api/staff/appointments'

/** GET /api/staff/appointments — one day of a hall: counts, waiting, bookings with their allowed actions. */
export function getStaffDay(query: StaffDayQuery = {}): Promise<StaffDayView> {
  return body(http.get<StaffDayView>(BASE, { params: query }))
}

/** POST /api/staff/appointments/check-in — the scanned QR payload or the typed code; answers the booking with its queue number. */
export function checkInAppointment(code: string): Promise<StaffAppointment> {
  return body(http.post<StaffAppointment>(`${BASE}/check-in`, { code }))
}

/** POST /api/staff/appointments/call-next — the next waiting number for this window (null when nobody waits). */
export function callNextNumber(request: CallNextRequest): Promise<CallNextResult> {
  return body(http.post<CallNextResult>(`${BASE}/call-next`, request))
}

/** The path of each row action (签到取号 by booking is for a citizen who shows an ID card instead of the code). */
const ACTION_PATHS: Record<AppointmentStaffAction, string> = { checkIn: 'check-in', serve: 'served', noShow: 'no-show' }

/** POST /api/staff/appointments/:id/check-in | served | no-show — the server checks the action is allowed now. */
export function actOnAppointment(id: string, action: AppointmentStaffAction): Promise<StaffAppointment> {
  return body(http.post<StaffAppointment>(`${BASE}/${encodeURIComponent(id)}/${ACTION_PATHS[action]}`))
}

/** GET /api/staff/appointments/templates */
export function listSlotTemplates(query: SlotTemplateQuery = {}): Promise<SlotTemplateList> {
  return body(http.get<SlotTemplateList>(`${BASE}/templates`, { params: query }))
}

/** POST /api/staff/appointments/templates — one template per weekday; 409 on overlap. */
export function createSlotTemplates(request: SlotTemplateCreate): Promise<SlotTemplateCreated> {
  return body(http.post<SlotTemplateCreated>(`${BASE}/templates`, request))
}

/** PATCH /api/staff/appointments/templates/:id — capacity or active; answers what changed and who was told. */
export function updateSlotTemplate(id: string, patch: SlotTemplateUpdate): Promise<SlotTemplateChange> {
  return body(http.patch<SlotTemplateChange>(`${BASE}/templates/${encodeURIComponent(id)}`, patch))
}

/** GET /api/staff/appointments/closures */
export function listHallClosures(query: HallClosureQuery = {}): Promise<HallClosureList> {
  return body(http.get<HallClosureList>(`${BASE}/closures`, { params: query }))
}

/** POST /api/staff/appointments/closures — cancels the bookings of those days and tells the citizens. */
export function createHallClosure(request: HallClosureCreate): Promise<HallClosureResult> {
  return body(http.post<HallClosureResult>(`${BASE}/closures`, request))
}

/**
 * The staff appointment calls as one group. Not part of `api` (index.ts):
 * only the staff subpackage uses them.
 */
export const staffAppointmentsApi = {
  day: getStaffDay,
  checkIn: checkInAppointment,
  callNext: callNextNumber,
  act: actOnAppointment,
  templates: listSlotTemplates,
  createTemplates: createSlotTemplates,
  updateTemplate: updateSlotTemplate,
  closures: listHallClosures,
  createClosure: createHallClosure,
}

export type StaffAppointmentsApi = typeof staffAppointmentsApi
