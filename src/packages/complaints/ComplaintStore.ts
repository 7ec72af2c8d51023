import { makeAutoObservable, runInAction } from 'mobx'
import type {
  ComplaintDetail,
  ComplaintPhoto,
  ComplaintSatisfaction,
  ComplaintSummary,
} from '../../../types/complaints'
import { ApiError, userMessage } from '../../api/ApiError'
import { complaintsApi, type ComplaintsApi } from '../../api/complaints'
import { apiUrl } from '../../env'
import type { LoadEntry } from '../../stores/CaseStore'
import { PagedList } from '../../stores/PagedList'
import type { RootStore } from '../../stores/RootStore'
import { taroStorage, type KeyValueStorage } from '../../stores/storage'
import { newClientKey } from '../prereview/draftRecord'
import { UploadQueue, type PickedFile, type UploadItem, type UploadQueueOptions } from '../prereview/upload'
import { DraftRecord, emptyDraft, validateDraft, type ComplaintDraft, type DraftErrors, type DraftField } from './complaintDraft'
import { COMMENT_MAX, PHOTO_MAX } from './labels'
import { sendComplaintPhoto } from './photoUpload'

export const COMPLAINT_PAGE_SIZE = 20
const PHOTO_SLOT = 'photos'
const IDLE: LoadEntry = { status: 'idle', error: null }

export type SubmitOutcome = { ok: true; complaint: ComplaintDetail } | { ok: false; errors: DraftErrors }
export type RatingErrors = Partial<Record<'satisfaction' | 'comment' | 'form', string>>

export interface ComplaintDeps {
  storage: KeyValueStorage
  citizenId: () => string | null
  /** Sends one (compressed) photo to POST /api/complaints/photos; resolves the staged photo. */
  sendPhoto: (file: PickedFile, onProgress: (fraction: number) => void) => Promise<ComplaintPhoto>
  /** Tests replace the platform's compression and waits. */
  queueOptions?: Partial<UploadQueueOptions>
  newKey?: () => string
}

/** A server refusal, put beside the field it names. */
const FIELDS: Record<string, DraftField> = {
  kind: 'kind',
  category: 'category',
  content: 'content',
  caseId: 'case',
  departmentId: 'department',
  photoIds: 'photos',
}

/**
 * A citizen's complaints and suggestions (投诉建议): the one draft being
 * written (kept on the device with its client key, photos staged on the
 * server as they are picked), 我的投诉建议, one complaint with the reply,
 * and rating the reply. Statuses, deadlines, lights and whether a reply may
 * be rated are the server's answers, shown as sent.
 *
 * Built on first use (`complaintsOf`) by the complaints subpackage only.
 */
export class ComplaintStore {
  readonly mine: PagedList<ComplaintSummary>
  readonly uploads: UploadQueue
  draft: ComplaintDraft | null = null
  submitting = false

  private readonly details = new Map<string, ComplaintDetail>()
  private readonly entries = new Map<string, LoadEntry>()
  /** The device's copy of each staged photo (a thumbnail without a round trip), this session only. */
  private readonly previews = new Map<string, string>()

  constructor(
    private readonly api: ComplaintsApi,
    private readonly deps: ComplaintDeps,
  ) {
    this.mine = new PagedList((page) => api.list({ page, pageSize: COMPLAINT_PAGE_SIZE }))
    this.uploads = new UploadQueue({
      // Complaint photos are evidence, not documents to read: no blur or darkness advice.
      check: () => Promise.resolve(null),
      upload: (item, file, onProgress) => this.sendPhoto(item, file, onProgress),
      ...deps.queueOptions,
    })
    makeAutoObservable<ComplaintStore, 'api' | 'deps' | 'previews'>(this, { api: false, deps: false, mine: false, uploads: false, previews: false })
  }

  // ---- the draft ----

  /** The draft kept on the device, or a new one (its client key stored at once); `caseId` links one of my cases. */
  openDraft(options: { caseId?: string } = {}): void {
    const record = this.record()
    if (!record) return
    const draft = this.draft ?? record.read() ?? emptyDraft((this.deps.newKey ?? newClientKey)())
    this.draft = options.caseId ? { ...draft, caseId: options.caseId, departmentId: null } : draft
    record.write(this.draft)
  }

  update(patch: Partial<Pick<ComplaintDraft, 'kind' | 'category' | 'content' | 'caseId' | 'departmentId'>>): void {
    if (!this.draft) return
    this.draft = { ...this.draft, ...patch }
    // A linked case decides the department.
    if (this.draft.caseId) this.draft.departmentId = null
    this.save()
  }

  /** Photos still possible: staged ones and those on their way count. */
  get photoSlotsLeft(): number {
    return Math.max(0, PHOTO_MAX - (this.draft?.photos.length ?? 0) - this.pendingPhotos.length)
  }

  /** Picked photos not staged yet (compressing, uploading, or failed with the reason). */
  get pendingPhotos(): UploadItem[] {
    return this.uploads.itemsOf(PHOTO_SLOT)
  }

  /** Starts sending the picked photos; a message when some were not taken (not a photo, over the limit). */
  addPhotos(files: PickedFile[]): string | null {
    const photos = files.filter((file) => file.mimeType !== 'application/pdf')
    const taken = photos.slice(0, this.photoSlotsLeft)
    if (taken.length > 0) this.uploads.add(PHOTO_SLOT, taken)
    if (photos.length < files.length) return '只能上传照片（JPG、PNG、HEIC）'
    if (taken.length < photos.length) return `最多上传${PHOTO_MAX}张照片`
    return null
  }

