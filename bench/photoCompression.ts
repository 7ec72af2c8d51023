/**
 * On-device photo compression and check (issue 4): the H5 code of
 * src/packages/prereview/upload (photo.h5.ts), bundled with esbuild together
 * with photoCompression.page.js, runs in headless Chromium on a generated
 * 4000×3000 photo-like JPEG — a page of text under uneven light with sensor
 * noise, encoded at quality 0.92 like a phone camera. Prints the original and compressed sizes, the time taken
 * (median of RUNS), and the photo check on the original, the compressed
 * file, and blurred and dark versions.
 *
 *   npx tsx bench/photoCompression.ts     (BENCH_PHOTO_SAVE=/tmp/x.jpg keeps the compressed photo)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild' // Taro's own dependency (@tarojs/helper)
import { chromium } from 'playwright-core'
import type { PhotoQuality } from '../src/packages/prereview/upload/types'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_PHOTO_RUNS ?? 5)
/** A path to write the compressed photo to, to look at its text. */
const SAVE_TO = process.env.BENCH_PHOTO_SAVE
const benchDir = fileURLToPath(new URL('.', import.meta.url))

/** What photoCompression.page.js answers. */
export interface PhotoFigures {
  /** The generated photo, and how long the browser took to encode it (for scale). */
  original: { bytes: number; width: number; height: number; encodeMs: number }
  compressed: { bytes: number; width: number; height: number }
  compressMs: number[]
  checkMs: number[]
  /** The same page with heavy grain (±45): the hardest case for the byte target. */
  grainy: { original: number; compressed: number; width: number; ms: number }
  /** Size at each quality step at 2400×1800, for both photos: shows where compressPhoto stops. */
  steps: Array<{ quality: number; plain: number; grainy: number }>
  /** The compressed JPEG, base64, when BENCH_PHOTO_SAVE asks for it. */
  sample: string | null
  quality: Record<'original' | 'compressed' | 'blurred' | 'dark', PhotoQuality | null>
}

async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { runPhotoBench } from './photoCompression.page.js'`,
      resolveDir: benchDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'photoBench',
    target: 'es2019',
    write: false,
  })
  return result.outputFiles[0].text
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
    await page.addScriptTag({ content: code })
    const figures: PhotoFigures = await page.evaluate(
      (options) =>
        (globalThis as unknown as { photoBench: { runPhotoBench(o: typeof options): Promise<PhotoFigures> } }).photoBench.runPhotoBench(options),
      { runs: RUNS, save: Boolean(SAVE_TO) },
    )
    if (SAVE_TO && figures.sample) writeFileSync(SAVE_TO, Buffer.from(figures.sample, 'base64'))
    const q = figures.quality
    const show = (name: string, value: PhotoFigures['quality']['original']) =>
      console.log(`  check of the ${name}: ${value ? `sharpness ${value.sharpness}, brightness ${value.brightness}, blurry ${value.blurry}, dark ${value.dark}` : 'not measured'}`)
    console.log(`## Photo compression in headless Chromium (H5 code, median of ${RUNS})`)
    console.log(`  original: ${figures.original.width}×${figures.original.height} JPEG q0.92, ${kib(figures.original.bytes)}`)
    console.log(`  compressed: ${figures.compressed.width}×${figures.compressed.height}, ${kib(figures.compressed.bytes)} (${((figures.compressed.bytes / figures.original.bytes) * 100).toFixed(1)} % of the original)`)
    console.log(`  compressPhoto: ${median(figures.compressMs).toFixed(0)} ms (runs: ${figures.compressMs.map((ms) => ms.toFixed(0)).join(', ')})`)
    console.log(`  checkPhoto: ${median(figures.checkMs).toFixed(0)} ms (runs: ${figures.checkMs.map((ms) => ms.toFixed(0)).join(', ')})`)
    console.log(`  grainy photo (noise ±45): ${kib(figures.grainy.original)} → ${kib(figures.grainy.compressed)} at ${figures.grainy.width} px wide, ${figures.grainy.ms.toFixed(0)} ms`)
    console.log(`  size at each quality step (2400 px): ${figures.steps.map((step) => `${step.quality}: ${kib(step.plain)} / grainy ${kib(step.grainy)}`).join(', ')}`)
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
