/**
 * Generated grayscale pictures for the quality tests (tests only): a page of
 * text-like glyphs, a box blur, dimming and sensor noise. Deterministic.
 */
import type { GrayImage } from './types'

// Module-scope copies: a global lookup (Math) in a hot loop is slow under Jest's jsdom environment.
const { imul, min, max, floor, round } = Math

export const PAPER = 215
export const INK = 35

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = imul(t ^ (t >>> 15), t | 1)
    t ^= t + imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A page of writing: lines of glyphs built from horizontal and vertical
 * strokes, like printed Chinese. `char` is the glyph size and `stroke` the
 * stroke width in pixels; `fill` the share of lines that carry text.
 */
export function textPage(width: number, height: number, opts: { char?: number; stroke?: number; fill?: number; seed?: number } = {}): GrayImage {
  const { char = 40, stroke = 4, fill = 1, seed = 1 } = opts
  const rnd = random(seed)
  const data = new Float32Array(width * height).fill(PAPER)
  const rect = (x0: number, y0: number, w: number, h: number) => {
    for (let y = max(0, y0); y < min(height, y0 + h); y++) {
      data.fill(INK, y * width + max(0, x0), y * width + min(width, x0 + w))
    }
  }
  const margin = round(width * 0.08)
  const lineHeight = round(char * 1.6)
  for (let top = margin; top + char < height - margin; top += lineHeight) {
    if (rnd() > fill) continue
    for (let left = margin; left + char < width - margin; left += round(char * 1.1)) {
      const strokes = 3 + floor(rnd() * 4)
      for (let s = 0; s < strokes; s++) {
        const pos = floor(rnd() * (char - stroke))
        const from = floor(rnd() * char * 0.4)
        const len = floor(char * 0.5 + rnd() * (char * 0.5 - from))
        if (rnd() < 0.5) rect(left + from, top + pos, len, stroke)
        else rect(left + pos, top + from, stroke, len)
      }
    }
  }
  return { width, height, data }
}

/** Separable box blur of radius r (window 2r+1), edges clamped. */
export function boxBlur(image: GrayImage, r: number): GrayImage {
  const { width: w, height: h } = image
  const pass = (src: Float32Array, len: number, lines: number, step: number, lineStep: number): Float32Array => {
    const out = new Float32Array(src.length)
    const window = 2 * r + 1
    for (let line = 0; line < lines; line++) {
      const base = line * lineStep
      let sum = 0
      for (let k = -r; k <= r; k++) sum += src[base + min(len - 1, max(0, k)) * step]
      for (let k = 0; k < len; k++) {
        out[base + k * step] = sum / window
        sum += src[base + min(len - 1, k + r + 1) * step] - src[base + max(0, k - r) * step]
      }
    }
    return out
  }
  return { width: w, height: h, data: pass(pass(image.data, w, h, 1, w), h, w, w, 1) }
}

export function dim(image: GrayImage, factor: number): GrayImage {
  const data = new Float32Array(image.data.length)
  for (let i = 0; i < data.length; i++) data[i] = image.data[i] * factor
  return { ...image, data }
}

/** Adds uniform noise of ±amplitude (a phone sensor's grain), clamped to 0..255. */
export function noisy(image: GrayImage, amplitude: number, seed = 7): GrayImage {
  const rnd = random(seed)
  const data = new Float32Array(image.data.length)
  for (let i = 0; i < data.length; i++) data[i] = min(255, max(0, image.data[i] + (rnd() * 2 - 1) * amplitude))
  return { ...image, data }
}

export function uniform(width: number, height: number, value: number): GrayImage {
  return { width, height, data: new Float32Array(width * height).fill(value) }
}
