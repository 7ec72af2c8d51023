import type { CaseDetail, CaseListQuery, CaseLookupRequest, CasePage, CaseProgress } from '../../types/cases'
import { body, http } from './http'

const path = (id: string) => `/api/cases/${encodeURIComponent(id)}`

/** GET /api/cases — the signed-in citizen's own cases (我的办件). */
export function listCases(query: CaseListQuery = {}): Promise<CasePage> {
  return body(http.get<CasePage>('/api/cases', { params: query }))
}

/** GET /api/cases/:id */
export function getCase(id: string): Promise<CaseDetail> {
  return body(http.get<CaseDetail>(path(id)))
}

/** POST /api/cases/:id/withdraw — 撤回, with the citizen's reason. */
export function withdrawCase(id: string, reason: string): Promise<CaseDetail> {
  return body(http.post<CaseDetail>(`${path(id)}/withdraw`, { reason }))
}

/**
 * POST /api/cases/lookup — anonymous progress by number + query password.
 * No token: a stranger's lookup must not end (or depend on) a session.
 */
export function lookupCase(request: CaseLookupRequest): Promise<CaseProgress> {
  return body(http.post<CaseProgress>('/api/cases/lookup', request, { skipAuth: true }))
}
