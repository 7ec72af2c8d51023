/**
 * weapp: the check draws the photo on an offscreen 2d canvas
 * (`createOffscreenCanvas`, base library 2.16.1+) and reads its pixels;
 * compression is WeChat's own `compressImage` (quality + compressedWidth or
 * compressedHeight, 2.26+; older libraries ignore the size and only lower the
 * quality), following compressionPlan.ts.
 */
import Taro from '@tarojs/taro'
import { chooseResult, compressionAttempts, fitsTarget, needsCompression } from './compressionPlan'
import { fileSize, readHead } from './fileHead.weapp'
import { SNIFF_BYTES, mimeFromBytes, mimeFromName } from './mimeType'
import { assessPhoto, fitWithin, toGray } from './quality'
import type { PhotoQuality, PickedFile } from './types'

/** Drawn this large for the check, then area-averaged to quality.ts's 512 px. */
const CHECK_SOURCE_SIDE = 1024
/** A photo that has not loaded by then is not worth holding the queue for. */
const LOAD_TIMEOUT_MS = 10_000

interface Context2D {
  drawImage(image: unknown, x: number, y: number, width: number, height: number): void
  getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> }
}

interface LoadableImage {
  width: number
  height: number
  src: string
  onload: (() => void) | null
  onerror: ((error: unknown) => void) | null
}

export async function checkPhoto(file: PickedFile): Promise<PhotoQuality | null> {
  if (file.mimeType === 'application/pdf' || typeof Taro.createOffscreenCanvas !== 'function') return null
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 })
    const image = canvas.createImage() as unknown as LoadableImage
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('image load timeout')), LOAD_TIMEOUT_MS)
      image.onload = () => (clearTimeout(timer), resolve())
      image.onerror = (error) => (clearTimeout(timer), reject(error))
      image.src = file.path
    })
    const { width, height } = fitWithin(image.width, image.height, CHECK_SOURCE_SIDE)
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d') as unknown as Context2D
    context.drawImage(image, 0, 0, width, height)
    return assessPhoto(toGray(context.getImageData(0, 0, width, height).data, width, height))
  } catch {
    return null
  }
}

const ROTATED = new Set(['left', 'right', 'left-mirrored', 'right-mirrored'])

/** The photo's size as shown (getImageInfo gives the stored size plus an EXIF orientation). */
async function displayedSize(path: string): Promise<{ width: number; height: number }> {
  const info = await Taro.getImageInfo({ src: path })
  return ROTATED.has(info.orientation) ? { width: info.height, height: info.width } : { width: info.width, height: info.height }
}

export async function compressPhoto(file: PickedFile): Promise<PickedFile> {
  if (file.mimeType !== 'image/jpeg' && file.mimeType !== 'image/png') return file
  try {
    const size = file.width && file.height ? { width: file.width, height: file.height } : await displayedSize(file.path)
    const sized = { ...file, ...size }
    if (!needsCompression(sized)) return sized
    const encodings: PickedFile[] = []
    for (const attempt of compressionAttempts(size.width, size.height)) {
      const landscape = attempt.width >= attempt.height
      const { tempFilePath } = await Taro.compressImage({
        src: file.path,
        quality: Math.round(attempt.quality * 100),
        ...(landscape ? { compressedWidth: attempt.width } : { compressedHeight: attempt.height }),
      })
      const head = await readHead(tempFilePath, SNIFF_BYTES)
      encodings.push({
        path: tempFilePath,
        mimeType: (head && mimeFromBytes(head)) || mimeFromName(tempFilePath) || 'image/jpeg',
        bytes: await fileSize(tempFilePath),
        width: attempt.width,
        height: attempt.height,
        ...(file.name ? { name: file.name } : {}),
      })
      if (fitsTarget(encodings[encodings.length - 1].bytes)) break
    }
    return chooseResult(sized, encodings)
  } catch {
    return file // not re-encodable here: the server has the last word on size
  }
}
