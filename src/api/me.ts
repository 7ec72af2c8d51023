import type { CitizenProfile } from '../../types/auth'
import type { RealNameRequest } from '../../types/me'
import { body, http } from './http'

/** GET /api/me — the signed-in citizen's profile (masked). */
export function getMe(): Promise<CitizenProfile> {
  return body(http.get<CitizenProfile>('/api/me'))
}

/** PUT /api/me/real-name — declared identity (已填报，未核验). */
export function declareRealName(request: RealNameRequest): Promise<CitizenProfile> {
  return body(http.put<CitizenProfile>('/api/me/real-name', request))
}
