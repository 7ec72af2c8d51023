import { makeAutoObservable, runInAction } from 'mobx'
import type { BundleSummary } from '../../../types/bundles'
import type {
  DeliveryChoice,
  MaterialState,
  PrereviewDetail,
  PrereviewFile,
  PrereviewForm,
  PrereviewSummary,
  PrereviewTarget,
} from '../../../types/prereviews'
import { ApiError, userMessage } from '../../api/ApiError'
import type { SubscriptionTemplate } from '../../../types/notifications'
import type { PrereviewsApi } from '../../api/prereviews'
import type { LoadEntry } from '../../stores/CaseStore'
import type { LoadStatus } from '../../stores/loadState'
import { PagedList } from '../../stores/PagedList'
import type { FeatureStore } from '../../stores/RootStore'
import type { KeyValueStorage } from '../../stores/storage'
import type { PickedFile, UploadItem } from './upload/types'
import { DraftRecords, emptyRecord, newClientKey, targetKey, type DraftRecord } from './draftRecord'
import { deliveryForPatch, returnedMaterials } from './formRules'

export const PREREVIEW_PAGE_SIZE = 20
/** Field changes reach the server this long after the last keystroke (the device copy is immediate). */
export const SAVE_DELAY_MS = 800
/** WeChat asks for at most 3 subscribe-message templates in one tap. */
export const MAX_SUBSCRIPTIONS = 3

/** The uploads of one pre-review: the upload module's UploadQueue, as the pages use it. */
export interface MaterialUploads {
  add(slotKey: string, files: PickedFile[]): unknown
  retry(id: string): unknown
  remove(id: string): unknown
  itemsOf(slotKey: string): UploadItem[]
  /** Some page is still on its way (not done and not failed). */
  readonly busy: boolean
}

/** Makes the upload queue of one pre-review; `onUploaded` receives each page the server stored. */
export type UploadsFactory = (id: string, onUploaded: (slotKey: string, file: PrereviewFile) => void) => MaterialUploads

export interface PrereviewDeps {
  storage: KeyValueStorage
  /** The signed-in citizen (drafts on the device are kept per citizen). */
  citizenId: () => string | null
  uploads?: UploadsFactory
  now?: () => Date
  newKey?: () => string
}

/** The apply page's draft: the form to fill, the server draft, and the values as typed here. */
export interface ApplyDraft {
  status: LoadStatus
  error: string | null
  form: PrereviewForm | null
  id: string | null
  fields: Record<string, string>
  delivery: DeliveryChoice | null
  /** The last save to the server failed; the device copy is safe. */
  saveError: string | null
}

const IDLE: LoadEntry = { status: 'idle', error: null }

function targetQuery(target: PrereviewTarget) {
  return target.kind === 'matter' ? { matterId: target.matterId } : { bundleId: target.bundleId }
}

/**
 * The citizen's pre-reviews (预审): the 一件事 list, the draft being filled
 * (device copy on every change, server copy debounced), uploads, submission
 * (one request however often it is tapped), 我的预审, a detail with 补正 and
 * withdrawal. What may be done next is the server's answer (`canSubmit`,
 * `canWithdraw`, `editable`), never worked out here.
 *
 * Restoring a draft, the rule: the server wins for files (they exist only
 * there); for fields and delivery the newest wins — the device copy when it
 * holds changes the server never acknowledged (`dirty`) made after the
 * server's `updatedAt` (or the server draft is still empty), otherwise the
 * server's. The device clock and the server clock are compared, so a device
 * set far wrong could pick the older copy; only unsynced edits are at stake.
 */
export class PrereviewStore implements FeatureStore {
  bundles: BundleSummary[] = []
  bundlesStatus: LoadStatus = 'idle'
  bundlesError: string | null = null

  readonly mine: PagedList<PrereviewSummary>
  templates: SubscriptionTemplate[] = []

