import { useState } from 'react'
import { toast } from '../../navigation'
import { rememberCheck } from './photoChecks'
import type { PrereviewStore } from './PrereviewStore'
import { checkPhoto, pickFiles, pickSources, type PhotoQuality, type PickedFile, type PickSource } from './upload'

/** A photo the on-device check found too blurry or dark; the citizen retakes it or uses it anyway. */
export interface HeldPhoto {
  id: string
  slotKey: string
  source: PickSource
  file: PickedFile
  quality: PhotoQuality & { message: string }
}

/** Pages a material may have at most per pick (WeChat's chooseMedia allows 9). */
const MAX_PER_PICK = 9

let heldCounter = 0

/**
 * Adding pages to a pre-review's materials: pick from a source, check each
 * photo on the device (a photo that looks unreadable is held back with the
 * advice), then hand the rest to the upload queue.
 */
export function useMaterialPicker(prereviews: PrereviewStore, id: string | null) {
  const [held, setHeld] = useState<HeldPhoto[]>([])
  const queue = id ? prereviews.uploadsOf(id) : null

  const enqueue = (slotKey: string, files: PickedFile[]) => {
    if (queue && files.length > 0) queue.add(slotKey, files)
  }

  const add = async (slotKey: string, source: PickSource) => {
    if (!queue) return
    let files: PickedFile[]
    try {
      files = await pickFiles(source, MAX_PER_PICK)
    } catch (error) {
      toast(error instanceof Error && error.message ? error.message : '未能选择文件')
      return
    }
    const ready: PickedFile[] = []
    const doubtful: HeldPhoto[] = []
    for (const file of files) {
      const quality = file.mimeType === 'application/pdf' ? null : await checkPhoto(file).catch(() => null)
      rememberCheck(file, quality)
      if (quality?.message) doubtful.push({ id: `held-${++heldCounter}`, slotKey, source, file, quality: { ...quality, message: quality.message } })
      else ready.push(file)
    }
    enqueue(slotKey, ready)
    if (doubtful.length > 0) setHeld((current) => [...current, ...doubtful])
  }

  const drop = (photo: HeldPhoto) => setHeld((current) => current.filter((p) => p.id !== photo.id))

  return {
    sources: pickSources(),
    uploadsOf: (slotKey: string) => queue?.itemsOf(slotKey) ?? [],
    heldOf: (slotKey: string) => held.filter((photo) => photo.slotKey === slotKey),
    add: (slotKey: string, source: PickSource) => void add(slotKey, source),
    keep: (photo: HeldPhoto) => {
      drop(photo)
      enqueue(photo.slotKey, [photo.file])
    },
    retake: (photo: HeldPhoto) => {
      drop(photo)
      void add(photo.slotKey, photo.source === 'album' || photo.source === 'file' ? photo.source : 'camera')
    },
    retry: (uploadId: string) => void queue?.retry(uploadId),
    dismiss: (uploadId: string) => void queue?.remove(uploadId),
    /** True while any page of the pre-review is still on its way. */
    busy: queue?.busy ?? false,
  }
}
