/**
 * Identifiers and values the server really has, read from its own GET
 * answers, so generated requests get past "not found" into the services.
 */
import type { ValueSource } from './schemaArbitrary'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PER_KEY = 24

export class ValuePool implements ValueSource {
  private readonly byName = new Map<string, Set<unknown>>()
  /** `id` values of the items listed by a collection path such as /api/matters/. */
  private readonly byCollection = new Map<string, Set<string>>()

  private add(map: Map<string, Set<any>>, key: string, value: unknown): void {
    let set = map.get(key)
    if (!set) map.set(key, (set = new Set()))
    if (set.size < PER_KEY) set.add(value)
  }

  /** Remembers the scalar fields of an answer of `GET path`. */
  learn(path: string, body: unknown, depth = 0): void {
    if (depth > 6 || body === null || typeof body !== 'object') return
    if (Array.isArray(body)) {
      for (const item of body.slice(0, PER_KEY)) this.learn(path, item, depth + 1)
      return
    }
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' || typeof value === 'number') {
        if (typeof value === 'string' && value.length > 200) continue
        this.add(this.byName, key, value)
        if (key === 'id' && typeof value === 'string' && UUID.test(value)) this.add(this.byCollection, path, value)
      } else {
        this.learn(path, value, depth + 1)
      }
    }
  }

  known(name: string): unknown[] {
    return [...(this.byName.get(name) ?? []), ...(this.hints.get(name.toLowerCase().endsWith('idnumber') ? 'idNumber' : name) ?? [])]
  }

  /** Values the server accepts that no schema can express (a checksum), given by the test. */
  private readonly hints = new Map<string, unknown[]>()
  hint(name: string, values: unknown[]): void {
    this.hints.set(name, values)
  }

  /**
   * Candidates for a path parameter: for `/api/staff/prereviews/{partId}/claim`
   * the ids listed at `/api/staff/prereviews/`, values seen as `partId`, and the
   * ids of collections named like the parameter (`matterId` → /api/matters/).
   */
  candidates(path: string, name: string): unknown[] {
    const out = new Set<unknown>()
    const at = path.indexOf(`{${name}}`)
    if (at > 0) for (const v of this.byCollection.get(path.slice(0, at)) ?? []) out.add(v)
    if (name !== 'id') for (const v of this.known(name)) out.add(v)
    const stem = name.replace(/Id$/, '').toLowerCase()
    if (stem !== name.toLowerCase()) {
      for (const [collection, ids] of this.byCollection) {
        const last = collection.replace(/\/$/, '').split('/').pop() ?? ''
        if (last.toLowerCase().startsWith(stem)) for (const v of ids) out.add(v)
      }
    }
    return [...out]
  }

  /** A ValueSource for body and query fields: known values by name, plus collection ids for `xxxId`. */
  source(): ValueSource {
    return { known: (name) => (name.endsWith('Id') ? this.candidates('', name) : this.known(name)) }
  }
}
