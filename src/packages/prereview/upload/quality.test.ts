import {
  ANALYSIS_LONG_SIDE,
  BLURRY_MESSAGE,
  BLUR_THRESHOLD,
  DARK_MESSAGE,
  DARK_THRESHOLD,
  assessPhoto,
  downsampleGray,
  fitWithin,
  laplacianVariance,
  meanLuminance,
  toGray,
} from './quality'
import { boxBlur, dim, noisy, textPage, uniform } from './testImages'

// One generated page, as a 2048×1536 photo of it would be: glyphs 40 px, strokes 4 px.
const page = textPage(2048, 1536)
const sparsePage = textPage(2048, 1536, { fill: 0.3, seed: 3 })
const photo = (image = page) => noisy(image, 12)

describe('pixel helpers', () => {
  it('computes Rec. 601 luma from RGBA', () => {
    const gray = toGray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 10, 10, 0], 2, 2)
    expect(Array.from(gray.data).map((v) => Math.round(v * 10) / 10)).toEqual([76.2, 149.7, 29.1, 10])
  })

  it('fits the long side without enlarging', () => {
    expect(fitWithin(4000, 3000, 512)).toEqual({ width: 512, height: 384 })
    expect(fitWithin(3000, 4000, 512)).toEqual({ width: 384, height: 512 })
    expect(fitWithin(300, 200, 512)).toEqual({ width: 300, height: 200 })
  })

  it('downsamples by area average, keeping the mean', () => {
    const small = downsampleGray(page, ANALYSIS_LONG_SIDE)
    expect([small.width, small.height]).toEqual([512, 384])
    expect(meanLuminance(small)).toBeCloseTo(meanLuminance(page), 0)
  })

  it('gives a flat picture no Laplacian and a checkerboard a large one', () => {
    expect(laplacianVariance(uniform(50, 50, 128))).toBe(0)
    const board = uniform(50, 50, 0)
    board.data.forEach((_, i) => (board.data[i] = (Math.floor(i / 50) + (i % 50)) % 2 ? 255 : 0))
    expect(laplacianVariance(board)).toBeGreaterThan(100_000)
  })
})

describe('assessPhoto', () => {
  it('passes a sharp, well-lit page of text', () => {
    for (const image of [page, sparsePage]) {
      const quality = assessPhoto(photo(image))
      expect(quality).toMatchObject({ blurry: false, dark: false, message: null })
      expect(quality.sharpness).toBeGreaterThan(BLUR_THRESHOLD * 2)
      expect(quality.brightness).toBeGreaterThan(DARK_THRESHOLD * 2)
    }
  })

  it('passes a slightly soft page that is still legible (box blur radius 3)', () => {
    expect(assessPhoto(photo(boxBlur(page, 3))).blurry).toBe(false)
  })

  it('flags the same page blurred until the writing is gone (radius 8 and 16)', () => {
    for (const image of [boxBlur(page, 8), boxBlur(page, 16), boxBlur(sparsePage, 8)]) {
      const quality = assessPhoto(photo(image))
      expect(quality).toMatchObject({ blurry: true, dark: false, message: BLURRY_MESSAGE })
      expect(quality.sharpness).toBeLessThan(BLUR_THRESHOLD)
    }
  })

  it('flags the page photographed in the dark', () => {
    const quality = assessPhoto(photo(dim(page, 0.25)))
    expect(quality.dark).toBe(true)
    expect(quality.brightness).toBeLessThan(DARK_THRESHOLD)
    expect(quality.message).toBe(DARK_MESSAGE)
  })

  it('does not call a dimmer but readable page dark (40 %)', () => {
    expect(assessPhoto(photo(dim(page, 0.4))).dark).toBe(false)
  })

  it('gives the darkness advice first when the page is dark and blurred', () => {
    expect(assessPhoto(photo(dim(boxBlur(page, 16), 0.25)))).toMatchObject({ dark: true, blurry: false, message: DARK_MESSAGE })
  })

  it('never calls a uniform picture (a blank page) blurry: there is nothing to judge', () => {
    expect(assessPhoto(noisy(uniform(1024, 768, 200), 4))).toMatchObject({ blurry: false, dark: false, message: null })
  })
})
