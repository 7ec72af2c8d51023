import type { DocumentRef, MatterDetail, MatterListQuery, MatterPage } from '../../types/matters'
import { apiUrl } from '../env'
import { body, http } from './http'

/** GET /api/matters — `q` matches name, keyword or pinyin initials on the server. */
export function listMatters(query: MatterListQuery = {}): Promise<MatterPage> {
  return body(http.get<MatterPage>('/api/matters', { params: withoutEmpty(query) }))
}

/** GET /api/matters/:id — the full service guide. */
export function getMatter(id: string): Promise<MatterDetail> {
  return body(http.get<MatterDetail>(`/api/matters/${encodeURIComponent(id)}`))
}

/** Absolute URL of a public template or sample served by GET /api/documents/:id. */
export function documentUrl(document: DocumentRef): string {
  return apiUrl(document.url)
}

function withoutEmpty<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>
}
