/**
 * What to do with a photo before upload: the pure decisions (sizes, quality
 * steps, which result to keep). The platform files (photo.weapp.ts,
 * photo.h5.ts) do the pixel work and follow this plan.
 */
import { fitWithin } from './quality'
import type { PickedFile } from './types'

/**
 * Long side after resizing. An A4 page filling a 2400 px frame is scanned at
 * ~290 dpi (2400 px / 297 mm), above the 200–300 dpi that document scanning
 * and OCR use; the smallest print on a certificate (5 pt, ~1.8 mm) is still
 * ~14 px tall. A 4000×3000 photo at this size fits 1 MB at JPEG quality 0.8.
 */
export const MAX_LONG_SIDE = 2400

/** A photo at most this size and at most MAX_LONG_SIDE goes up untouched (the issue: ≤ 1 MB). */
export const TARGET_BYTES = 1024 * 1024

/** JPEG qualities tried in turn until the result fits TARGET_BYTES; below 0.6 text edges ring. */
export const QUALITY_STEPS = [0.8, 0.7, 0.6] as const

/**
 * Last resort when even quality 0.6 at MAX_LONG_SIDE is over TARGET_BYTES (a
 * very busy, noisy picture): a smaller size at the lowest quality, still
 * ~215 dpi for an A4 page.
 */
export const FALLBACK_LONG_SIDE = 1800

export interface CompressionAttempt {
  width: number
  height: number
  /** JPEG quality 0..1 (weapp takes it ×100). */
  quality: number
}

const COMPRESSIBLE = new Set<PickedFile['mimeType']>(['image/jpeg', 'image/png'])

/**
 * True when the file should be re-encoded: a JPEG or PNG that is over the
 * byte target or larger than MAX_LONG_SIDE (when its size is known). HEIC is
 * sent as it is (browsers other than Safari cannot decode it; the server takes
 * it), and PDFs always are.
 */
export function needsCompression(file: Pick<PickedFile, 'mimeType' | 'bytes' | 'width' | 'height'>): boolean {
  if (!COMPRESSIBLE.has(file.mimeType)) return false
  if (file.bytes > TARGET_BYTES) return true
  if (file.width && file.height) return Math.max(file.width, file.height) > MAX_LONG_SIDE
  return false
}

/** The encodings to try, in order, for a picture of this size; stop at the first that fits TARGET_BYTES. */
export function compressionAttempts(width: number, height: number): CompressionAttempt[] {
  const size = fitWithin(width, height, MAX_LONG_SIDE)
  const attempts: CompressionAttempt[] = QUALITY_STEPS.map((quality) => ({ ...size, quality }))
  const fallback = fitWithin(width, height, FALLBACK_LONG_SIDE)
  if (fallback.width < size.width) attempts.push({ ...fallback, quality: QUALITY_STEPS[QUALITY_STEPS.length - 1] })
  return attempts
}

/** True when an encoding of `bytes` ends the search. */
export function fitsTarget(bytes: number): boolean {
  return bytes <= TARGET_BYTES
}

/**
 * Which file to upload once the attempts are made: the first that fits, else
 * the smallest encoding, and never one larger than the original (then the
 * original goes, e.g. a PNG screenshot that JPEG would not shrink).
 */
export function chooseResult<T extends { bytes: number }>(original: T, encodings: T[]): T {
  const fitting = encodings.find((encoding) => fitsTarget(encoding.bytes))
  const best = fitting ?? encodings.reduce<T | null>((min, e) => (min === null || e.bytes < min.bytes ? e : min), null)
  if (!best || best.bytes >= original.bytes) return original
  return best
}
