import type {
  CaseActionRequest,
  CaseDetail,
  CasePage,
  MailResultRequest,
  StaffCaseListQuery,
  Supervision,
  WalkInReceipt,
  WalkInRequest,
} from '../../types/cases'
import { body, http } from './http'

const path = (id: string) => `/api/staff/cases/${encodeURIComponent(id)}`

/** GET /api/staff/cases — the department's queue, most urgent first (server order). */
export function listStaffCases(query: StaffCaseListQuery = {}): Promise<CasePage> {
  return body(http.get<CasePage>('/api/staff/cases', { params: query }))
}

/** GET /api/staff/cases/:id — `allowedActions` says which buttons to offer. */
export function getStaffCase(id: string): Promise<CaseDetail> {
  return body(http.get<CaseDetail>(path(id)))
}

/** POST /api/staff/cases — 窗口收件; the receipt carries the query password, shown once. */
export function registerWalkIn(request: WalkInRequest): Promise<WalkInReceipt> {
  return body(http.post<WalkInReceipt>('/api/staff/cases', request))
}

/** POST /api/staff/cases/:id/actions — the server checks the transition and answers the new case. */
export function actOnCase(id: string, request: CaseActionRequest): Promise<CaseDetail> {
  return body(http.post<CaseDetail>(`${path(id)}/actions`, request))
}

/** PUT /api/staff/cases/:id/delivery — courier and tracking number of a mailed result. */
export function setCaseDelivery(id: string, request: MailResultRequest): Promise<CaseDetail> {
  return body(http.put<CaseDetail>(`${path(id)}/delivery`, request))
}

/** GET /api/staff/supervision — counts by light and the overdue list (leads and admins). */
export function getSupervision(): Promise<Supervision> {
  return body(http.get<Supervision>('/api/staff/supervision'))
}

/**
 * The staff case calls as one group. Not part of `api` (index.ts): only the
 * staff subpackage uses them, and the main package has no room for them.
 */
export const staffCasesApi = {
  list: listStaffCases,
  get: getStaffCase,
  registerWalkIn,
  act: actOnCase,
  setDelivery: setCaseDelivery,
  supervision: getSupervision,
}

export type StaffCasesApi = typeof staffCasesApi
