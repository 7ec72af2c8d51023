import {
  FALLBACK_LONG_SIDE,
  MAX_LONG_SIDE,
  QUALITY_STEPS,
  TARGET_BYTES,
  chooseResult,
  compressionAttempts,
  fitsTarget,
  needsCompression,
} from './compressionPlan'

const MB = 1024 * 1024

describe('needsCompression', () => {
  it('re-encodes a large phone photo', () => {
    expect(needsCompression({ mimeType: 'image/jpeg', bytes: 5 * MB, width: 4000, height: 3000 })).toBe(true)
    expect(needsCompression({ mimeType: 'image/jpeg', bytes: 5 * MB })).toBe(true)
  })

  it('re-encodes a small file whose pixels exceed the long side', () => {
    expect(needsCompression({ mimeType: 'image/png', bytes: 400_000, width: 3000, height: 2000 })).toBe(true)
  })

  it('leaves a small photo within both limits alone', () => {
    expect(needsCompression({ mimeType: 'image/jpeg', bytes: 600_000, width: 2400, height: 1800 })).toBe(false)
    expect(needsCompression({ mimeType: 'image/jpeg', bytes: TARGET_BYTES })).toBe(false)
  })

  it('never touches PDFs or HEIC', () => {
    expect(needsCompression({ mimeType: 'application/pdf', bytes: 8 * MB })).toBe(false)
    expect(needsCompression({ mimeType: 'image/heic', bytes: 3 * MB, width: 4032, height: 3024 })).toBe(false)
  })
})

describe('compressionAttempts', () => {
  it('resizes a 4000×3000 photo to 2400 px and steps quality 0.8 → 0.6, then a smaller fallback', () => {
    expect(compressionAttempts(4000, 3000)).toEqual([
      { width: 2400, height: 1800, quality: 0.8 },
      { width: 2400, height: 1800, quality: 0.7 },
      { width: 2400, height: 1800, quality: 0.6 },
      { width: 1800, height: 1350, quality: 0.6 },
    ])
  })

  it('keeps portrait orientation', () => {
    expect(compressionAttempts(3000, 4000)[0]).toEqual({ width: 1800, height: 2400, quality: 0.8 })
  })

  it('never enlarges, and adds no fallback when the picture is already small', () => {
    const attempts = compressionAttempts(1600, 1200)
    expect(attempts).toHaveLength(QUALITY_STEPS.length)
    expect(attempts.every((a) => a.width === 1600 && a.height === 1200)).toBe(true)
  })

  it('keeps its constants in a sensible order', () => {
    expect(FALLBACK_LONG_SIDE).toBeLessThan(MAX_LONG_SIDE)
    expect([...QUALITY_STEPS]).toEqual([...QUALITY_STEPS].sort().reverse())
    expect(QUALITY_STEPS[0]).toBe(0.8)
    expect(QUALITY_STEPS[QUALITY_STEPS.length - 1]).toBe(0.6)
  })
})

describe('chooseResult', () => {
  const original = { name: 'original', bytes: 6 * MB }
  it('takes the first encoding that fits the target', () => {
    const encodings = [
      { name: 'q80', bytes: 1.3 * MB },
      { name: 'q70', bytes: 0.9 * MB },
      { name: 'q60', bytes: 0.7 * MB },
    ]
    expect(chooseResult(original, encodings).name).toBe('q70')
    expect(fitsTarget(0.9 * MB)).toBe(true)
    expect(fitsTarget(1.3 * MB)).toBe(false)
  })

  it('takes the smallest when none fits', () => {
    expect(chooseResult(original, [{ name: 'a', bytes: 2 * MB }, { name: 'b', bytes: 1.5 * MB }]).name).toBe('b')
  })

  it('keeps the original when re-encoding would not make it smaller, or nothing was encoded', () => {
    const png = { name: 'png', bytes: 300_000 }
    expect(chooseResult(png, [{ name: 'jpeg', bytes: 450_000 }]).name).toBe('png')
    expect(chooseResult(png, []).name).toBe('png')
  })
})
