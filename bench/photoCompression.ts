/**
 * On-device photo compression and check (issue 4): the H5 code of
 * src/packages/prereview/upload (photo.h5.ts, bundled with esbuild) runs in
 * headless Chromium on a generated 4000×3000 photo-like JPEG — a page of
 * text under uneven light with sensor noise, encoded at quality 0.92 like a
 * phone camera. Prints the original and compressed sizes, the time taken
 * (median of RUNS), and the photo check on the original, the compressed
 * file, and blurred and dark versions.
 *
 *   npx tsx bench/photoCompression.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild' // Taro's own dependency (@tarojs/helper)
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_PHOTO_RUNS ?? 5)
const uploadDir = fileURLToPath(new URL('../src/packages/prereview/upload/', import.meta.url))

export interface PhotoFigures {
  original: { bytes: number; width: number; height: number; encodeMs: number }
  compressed: { bytes: number; width: number; height: number }
  compressMs: number[]
  checkMs: number[]
  quality: Record<'original' | 'compressed' | 'blurred' | 'dark', { blurry: boolean; dark: boolean; sharpness: number; brightness: number } | null>
}

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { checkPhoto, compressPhoto } from './photo.h5'; export { registerBlob } from './files.h5'`,
      resolveDir: uploadDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'photoUnderTest',
    target: 'es2019',
    write: false,
  })
  return result.outputFiles[0].text
}

/** Runs in the page: draws the test photo and measures. */
async function measureInPage(runs: number): Promise<PhotoFigures> {
  type Quality = { blurry: boolean; dark: boolean; sharpness: number; brightness: number } | null
  type Picked = { path: string; mimeType: 'image/jpeg'; bytes: number; width?: number; height?: number }
  const api = (window as unknown as {
    photoUnderTest: {
      registerBlob(blob: Blob): string
      compressPhoto(file: Picked): Promise<Picked>
      checkPhoto(file: Picked): Promise<Quality>
    }
  }).photoUnderTest
  const W = 4000
  const H = 3000
  let seed = 12345
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296)

  function paint(filter: string, dimTo: number): HTMLCanvasElement {
    const canvas = document.createElement('canvas')
    canvas.width = W
    canvas.height = H
    const ctx = canvas.getContext('2d')!
    // A desk, and a sheet of paper lit from the upper left.
    ctx.fillStyle = '#5b4a3a'
    ctx.fillRect(0, 0, W, H)
    const light = ctx.createRadialGradient(W * 0.3, H * 0.2, 200, W * 0.5, H * 0.5, W * 0.8)
    light.addColorStop(0, '#f4f1ea')
    light.addColorStop(1, '#b9b3a6')
    ctx.fillStyle = light
    ctx.save()
    ctx.translate(W / 2, H / 2)
    ctx.rotate(-0.02)
    ctx.fillRect(-1500, -1400, 3000, 2800)
    // Writing: a title and lines of body text, Latin and digits (the headless machine may lack CJK fonts).
    ctx.fillStyle = '#222'
    ctx.font = 'bold 110px sans-serif'
    ctx.fillText('APPLICATION FORM No. 2026-0417', -1350, -1180)
    ctx.font = '64px serif'
    const words = ['name', 'address', 'licence', 'Yumen', 'city', 'registration', 'date', 'capital', 'RMB', 'district', 'business', 'scope', 'food', '1987', '620981']
    for (let y = -1000; y < 1300; y += 96) {
      let line = ''
      while (line.length < 62) line += words[Math.floor(rnd() * words.length)] + ' '
      ctx.fillText(line, -1350, y)
    }
    ctx.strokeStyle = '#333'
    ctx.lineWidth = 6
    ctx.strokeRect(-1400, -1300, 2800, 2650)
    ctx.restore()
    // Sensor noise.
    const image = ctx.getImageData(0, 0, W, H)
    const d = image.data
    for (let i = 0; i < d.length; i += 4) {
      const n = (rnd() - 0.5) * 24
      d[i] = (d[i] + n) * dimTo
      d[i + 1] = (d[i + 1] + n) * dimTo
      d[i + 2] = (d[i + 2] + n) * dimTo
    }
    ctx.putImageData(image, 0, 0)
    if (!filter) return canvas
    const out = document.createElement('canvas')
    out.width = W
    out.height = H
    const octx = out.getContext('2d')!
    octx.filter = filter
    octx.drawImage(canvas, 0, 0)
    return out
  }

  const jpeg = (canvas: HTMLCanvasElement) =>
    new Promise<Blob>((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/jpeg', 0.92))
  const pick = (blob: Blob): Picked => ({ path: api.registerBlob(blob), mimeType: 'image/jpeg', bytes: blob.size })

  const canvas = paint('', 1)
  let started = performance.now()
  const originalBlob = await jpeg(canvas)
  const encodeMs = performance.now() - started
  const original = pick(originalBlob)

  const compressMs: number[] = []
  let compressed: Picked = original
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    compressed = await api.compressPhoto(original)
    compressMs.push(performance.now() - started)
  }
  const checkMs: number[] = []
  let originalQuality: Quality = null
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    originalQuality = await api.checkPhoto(original)
    checkMs.push(performance.now() - started)
  }
  // Blur of 12 px at 4000 px: ~3 px at the check's 1024 px — the writing (64 px letters, ~7 px strokes) smears.
  const blurred = pick(await jpeg(paint('blur(12px)', 1)))
  const dark = pick(await jpeg(paint('', 0.25)))
  return {
    original: { bytes: original.bytes, width: W, height: H, encodeMs },
    compressed: { bytes: compressed.bytes, width: compressed.width ?? 0, height: compressed.height ?? 0 },
    compressMs,
    checkMs,
    quality: {
      original: originalQuality,
      compressed: await api.checkPhoto(compressed),
      blurred: await api.checkPhoto(blurred),
      dark: await api.checkPhoto(dark),
    },
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`

export async function measurePhotoCompression(): Promise<PhotoFigures> {
  const code = await bundle()
  const profile = mkdtempSync(join(tmpdir(), 'pyc-bench-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.setContent('<!doctype html><html><body></body></html>')
    // tsx compiles measureInPage with esbuild's keepNames, which calls a `__name` helper the page lacks.
    await page.addScriptTag({ content: `${code}\nwindow.__name = (fn) => fn;` })
    const figures = await page.evaluate(measureInPage, RUNS)
    const q = figures.quality
    const show = (name: string, value: PhotoFigures['quality']['original']) =>
      console.log(`  check of the ${name}: ${value ? `sharpness ${value.sharpness}, brightness ${value.brightness}, blurry ${value.blurry}, dark ${value.dark}` : 'not measured'}`)
    console.log(`## Photo compression in headless Chromium (H5 code, median of ${RUNS})`)
    console.log(`  original: ${figures.original.width}×${figures.original.height} JPEG q0.92, ${kib(figures.original.bytes)}`)
    console.log(`  compressed: ${figures.compressed.width}×${figures.compressed.height}, ${kib(figures.compressed.bytes)} (${((figures.compressed.bytes / figures.original.bytes) * 100).toFixed(1)} % of the original)`)
    console.log(`  compressPhoto: ${median(figures.compressMs).toFixed(0)} ms (runs: ${figures.compressMs.map((ms) => ms.toFixed(0)).join(', ')})`)
    console.log(`  checkPhoto: ${median(figures.checkMs).toFixed(0)} ms (runs: ${figures.checkMs.map((ms) => ms.toFixed(0)).join(', ')})`)
    show('original', q.original)
    show('compressed file', q.compressed)
    show('blurred photo (12 px)', q.blurred)
    show('dark photo (25 %)', q.dark)
    return figures
  } finally {
    await context.close().catch(() => undefined)
    rmSync(profile, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await measurePhotoCompression()
}
