import type { StaffProfile } from '../../types/auth'
import type { MatterDetail, MatterGuidePatch, MatterPage } from '../../types/matters'
import { body, http } from './http'

/** GET /api/staff/me */
export function getStaffMe(): Promise<StaffProfile> {
  return body(http.get<StaffProfile>('/api/staff/me'))
}

/** GET /api/staff/matters — the staff member's department's matters (all, for an admin). */
export function listStaffMatters(query: { page?: number; pageSize?: number } = {}): Promise<MatterPage> {
  return body(http.get<MatterPage>('/api/staff/matters', { params: query }))
}

/** PATCH /api/staff/matters/:id — phones and FAQs of a guide. */
export function patchStaffMatter(id: string, patch: MatterGuidePatch): Promise<MatterDetail> {
  return body(http.patch<MatterDetail>(`/api/staff/matters/${encodeURIComponent(id)}`, patch))
}
