import type {
  DecisionRequest,
  MaterialVerdictRequest,
  StaffPartDetail,
  StaffPartPage,
  StaffPrereviewListQuery,
  PrereviewFile,
} from '../../types/prereviews'
import { apiUrl } from '../env'
import { body, http } from './http'

const path = (partId: string) => `/api/staff/prereviews/${encodeURIComponent(partId)}`

/** GET /api/staff/prereviews — the department's parts waiting for review, most urgent first (server order). */
export function listStaffPrereviews(query: StaffPrereviewListQuery = {}): Promise<StaffPartPage> {
  return body(http.get<StaffPartPage>('/api/staff/prereviews', { params: query }))
}

/** GET /api/staff/prereviews/:partId — materials with signed file URLs, the claim, `allowedDecisions`. */
export function getStaffPrereview(partId: string): Promise<StaffPartDetail> {
  return body(http.get<StaffPartDetail>(path(partId)))
}

/** POST …/claim — 409 (with the server's sentence) when a colleague holds an unexpired claim. */
export function claimStaffPrereview(partId: string): Promise<StaffPartDetail> {
  return body(http.post<StaffPartDetail>(`${path(partId)}/claim`, {}))
}

/** POST …/release — gives the part back to the queue before the claim expires. */
export function releaseStaffPrereview(partId: string): Promise<StaffPartDetail> {
  return body(http.post<StaffPartDetail>(`${path(partId)}/release`, {}))
}

/** PUT …/materials/:slotKey — pass or return one material (a return needs its reason); renews the claim. */
export function markStaffPrereviewMaterial(partId: string, slotKey: string, request: MaterialVerdictRequest): Promise<StaffPartDetail> {
  return body(http.put<StaffPartDetail>(`${path(partId)}/materials/${encodeURIComponent(slotKey)}`, request))
}

/** POST …/decision — the reply to the citizen; only what `allowedDecisions` lists is accepted. */
export function decideStaffPrereview(partId: string, request: DecisionRequest): Promise<StaffPartDetail> {
  return body(http.post<StaffPartDetail>(`${path(partId)}/decision`, request))
}

/** Where a page of a material can be fetched: its signed, short-lived URL made absolute (no headers needed). */
export function prereviewFileUrl(file: PrereviewFile): string {
  return apiUrl(file.url)
}

/**
 * The staff pre-review calls as one group. Not part of `api` (index.ts): only
 * the staff subpackage uses them, and the main package has no room for them.
 */
export const staffPrereviewsApi = {
  list: listStaffPrereviews,
  get: getStaffPrereview,
  claim: claimStaffPrereview,
  release: releaseStaffPrereview,
  markMaterial: markStaffPrereviewMaterial,
  decide: decideStaffPrereview,
}

export type StaffPrereviewsApi = typeof staffPrereviewsApi
