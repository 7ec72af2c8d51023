import type { UploadMimeType } from '../../../../types/enums'

/** How many leading bytes detectUploadType needs. */
export const TYPE_HEAD_BYTES = 12

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'])

/**
 * The type of an upload from its first bytes alone: the client's
 * Content-Type and file name are never trusted. Null for anything else.
 */
export function detectUploadType(head: Buffer): UploadMimeType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  // ISO base media file: a box size, then 'ftyp' and the major brand.
  if (head.length >= 12 && head.subarray(4, 8).toString('latin1') === 'ftyp' && HEIC_BRANDS.has(head.subarray(8, 12).toString('latin1'))) {
    return 'image/heic'
  }
  return null
}

export const ACCEPTED_TYPES_TEXT = 'JPG、PNG、HEIC 图片或 PDF 文件'
