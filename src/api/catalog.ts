import type { Catalog } from '../../types/catalog'
import { body, http } from './http'

/** GET /api/catalog — departments and topics with their matter counts. */
export function getCatalog(): Promise<Catalog> {
  return body(http.get<Catalog>('/api/catalog'))
}
