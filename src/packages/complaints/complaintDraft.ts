/**
 * A complaint being written, as kept on the device (Taro storage: wx storage
 * on weapp, localStorage on H5) under a key of the signed-in citizen, so it
 * survives an app restart and nobody else on the device sees it.
 *
 * The client key is made once, with the draft, and stored before anything is
 * sent: a retry after a lost answer (or a restart) sends the same key, and
 * the server answers the complaint it already made instead of a second one.
 */
import type { ComplaintCategory, ComplaintKind, ComplaintPhoto } from '../../../types/complaints'
import type { KeyValueStorage } from '../../stores/storage'
import { CONTENT_MAX, CONTENT_MIN } from './labels'

export interface ComplaintDraft {
  clientKey: string
  kind: ComplaintKind
  category: ComplaintCategory | null
  content: string
  /** One of my cases it is about; then the case's department handles it. */
  caseId: string | null
  /** The department it is about, when no case is linked. */
  departmentId: string | null
  /** Photos the server has staged for me (attached by the create request). */
  photos: ComplaintPhoto[]
}

export type DraftField = 'kind' | 'category' | 'content' | 'case' | 'department' | 'photos' | 'form'
export type DraftErrors = Partial<Record<DraftField, string>>

export const DRAFT_STORAGE_PREFIX = 'paoyici.complaints.draft.'

export function emptyDraft(clientKey: string): ComplaintDraft {
  return { clientKey, kind: 'complaint', category: null, content: '', caseId: null, departmentId: null, photos: [] }
}

/** Characters as the citizen counts them (a character outside the BMP is one). */
export function charCount(text: string): number {
  return Array.from(text.trim()).length
}

/** What must be fixed before sending; empty when the draft may go. */
export function validateDraft(draft: ComplaintDraft): DraftErrors {
  const errors: DraftErrors = {}
  if (!draft.category) errors.category = '请选择类别'
  const length = charCount(draft.content)
  if (length < CONTENT_MIN) errors.content = `请写下具体情况（至少${CONTENT_MIN}个字，已写${length}个字）`
  else if (length > CONTENT_MAX) errors.content = `内容不能超过${CONTENT_MAX}个字（已写${length}个字）`
  return errors
}

/** The draft of one citizen on this device. */
export class DraftRecord {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly citizenId: string,
  ) {}

  read(): ComplaintDraft | null {
    const raw = this.storage.get(this.key)
    if (!raw) return null
    try {
      const parsed = JSON.parse(raw) as Partial<ComplaintDraft> | null
      if (!parsed || typeof parsed.clientKey !== 'string') return null
      return { ...emptyDraft(parsed.clientKey), ...parsed, photos: Array.isArray(parsed.photos) ? parsed.photos : [] }
    } catch {
      return null
    }
  }

  write(draft: ComplaintDraft): void {
    this.storage.set(this.key, JSON.stringify(draft))
  }

  clear(): void {
    this.storage.remove(this.key)
  }

  private get key(): string {
    return `${DRAFT_STORAGE_PREFIX}${this.citizenId}`
  }
}
