/**
 * On-device photo check: is this photo of a document sharp and bright enough
 * to read? Pure functions over a grayscale image, so they are tested with
 * generated images and run the same on weapp and H5 (the platform files only
 * fetch the pixels).
 *
 * - brightness: mean luminance (0..255).
 * - sharpness: variance of the 4-neighbour Laplacian, measured after scaling
 *   the image down to ANALYSIS_LONG_SIDE (area average). Scaling first makes
 *   the figure independent of the camera's resolution and averages sensor
 *   noise away, so what remains is the edges of the writing.
 * - contrast: standard deviation of luminance. A nearly uniform picture (a
 *   blank page, a wall) has no edges to judge: it is never called blurry.
 *   Neither is a dark one: its edges are faint anyway, and the advice to
 *   retake it in the light comes first.
 *
 * The thresholds were chosen from measurements on generated pages of text
 * (quality.test.ts prints them with MEASURE=1): see each constant.
 */
import type { GrayImage, PhotoQuality } from './types'

/** Long side the photo is scaled to before measuring (~512 px keeps it fast on a phone). */
export const ANALYSIS_LONG_SIDE = 512

/**
 * Below this Laplacian variance a page of text is too blurred to read.
 * Measured at 512 px on generated pages (ink 35 on paper 215, glyphs 24–40 px
 * with 3–4 px strokes at 2048 px wide, sensor noise ±12), box blur radius r
 * in pixels at 2048 px:
 *
 *   text on            sharp   r=2   r=3   r=4   r=6   r=8   r=16
 *   every line         8 400  3 500 1 800   910   380   230    90
 *   30 % of lines      3 600  1 500   760   410   200   130    75
 *   10 % of lines      2 300    980   510   280   150   110    70
 *   10 %, shaded 40 %  1 500    660   350   200   120    90    65
 *
 * r ≤ 3 is still legible, at r = 6 strokes start to merge, at r ≥ 8 the
 * writing is gone. 300 passes every legible page above and flags every
 * r ≥ 8 one; the r = 4–6 band is flagged on sparse pages only. It is advice
 * (the photo still uploads), so we lean towards not nagging. Strong sensor
 * noise (±30) raises the floor to ~390 and can hide blur: a known limit.
 */
export const BLUR_THRESHOLD = 300

/**
 * Below this mean luminance the page is too dark to read. Paper under room
 * light photographs at 150–220; the generated page measures 198, dimmed to
 * 25 % it measures 50 (ink 9 on paper 54: hard to read), to 40 % 79 (ink 14
 * on paper 86, still readable).
 */
export const DARK_THRESHOLD = 70

/** Below this luminance standard deviation there is nothing to judge sharpness on (a blank, uniform picture). */
export const MIN_CONTRAST = 12

export const BLURRY_MESSAGE = '照片有些模糊，文字可能看不清，建议对准后重新拍摄'
export const DARK_MESSAGE = '照片太暗，文字可能看不清，建议在光线充足处重新拍摄'

/** Rec. 601 luma of RGBA pixels (canvas getImageData order). */
export function toGray(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const data = new Float32Array(width * height)
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]
  }
  return { width, height, data }
}

/** The size that fits `maxSide` on the long side, keeping the aspect ratio (never enlarges). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Area-average downscale so the long side is at most `maxSide`. */
export function downsampleGray(image: GrayImage, maxSide: number): GrayImage {
  const { width: w, height: h } = fitWithin(image.width, image.height, maxSide)
  if (w === image.width && h === image.height) return image
  const sx = image.width / w
  const sy = image.height / h
  const out = new Float32Array(w * h)
  for (let oy = 0; oy < h; oy++) {
    const y0 = Math.floor(oy * sy)
    const y1 = Math.max(y0 + 1, Math.floor((oy + 1) * sy))
    for (let ox = 0; ox < w; ox++) {
      const x0 = Math.floor(ox * sx)
      const x1 = Math.max(x0 + 1, Math.floor((ox + 1) * sx))
      let sum = 0
      for (let y = y0; y < y1; y++) {
        const row = y * image.width
        for (let x = x0; x < x1; x++) sum += image.data[row + x]
      }
      out[oy * w + ox] = sum / ((y1 - y0) * (x1 - x0))
    }
  }
  return { width: w, height: h, data: out }
}

export function meanLuminance(image: GrayImage): number {
  let sum = 0
  for (let i = 0; i < image.data.length; i++) sum += image.data[i]
  return image.data.length ? sum / image.data.length : 0
}

export function luminanceStdDev(image: GrayImage): number {
  const mean = meanLuminance(image)
  let sum = 0
  for (let i = 0; i < image.data.length; i++) sum += (image.data[i] - mean) ** 2
  return image.data.length ? Math.sqrt(sum / image.data.length) : 0
}

/** Variance of the 4-neighbour Laplacian over the interior pixels. */
export function laplacianVariance(image: GrayImage): number {
  const { width: w, height: h, data } = image
  if (w < 3 || h < 3) return 0
  let sum = 0
  let sumSq = 0
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      const v = data[i - 1] + data[i + 1] + data[i - w] + data[i + w] - 4 * data[i]
      sum += v
      sumSq += v * v
    }
  }
  const n = (w - 2) * (h - 2)
  const mean = sum / n
  return sumSq / n - mean * mean
}

/** The whole check: scale down, measure, and advise. */
export function assessPhoto(gray: GrayImage): PhotoQuality {
  const small = downsampleGray(gray, ANALYSIS_LONG_SIDE)
  const brightness = meanLuminance(small)
  const sharpness = laplacianVariance(small)
  const dark = brightness < DARK_THRESHOLD
  // In the dark every edge is faint, so the Laplacian says little: darkness is the advice then.
  const blurry = !dark && sharpness < BLUR_THRESHOLD && luminanceStdDev(small) >= MIN_CONTRAST
  const message = dark ? DARK_MESSAGE : blurry ? BLURRY_MESSAGE : null
  return { blurry, dark, sharpness: Math.round(sharpness * 10) / 10, brightness: Math.round(brightness * 10) / 10, message }
}
