/**
 * The pages a citizen is attaching, per material slot, each going through
 * check → compress → upload with progress. At most `concurrency` files are
 * worked on at once; a transfer that fails for want of a network or by a
 * server fault is tried again (`retries` times, waiting 1 s, 2 s, 4 s …), a
 * refusal (4xx: too large, wrong type) is not — its Chinese message is shown
 * and the citizen may `retry` by hand or `remove` the page.
 *
 * Nothing here knows the API: the store that owns the queue passes `upload`
 * (e.g. one that calls `transferFile` with the material's URL and the token).
 */
import { makeAutoObservable } from 'mobx'
import { userMessage } from '../../../api/ApiError'
import { checkPhoto, compressPhoto } from './photo'
import { isRetryable } from './transferResult'
import type { PhotoQuality, PickedFile, UploadItem } from './types'

export type UploadFn = (item: UploadItem, file: PickedFile, onProgress: (fraction: number) => void) => Promise<unknown>

export interface UploadQueueOptions {
  upload: UploadFn
  /** Extra attempts after a retryable failure (default 2, so 3 in all). */
  retries?: number
  /** Files checked, compressed or uploaded at once (default 2). */
  concurrency?: number
  /** The first wait before an automatic retry; it doubles each time (default 1000 ms). */
  backoffMs?: number
  /** Tests pass fakes; the app uses the platform's own. */
  check?: (file: PickedFile) => Promise<PhotoQuality | null>
  compress?: (file: PickedFile) => Promise<PickedFile>
  wait?: (ms: number) => Promise<void>
}

export const DEFAULT_RETRIES = 2
export const DEFAULT_CONCURRENCY = 2
export const DEFAULT_BACKOFF_MS = 1000

let sequence = 0
const nextId = () => `up-${Date.now().toString(36)}-${++sequence}`
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const clamp01 = (n: number) => (n > 1 ? 1 : n > 0 ? n : 0)

export class UploadQueue {
  items: UploadItem[] = []

  private readonly options: Required<UploadQueueOptions>
  /** The picked file of each item, and the compressed one once made (a manual retry reuses it). */
  private readonly originals = new Map<string, PickedFile>()
  private readonly prepared = new Map<string, PickedFile>()
  private active = 0

  constructor(options: UploadQueueOptions) {
    this.options = {
      retries: DEFAULT_RETRIES,
      concurrency: DEFAULT_CONCURRENCY,
      backoffMs: DEFAULT_BACKOFF_MS,
      check: checkPhoto,
      compress: compressPhoto,
      wait: sleep,
      ...options,
    }
    makeAutoObservable<UploadQueue, 'options' | 'originals' | 'prepared'>(this, { options: false, originals: false, prepared: false })
  }

  /** The items of one material slot, in the order they were added. */
  itemsOf(slotKey: string): UploadItem[] {
    return this.items.filter((item) => item.slotKey === slotKey)
  }

  /** The picked file behind an item (its `path` shows a thumbnail), until the item is removed. */
  fileOf(id: string): PickedFile | undefined {
    return this.prepared.get(id) ?? this.originals.get(id)
  }

  /** True while any item is still on its way (not done and not failed). */
  get busy(): boolean {
    return this.items.some((item) => item.state !== 'done' && item.state !== 'failed')
  }

  /** Queues the files for the slot and starts work; returns the new items' ids. */
  add(slotKey: string, files: PickedFile[]): string[] {
    const before = this.itemsOf(slotKey).length
    const ids = files.map((file, index) => {
      const id = nextId()
      this.originals.set(id, file)
      this.items.push({
        id,
        slotKey,
        name: file.name ?? `第 ${before + index + 1} 页`,
        state: 'queued',
        progress: 0,
        quality: null,
        error: null,
        result: null,
      })
      return id
    })
    this.pump()
    return ids
  }

  /** Sends a failed item again (its check and compression are kept). */
  retry(id: string): void {
    const item = this.find(id)
    if (!item || item.state !== 'failed') return
    Object.assign(item, { state: 'queued', progress: 0, error: null })
    this.pump()
  }

  /** Drops the item; an upload in flight finishes unseen (its result is ignored). */
  remove(id: string): void {
    this.items = this.items.filter((item) => item.id !== id)
    this.originals.delete(id)
    this.prepared.delete(id)
  }

  private find(id: string): UploadItem | undefined {
    return this.items.find((item) => item.id === id)
  }

  /** Applies a change to the item if it is still in the queue; false when it was removed. */
  private patch(id: string, changes: Partial<UploadItem>): boolean {
    const item = this.find(id)
    if (!item) return false
    Object.assign(item, changes)
    return true
  }

  private pump(): void {
    while (this.active < this.options.concurrency) {
      const next = this.items.find((item) => item.state === 'queued')
      if (!next) return
      this.active++
      next.state = 'checking'
      void this.run(next.id).finally(() => this.finished())
    }
  }

  private finished(): void {
    this.active--
    this.pump()
  }

  private async run(id: string): Promise<void> {
    let file = this.prepared.get(id)
    if (!file) {
      const original = this.originals.get(id)
      if (!original) return
      const quality = await this.options.check(original).catch(() => null)
      if (!this.patch(id, { quality, state: 'compressing' })) return
      // A photo that cannot be re-encoded goes up as it is; the server has the last word on size.
      file = await this.options.compress(original).catch(() => original)
      if (!this.find(id)) return
      this.prepared.set(id, file)
    }
    for (let attempt = 0; ; attempt++) {
      if (!this.patch(id, { state: 'uploading', progress: 0 })) return
      const item = this.find(id) as UploadItem
      try {
        const result = await this.options.upload(item, file, (fraction) => this.progress(id, fraction))
        this.patch(id, { state: 'done', progress: 1, result, error: null })
        return
      } catch (error) {
        if (attempt >= this.options.retries || !isRetryable(error)) {
          this.patch(id, { state: 'failed', error: userMessage(error) })
          return
        }
        await this.options.wait(this.options.backoffMs * 2 ** attempt)
      }
    }
  }

  private progress(id: string, fraction: number): void {
    const item = this.find(id)
    if (item && item.state === 'uploading') item.progress = clamp01(fraction)
  }
}
