/** Shapes shared by the upload module's pure logic and its platform files. */
import type { UploadMimeType } from '../../../../types/enums'

/** 'chat' = a file from a WeChat chat (weapp only); 'file' = the browser's file input (H5 only). */
export type PickSource = 'camera' | 'album' | 'chat' | 'file'

/** A file on the device, ready to check, compress and upload. */
export interface PickedFile {
  /** A temp file path (weapp) or an object URL (H5); never sent to the server as a name. */
  path: string
  mimeType: UploadMimeType
  bytes: number
  width?: number
  height?: number
  /** The name the user knows it by (a chat file's name), when the platform gives one. */
  name?: string
}

export interface PhotoQuality {
  blurry: boolean
  dark: boolean
  /** Variance of the Laplacian of the 512 px grayscale image (higher = sharper). */
  sharpness: number
  /** Mean luminance, 0..255. */
  brightness: number
  /** Chinese advice for the citizen, or null when the photo looks fine. */
  message: string | null
}

export type UploadState = 'queued' | 'checking' | 'compressing' | 'uploading' | 'failed' | 'done'

export interface UploadItem {
  id: string
  slotKey: string
  name: string
  state: UploadState
  /** 0..1 of the transfer (1 when done). */
  progress: number
  quality: PhotoQuality | null
  /** Chinese, shown as is, when `state === 'failed'`. */
  error: string | null
  /** What `upload` resolved with (e.g. the server's PrereviewFile / MaterialState). */
  result: unknown | null
}

/** A grayscale image: one luminance value (0..255) per pixel, row by row. */
export interface GrayImage {
  width: number
  height: number
  data: Float32Array
}
