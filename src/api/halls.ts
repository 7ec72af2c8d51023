import type { Hall, HallList } from '../../types/catalog'
import { body, http } from './http'

/** GET /api/halls */
export function listHalls(): Promise<HallList> {
  return body(http.get<HallList>('/api/halls'))
}

/** GET /api/halls/:id */
export function getHall(id: string): Promise<Hall> {
  return body(http.get<Hall>(`/api/halls/${encodeURIComponent(id)}`))
}
