/**
 * H5: pixels through a <canvas>. Decoding uses createImageBitmap where the
 * browser has it (EXIF orientation applied), else an <img>. HEIC decodes only
 * in Safari; elsewhere the check answers null and the file goes up as it is.
 * No Taro import: bench/photoCompression.ts runs this file in Chromium.
 */
import { chooseResult, compressionAttempts, fitsTarget, needsCompression, type CompressionAttempt } from './compressionPlan'
import { blobOf, registerBlob } from './files.h5'
import { assessPhoto, fitWithin, toGray } from './quality'
import type { PhotoQuality, PickedFile } from './types'

/** The photo is drawn this large for the check, then area-averaged to quality.ts's 512 px (less aliasing than one big step). */
const CHECK_SOURCE_SIDE = 1024

interface Decoded {
  source: CanvasImageSource
  width: number
  height: number
  release(): void
}

async function decode(blob: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(blob)
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() }
    } catch {
      // Fall through to <img>, which some browsers decode more formats with.
    }
  }
  const url = URL.createObjectURL(blob)
  const image = new Image()
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('image decode failed'))
      image.src = url
    })
  } catch (error) {
    URL.revokeObjectURL(url)
    throw error
  }
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) }
}

function drawn(image: Decoded, width: number, height: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2d canvas')
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  // A transparent PNG would turn black as JPEG: paper is white.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  context.drawImage(image.source, 0, 0, width, height)
  return { canvas, context }
}

function encode(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/jpeg', quality),
  )
}

export async function checkPhoto(file: PickedFile): Promise<PhotoQuality | null> {
  if (file.mimeType === 'application/pdf') return null
  try {
    const image = await decode(await blobOf(file.path))
    try {
      const { width, height } = fitWithin(image.width, image.height, CHECK_SOURCE_SIDE)
      const { context } = drawn(image, width, height)
      return assessPhoto(toGray(context.getImageData(0, 0, width, height).data, width, height))
    } finally {
      image.release()
    }
  } catch {
    return null
  }
}

export async function compressPhoto(file: PickedFile): Promise<PickedFile> {
  // PDFs and HEIC go as they are; so does a photo already within the byte target
  // (and the long side, when known): decoding it would only cost time.
  if (!needsCompression(file)) return file
  return reencode(file).catch(() => file) // undecodable here: the server still takes it
}

async function reencode(file: PickedFile): Promise<PickedFile> {
  const image = await decode(await blobOf(file.path))
  try {
    const sized = { ...file, width: image.width, height: image.height }
    if (!needsCompression(sized)) return sized
    const encodings: Array<{ blob: Blob; bytes: number; attempt: CompressionAttempt }> = []
    let canvas: HTMLCanvasElement | null = null
    for (const attempt of compressionAttempts(image.width, image.height)) {
      if (!canvas || canvas.width !== attempt.width || canvas.height !== attempt.height) {
        canvas = drawn(image, attempt.width, attempt.height).canvas
      }
      const blob = await encode(canvas, attempt.quality)
      encodings.push({ blob, bytes: blob.size, attempt })
      if (fitsTarget(blob.size)) break
    }
    const chosen = chooseResult<{ bytes: number; blob?: Blob; attempt?: CompressionAttempt }>({ bytes: file.bytes }, encodings)
    if (!chosen.blob || !chosen.attempt) return sized
    return {
      path: registerBlob(chosen.blob),
      mimeType: 'image/jpeg',
      bytes: chosen.bytes,
      width: chosen.attempt.width,
      height: chosen.attempt.height,
      name: file.name?.replace(/\.[a-z0-9]+$/i, '.jpg'),
    }
  } finally {
    image.release()
  }
}
