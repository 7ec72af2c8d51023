import type {
  ComplaintActionRequest,
  StaffComplaintDetail,
  StaffComplaintListQuery,
  StaffComplaintPage,
} from '../../types/complaints'
import { body, http } from './http'

const path = (id: string) => `/api/staff/complaints/${encodeURIComponent(id)}`

/** GET /api/staff/complaints — the department's (admin: all), open ones by due time first (server order). */
export function listStaffComplaints(query: StaffComplaintListQuery = {}): Promise<StaffComplaintPage> {
  return body(http.get<StaffComplaintPage>('/api/staff/complaints', { params: query }))
}

/** GET /api/staff/complaints/:id — `allowedActions` says which buttons to offer. */
export function getStaffComplaint(id: string): Promise<StaffComplaintDetail> {
  return body(http.get<StaffComplaintDetail>(path(id)))
}

/** POST /api/staff/complaints/:id/actions — 受理 / 答复 (text ≥ 10 characters) / 指派部门 (admin). */
export function actOnComplaint(id: string, request: ComplaintActionRequest): Promise<StaffComplaintDetail> {
  return body(http.post<StaffComplaintDetail>(`${path(id)}/actions`, request))
}

/** The staff complaint calls; not on `Api` (only the staff subpackage uses them). */
export const staffComplaintsApi = {
  list: listStaffComplaints,
  get: getStaffComplaint,
  act: actOnComplaint,
}

export type StaffComplaintsApi = typeof staffComplaintsApi
