import type { PhotoQuality, PickedFile } from './upload/types'

/**
 * Photos are checked once, when picked (so an unreadable one can be retaken
 * before it goes up); the upload queue's own check then reuses the answer.
 */
const checked = new WeakMap<PickedFile, PhotoQuality | null>()

export function rememberCheck(file: PickedFile, quality: PhotoQuality | null): void {
  checked.set(file, quality)
}

export function knownCheck(file: PickedFile): PhotoQuality | null | undefined {
  return checked.get(file)
}
