/**
 * The file's type from its first bytes (magic numbers), else from its name.
 * The server checks the magic bytes again; this only decides what to do on
 * the device (compress a photo, leave a PDF alone) and refuses what the
 * server would refuse anyway, before a useless upload.
 */
import type { UploadMimeType } from '../../../../types/enums'

/** How many leading bytes `mimeFromBytes` needs. */
export const SNIFF_BYTES = 12

export function mimeFromBytes(bytes: ArrayLike<number>): UploadMimeType | null {
  const at = (i: number) => (i < bytes.length ? bytes[i] : -1)
  const ascii = (from: number, to: number) => {
    let s = ''
    for (let i = from; i < to; i++) s += String.fromCharCode(at(i) & 0xff)
    return s
  }
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg'
  if (at(0) === 0x89 && ascii(1, 4) === 'PNG' && at(4) === 0x0d && at(5) === 0x0a) return 'image/png'
  if (ascii(0, 5) === '%PDF-') return 'application/pdf'
  // ISO BMFF: size(4) 'ftyp' brand(4); the HEIC brands the server accepts (server/src/services/files/uploadType.ts).
  if (ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|mif1|msf1)$/.test(ascii(8, 12))) return 'image/heic'
  return null
}

const BY_EXTENSION: Record<string, UploadMimeType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  heif: 'image/heic',
  pdf: 'application/pdf',
}

/** From a file name or path (`wxfile://tmp_abc.jpg`, `合同.PDF`); null when unknown. */
export function mimeFromName(name: string): UploadMimeType | null {
  const match = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0])
  return match ? BY_EXTENSION[match[1].toLowerCase()] ?? null : null
}

/** Bytes first (when read), then the name, then what the picker said (`image/…` from a browser). */
export function decideMimeType(bytes: ArrayLike<number> | null, name: string, declared?: string): UploadMimeType | null {
  return (bytes && mimeFromBytes(bytes)) || mimeFromName(name) || (declared ? mimeFromName(`x.${declared.split('/')[1] ?? ''}`) : null)
}

/** Shown when a picked file is none of the accepted types. */
export const UNSUPPORTED_TYPE_MESSAGE = '只能上传照片（JPG、PNG、HEIC）或 PDF 文件'