  private readonly drafts = new Map<string, ApplyDraft>()
  private readonly details = new Map<string, PrereviewDetail>()
  private readonly entries = new Map<string, LoadEntry>()
  private readonly submitting = new Map<string, Promise<PrereviewDetail>>()
  private readonly queues = new Map<string, MaterialUploads>()
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Bumped on every local change of a draft; a save acknowledges only the version it sent. */
  private readonly versions = new Map<string, number>()
  private generation = 0

  constructor(
    private readonly api: PrereviewsApi,
    private readonly deps: PrereviewDeps,
  ) {
    this.mine = new PagedList((page) => api.list({ page, pageSize: PREREVIEW_PAGE_SIZE }))
    makeAutoObservable<PrereviewStore, 'api' | 'deps' | 'queues' | 'timers' | 'versions' | 'generation'>(this, {
      api: false,
      deps: false,
      mine: false,
      queues: false,
      timers: false,
      versions: false,
      generation: false,
    })
  }

  // ---- 一件事 ----

  async loadBundles(): Promise<void> {
    if (this.bundlesStatus === 'loading') return
    this.bundlesStatus = 'loading'
    this.bundlesError = null
    try {
      const { items } = await this.api.bundles()
      runInAction(() => {
        this.bundles = items
        this.bundlesStatus = 'ready'
      })
    } catch (error) {
      runInAction(() => {
        this.bundlesStatus = 'error'
        this.bundlesError = userMessage(error)
      })
    }
  }

  // ---- the draft ----

  draft(target: PrereviewTarget): ApplyDraft | undefined {
    return this.drafts.get(targetKey(target))
  }

  /**
   * Opens (or reopens) the draft of a service or bundle: the form, then the
   * server draft the device knows of (or `id`), else a new one created with a
   * client key saved on the device first. Safe to call again after a failure.
   */
  async openDraft(target: PrereviewTarget, id?: string): Promise<void> {
    const key = targetKey(target)
    const records = this.records()
    if (!records) return
    const generation = this.generation
    const draft = this.ensureDraft(key)
    if (draft.status === 'loading') return
    runInAction(() => {
      draft.status = 'loading'
      draft.error = null
    })
    try {
      const form = draft.form ?? (await this.api.form(targetQuery(target)))
      if (generation !== this.generation) return
      runInAction(() => (draft.form = form))

      let record: DraftRecord | null = records.get(key)
      if (id && record?.id !== id) record = { ...emptyRecord(null), id }
      let detail: PrereviewDetail | null = null
      if (record?.id) {
        detail = await this.fetchDraft(record.id)
        if (!detail) {
          // Submitted, withdrawn or deleted elsewhere: this device's copy is spent.
          records.remove(key)
          if (id) throw new ApiError(404, '该草稿已提交或已删除，请在“我的预审”中查看', 'gone')
          record = null
        }
      }
      if (!detail) {
        const clientKey = record?.clientKey ?? (this.deps.newKey ?? newClientKey)()
        record = { ...(record ?? emptyRecord(clientKey)), clientKey, id: null }
        records.set(key, record) // before the request: a retry after a crash sends the same key
        detail = await this.api.create({ clientKey, target })
        record = { ...record, id: detail.id }
        records.set(key, record)
      }
      if (generation !== this.generation || !record) return
      this.adoptDraft(key, record, detail)
    } catch (error) {
      if (generation !== this.generation) return
      runInAction(() => {
        draft.status = 'error'
        draft.error = userMessage(error)
      })
    }
  }

  setField(target: PrereviewTarget, fieldKey: string, value: string): void {
    const draft = this.draft(target)
    if (!draft) return
    draft.fields = { ...draft.fields, [fieldKey]: value }
    this.changed(targetKey(target), draft)
  }

  setDelivery(target: PrereviewTarget, delivery: DeliveryChoice): void {
    const draft = this.draft(target)
    if (!draft) return
    draft.delivery = delivery
    this.changed(targetKey(target), draft)
  }

