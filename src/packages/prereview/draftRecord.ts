/**
 * The device copy of a citizen's drafts (Taro storage: wx storage on weapp,
 * localStorage on H5), one entry per service or bundle, under a key of the
 * signed-in citizen so nobody else on the device sees them.
 *
 * The client key is written here BEFORE the draft is created on the server:
 * if the app dies between the request and its answer, the next attempt sends
 * the same key and the server answers the draft it already made.
 */
import type { DeliveryChoice, PrereviewTarget } from '../../../types/prereviews'
import type { KeyValueStorage } from '../../stores/storage'

export interface DraftRecord {
  /** The idempotency key of POST /api/prereviews; null for a draft opened from the server list. */
  clientKey: string | null
  /** The server's draft, once created. */
  id: string | null
  fields: Record<string, string>
  delivery: DeliveryChoice | null
  /** When the citizen last changed a field here (device clock, ISO); null when never. */
  editedAt: string | null
  /** Changes the server has not acknowledged yet. */
  dirty: boolean
}

export const DRAFTS_STORAGE_PREFIX = 'paoyici.prereview.drafts.'

/** 'matter:<id>' or 'bundle:<id>': one draft per target on a device. */
export function targetKey(target: PrereviewTarget): string {
  return target.kind === 'matter' ? `matter:${target.matterId}` : `bundle:${target.bundleId}`
}

export function emptyRecord(clientKey: string | null): DraftRecord {
  return { clientKey, id: null, fields: {}, delivery: null, editedAt: null, dirty: false }
}

/** The drafts of one citizen on this device. */
export class DraftRecords {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly citizenId: string,
  ) {}

  get(key: string): DraftRecord | null {
    return this.all()[key] ?? null
  }

  set(key: string, record: DraftRecord): void {
    this.write({ ...this.all(), [key]: record })
  }

  remove(key: string): void {
    const all = this.all()
    if (!(key in all)) return
    delete all[key]
    this.write(all)
  }

  /** The entry that holds this server draft, if any. */
  keyOfDraft(id: string): string | null {
    const found = Object.entries(this.all()).find(([, record]) => record.id === id)
    return found ? found[0] : null
  }

  private all(): Record<string, DraftRecord> {
    const raw = this.storage.get(this.storageKey)
    if (!raw) return {}
    try {
      const parsed: unknown = JSON.parse(raw)
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, DraftRecord>) : {}
    } catch {
      return {}
    }
  }

  private write(all: Record<string, DraftRecord>): void {
    if (Object.keys(all).length === 0) this.storage.remove(this.storageKey)
    else this.storage.set(this.storageKey, JSON.stringify(all))
  }

  private get storageKey(): string {
    return `${DRAFTS_STORAGE_PREFIX}${this.citizenId}`
  }
}

/** A random UUID v4 (the contract's clientKey). Not for secrets: weapp has no crypto.getRandomValues everywhere. */
export function newClientKey(random: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