  removePhoto(photoId: string): void {
    if (!this.draft) return
    this.draft = { ...this.draft, photos: this.draft.photos.filter((photo) => photo.id !== photoId) }
    this.previews.delete(photoId)
    this.save()
  }

  /** What shows a staged photo: the device's copy while this session has it, else the server's signed URL. */
  photoSource(photo: ComplaintPhoto): string {
    return this.previews.get(photo.id) ?? apiUrl(photo.url)
  }

  /** The picked file behind a photo on its way (its thumbnail). */
  pendingSource(itemId: string): string | undefined {
    return this.uploads.fileOf(itemId)?.path
  }

  /**
   * Files the draft. Sends nothing while it is invalid or photos are still on
   * their way. A retry (lost answer, restart) sends the same client key, so
   * the server never makes a second complaint. Once accepted the draft is gone.
   */
  async submit(): Promise<SubmitOutcome> {
    const draft = this.draft
    if (!draft) return { ok: false, errors: { form: '请稍候，正在准备表单' } }
    const errors = validateDraft(draft)
    if (this.pendingPhotos.some((item) => item.state !== 'failed')) errors.photos = '照片还在上传，请稍候'
    else if (this.pendingPhotos.length > 0) errors.photos = '有照片未上传成功，请重试或删除'
    if (Object.keys(errors).length > 0) return { ok: false, errors }
    this.submitting = true
    try {
      const complaint = await this.api.create({
        clientKey: draft.clientKey,
        kind: draft.kind,
        category: draft.category!,
        content: draft.content.trim(),
        caseId: draft.caseId,
        departmentId: draft.caseId ? null : draft.departmentId,
        photoIds: draft.photos.map((photo) => photo.id),
      })
      runInAction(() => {
        this.remember(complaint)
        this.draft = null
        this.record()?.clear()
        // 我的投诉建议 reloads with it when next shown.
        this.mine.reset()
      })
      return { ok: true, complaint }
    } catch (error) {
      const field = error instanceof ApiError && error.field ? FIELDS[error.field] : undefined
      return { ok: false, errors: { [field ?? 'form']: userMessage(error) } }
    } finally {
      runInAction(() => (this.submitting = false))
    }
  }

  // ---- mine ----

  complaintById(id: string): ComplaintDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  loadComplaint(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    return this.api.get(id).then(
      (detail) => this.remember(detail),
      (error: unknown) => runInAction(() => void this.entries.set(id, { status: 'error', error: userMessage(error) })),
    )
  }

  /** Rates the reply (满意 / 基本满意 / 不满意, optional comment); once. Resolves with the errors to show. */
  async rate(id: string, satisfaction: ComplaintSatisfaction | null, comment: string): Promise<RatingErrors> {
    if (!satisfaction) return { satisfaction: '请选择您对答复的评价' }
    const text = comment.trim()
    if (text.length > COMMENT_MAX) return { comment: `评价内容不能超过${COMMENT_MAX}个字` }
    try {
      this.remember(await this.api.rate(id, { satisfaction, ...(text ? { comment: text } : {}) }))
      return {}
    } catch (error) {
      // Rated elsewhere meanwhile (409): show what the server has now.
      if (error instanceof ApiError && error.status === 409) void this.loadComplaint(id)
      const field = error instanceof ApiError ? error.field : undefined
      return { [field === 'comment' || field === 'satisfaction' ? field : 'form']: userMessage(error) }
    }
  }

  /** A new session forgets everything of the last one (its draft stays on the device, under its citizen). */
  reset(): void {
    this.mine.reset()
    this.draft = null
    this.details.clear()
    this.entries.clear()
    this.previews.clear()
    for (const item of this.uploads.items) this.uploads.remove(item.id)
  }

  private async sendPhoto(item: UploadItem, file: PickedFile, onProgress: (fraction: number) => void): Promise<ComplaintPhoto> {
    const photo = await this.deps.sendPhoto(file, onProgress)
    runInAction(() => {
      // Dropped meanwhile (removed, submitted, signed out): the staged photo is swept by the server.
      if (!this.draft || !this.uploads.itemsOf(PHOTO_SLOT).some((pending) => pending.id === item.id)) return
      this.previews.set(photo.id, file.path)
      this.draft = { ...this.draft, photos: [...this.draft.photos, photo] }
      this.save()
      this.uploads.remove(item.id)
    })
    return photo
  }

  private save(): void {
    if (this.draft) this.record()?.write(this.draft)
  }

  private record(): DraftRecord | null {
    const citizenId = this.deps.citizenId()
    return citizenId ? new DraftRecord(this.deps.storage, citizenId) : null
  }

  private remember(detail: ComplaintDetail): void {
    runInAction(() => {
      this.details.set(detail.id, detail)
      this.entries.set(detail.id, { status: 'ready', error: null })
      this.mine.patch(detail.id, { status: detail.status, deadline: detail.deadline })
    })
  }
}

/** The complaint store of this RootStore, built on first use (tests pass a fake `client` and `deps`). */
export function complaintsOf(root: RootStore, client: ComplaintsApi = complaintsApi, deps?: ComplaintDeps): ComplaintStore {
  return root.feature('complaints', () => new ComplaintStore(client, deps ?? defaultDeps(root)))
}

function defaultDeps(root: RootStore): ComplaintDeps {
  return {
    storage: taroStorage,
    citizenId: () => root.session.citizen?.id ?? null,
    sendPhoto: (file, onProgress) => sendComplaintPhoto(file, () => root.session.token, onProgress),
  }
}