  /** Sends the pending field changes now (before submitting, or when the page hides). */
  async saveNow(target: PrereviewTarget): Promise<void> {
    const key = targetKey(target)
    const timer = this.timers.get(key)
    if (timer) clearTimeout(timer)
    this.timers.delete(key)
    const draft = this.drafts.get(key)
    const records = this.records()
    const record = records?.get(key)
    if (!draft?.id || !records || !record?.dirty) return
    const version = this.versions.get(key) ?? 0
    const delivery = deliveryForPatch(draft.delivery)
    try {
      const detail = await this.api.patch(draft.id, { fields: { ...draft.fields }, ...(delivery ? { delivery } : {}) })
      runInAction(() => {
        this.remember(detail)
        draft.saveError = null
      })
      if ((this.versions.get(key) ?? 0) === version) {
        const current = records.get(key)
        if (current) records.set(key, { ...current, dirty: false })
      }
    } catch (error) {
      runInAction(() => (draft.saveError = `草稿已保存在本机，同步到服务器失败：${userMessage(error)}`))
    }
  }

  /** Deletes a draft on the server and on the device. */
  async discardDraft(target: PrereviewTarget): Promise<void> {
    const key = targetKey(target)
    const draft = this.drafts.get(key)
    if (draft?.id) await this.api.remove(draft.id)
    this.records()?.remove(key)
    runInAction(() => this.drafts.delete(key))
  }

  // ---- submission ----

  /** Loads the subscribe-message templates for the submit tap (weapp). */
  async loadTemplates(): Promise<void> {
    try {
      const templates = await this.api.subscriptionTemplates()
      runInAction(() => (this.templates = templates.slice(0, MAX_SUBSCRIPTIONS)))
    } catch {
      // No templates: submission goes on without asking.
    }
  }

  isSubmitting(id: string): boolean {
    return this.submitting.has(id)
  }

  /**
   * Submits (or resubmits after 补正). A second call while the first is on
   * its way gets the same promise: one request for a double tap. The server
   * answers a repeat with the same result, so a retry after a lost answer is
   * safe too. Rejects with the server's reason.
   */
  submit(id: string, subscriptions: string[] = []): Promise<PrereviewDetail> {
    const pending = this.submitting.get(id)
    if (pending) return pending
    const key = this.records()?.keyOfDraft(id) ?? null
    const draftTarget = key ? this.drafts.get(key)?.form?.target : undefined
    const request = (async () => {
      if (draftTarget) await this.saveNow(draftTarget)
      const detail = await this.api.submit(id, { subscriptions: subscriptions.slice(0, MAX_SUBSCRIPTIONS) })
      runInAction(() => {
        this.remember(detail)
        if (key) this.drafts.delete(key)
      })
      if (key) this.records()?.remove(key)
      return detail
    })()
    this.submitting.set(id, request)
    const settle = () => runInAction(() => this.submitting.delete(id))
    request.then(settle, settle)
    return request
  }

  // ---- 我的预审 and a pre-review ----

  prereviewById(id: string): PrereviewDetail | undefined {
    return this.details.get(id)
  }

  detailStatus(id: string): LoadEntry {
    return this.entries.get(id) ?? IDLE
  }

  async loadPrereview(id: string): Promise<void> {
    this.entries.set(id, { status: 'loading', error: null })
    try {
      const detail = await this.api.get(id)
      runInAction(() => this.remember(detail))
    } catch (error) {
      runInAction(() => this.entries.set(id, { status: 'error', error: userMessage(error) }))
    }
  }

  /** During 补正, the materials to replace: only those a reviewer returned. Empty otherwise. */
  correction(id: string): MaterialState[] {
    const detail = this.details.get(id)
    return detail?.status === 'returned' ? returnedMaterials(detail) : []
  }

  async withdraw(id: string, reason: string): Promise<void> {
    const detail = await this.api.withdraw(id, reason.trim())
    runInAction(() => this.remember(detail))
  }

  /** Removes a page not yet submitted. */
  async removeFile(id: string, slotKey: string, fileId: string): Promise<void> {
    await this.api.removeFile(id, fileId)
    runInAction(() => this.updateMaterial(id, slotKey, (files) => files.filter((file) => file.id !== fileId)))
  }

