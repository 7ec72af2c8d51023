/**
 * Attaching materials to a pre-review, on the device: pick files (camera,
 * album, a chat file on weapp, a file input on H5), check photos for blur and
 * darkness, compress them to ≤ 1 MB, and upload them with progress and
 * retries through an observable queue. See README.md in this folder.
 *
 * Public API (the prereview pages and store use only this module):
 *   type PickSource = 'camera' | 'album' | 'chat' | 'file'
 *   pickSources(): PickSource[]                      what this platform offers
 *   pickFiles(source, max): Promise<PickedFile[]>    [] when cancelled; rejects with a Chinese message (unsupported type, no permission)
 *   checkPhoto(file): Promise<PhotoQuality | null>   null for PDFs / when it cannot measure
 *   compressPhoto(file): Promise<PickedFile>         never rejects; PDFs, HEIC and small photos come back as they are
 *   new UploadQueue({ upload, retries?, concurrency?, ... })  add / retry / remove / items / itemsOf / fileOf / busy
 *   transferFile({ url, filePath, token, onProgress }): Promise<unknown>  multipart field "file"; rejects with an ApiError
 *   isRetryable(error)                               what the queue retries (no answer, 408, 429, 5xx)
 * Additions to the first sketch: PickedFile.name?, UploadQueue.fileOf(id) and .busy, add() returns the new ids.
 */
export type { PhotoQuality, PickSource, PickedFile, UploadItem, UploadState } from './types'
export { pickFiles, pickSources } from './pick'
export { checkPhoto, compressPhoto } from './photo'
export { transferFile, type TransferOptions } from './transfer'
export { UploadQueue, type UploadFn, type UploadQueueOptions } from './UploadQueue'
export { isRetryable } from './transferResult'
export { UNSUPPORTED_TYPE_MESSAGE } from './mimeType'
export { BLURRY_MESSAGE, DARK_MESSAGE } from './quality'
export { MAX_LONG_SIDE, TARGET_BYTES } from './compressionPlan'