  /** The upload queue of a pre-review, made on first use. */
  uploadsOf(id: string): MaterialUploads | null {
    const factory = this.deps.uploads
    if (!factory) return null
    let queue = this.queues.get(id)
    if (!queue) {
      queue = factory(id, (slotKey, file) => runInAction(() => this.updateMaterial(id, slotKey, (files) => [...files, file])))
      this.queues.set(id, queue)
    }
    return queue
  }

  reset(): void {
    this.generation += 1
    this.timers.forEach((timer) => clearTimeout(timer))
    this.timers.clear()
    this.versions.clear()
    this.queues.clear()
    this.submitting.clear()
    this.drafts.clear()
    this.details.clear()
    this.entries.clear()
    this.templates = []
    this.mine.reset()
  }

  // ---- inside ----

  private records(): DraftRecords | null {
    const citizenId = this.deps.citizenId()
    return citizenId ? new DraftRecords(this.deps.storage, citizenId) : null
  }

  private ensureDraft(key: string): ApplyDraft {
    let draft = this.drafts.get(key)
    if (!draft) {
      this.drafts.set(key, {
        status: 'idle',
        error: null,
        form: null,
        id: null,
        fields: {},
        delivery: null,
        saveError: null,
      })
      draft = this.drafts.get(key)!
    }
    return draft
  }

  /** The server draft, or null when it is no longer a draft (or gone). */
  private async fetchDraft(id: string): Promise<PrereviewDetail | null> {
    try {
      const detail = await this.api.get(id)
      return detail.status === 'draft' ? detail : null
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null
      throw error
    }
  }

  private adoptDraft(key: string, record: DraftRecord, detail: PrereviewDetail): void {
    const records = this.records()
    const serverEmpty = Object.keys(detail.fields).length === 0 && !detail.delivery
    const deviceNewer =
      record.dirty && (serverEmpty || (record.editedAt !== null && Date.parse(record.editedAt) > Date.parse(detail.updatedAt)))
    runInAction(() => {
      const draft = this.ensureDraft(key)
      this.remember(detail)
      draft.id = detail.id
      draft.fields = deviceNewer ? { ...record.fields } : { ...detail.fields }
      draft.delivery = deviceNewer ? record.delivery : detail.delivery
      draft.status = 'ready'
      draft.error = null
    })
    if (deviceNewer) this.scheduleSave(key)
    else records?.set(key, { ...record, id: detail.id, fields: { ...detail.fields }, delivery: detail.delivery, dirty: false })
  }

  private changed(key: string, draft: ApplyDraft): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1)
    const records = this.records()
    const record = records?.get(key) ?? emptyRecord(null)
    records?.set(key, {
      ...record,
      id: draft.id ?? record.id,
      fields: { ...draft.fields },
      delivery: draft.delivery,
      editedAt: (this.deps.now ?? (() => new Date()))().toISOString(),
      dirty: true,
    })
    this.scheduleSave(key)
  }

  private scheduleSave(key: string): void {
    const previous = this.timers.get(key)
    if (previous) clearTimeout(previous)
    const target = this.drafts.get(key)?.form?.target
    if (!target) return
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key)
        void this.saveNow(target)
      }, SAVE_DELAY_MS),
    )
  }

  private remember(detail: PrereviewDetail): void {
    this.details.set(detail.id, detail)
    this.entries.set(detail.id, { status: 'ready', error: null })
    this.mine.patch(detail.id, { status: detail.status, round: detail.round, updatedAt: detail.updatedAt, number: detail.number })
  }

  private updateMaterial(id: string, slotKey: string, change: (files: PrereviewFile[]) => PrereviewFile[]): void {
    const detail = this.details.get(id)
    if (!detail) return
    let delta = 0
    const materials = detail.materials.map((material) => {
      if (material.slot.key !== slotKey) return material
      const files = change(material.files)
      delta = files.reduce((n, f) => n + f.bytes, 0) - material.files.reduce((n, f) => n + f.bytes, 0)
      return { ...material, files }
    })
    this.details.set(id, { ...detail, materials, limits: { ...detail.limits, usedBytes: detail.limits.usedBytes + delta } })
  }
}
