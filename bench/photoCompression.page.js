/**
 * The in-page half of bench/photoCompression.ts, bundled by esbuild with the
 * upload module's H5 code and run in headless Chromium: draws a 4000×3000
 * photo-like page of text, then times compressPhoto and checkPhoto on it.
 * Plain JavaScript on purpose: it needs the DOM's types, and as a .ts file in
 * bench/ it would bring them into the server's type check (server/tsconfig.json
 * includes bench/). Its answer is typed by `PhotoFigures` in photoCompression.ts.
 */
import { registerBlob } from '../src/packages/prereview/upload/files.h5'
import { checkPhoto, compressPhoto } from '../src/packages/prereview/upload/photo.h5'
import { QUALITY_STEPS, compressionAttempts } from '../src/packages/prereview/upload/compressionPlan'

/** @param {{ runs: number, save: boolean }} options */
export async function runPhotoBench({ runs, save }) {
  const blobToBase64 = (blob) =>
    new Promise((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result).split(',')[1])
      reader.readAsDataURL(blob)
    })
  const W = 4000
  const H = 3000
  let seed = 12345
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296)

  function paint(filter, dimTo, grain = 24) {
    const canvas = document.createElement('canvas')
    canvas.width = W
    canvas.height = H
    const ctx = canvas.getContext('2d')
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
    for (let y = -1000; y < 1200; y += 96) {
      let line = ''
      while (line.length < 62) line += words[Math.floor(rnd() * words.length)] + ' '
      ctx.fillText(line, -1350, y)
    }
    // Small print, as on a certificate's footer: 24 px letters at 4000 px (14 px after compression).
    ctx.font = '24px sans-serif'
    ctx.fillText('Issued under Art. 12 of the Regulations; serial 6209 8119 8704 1723 57; verify at https://zwfw.example.gov.cn/v?id=A17', -1350, 1250)
    ctx.strokeStyle = '#333'
    ctx.lineWidth = 6
    ctx.strokeRect(-1400, -1300, 2800, 2650)
    ctx.restore()
    // Sensor noise.
    const image = ctx.getImageData(0, 0, W, H)
    const d = image.data
    for (let i = 0; i < d.length; i += 4) {
      const n = (rnd() - 0.5) * grain
      d[i] = (d[i] + n) * dimTo
      d[i + 1] = (d[i + 1] + n) * dimTo
      d[i + 2] = (d[i + 2] + n) * dimTo
    }
    ctx.putImageData(image, 0, 0)
    if (!filter) return canvas
    const out = document.createElement('canvas')
    out.width = W
    out.height = H
    const octx = out.getContext('2d')
    octx.filter = filter
    octx.drawImage(canvas, 0, 0)
    return out
  }

  const jpeg = (canvas) => new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92))
  const pick = (blob) => ({ path: registerBlob(blob), mimeType: 'image/jpeg', bytes: blob.size })

  const canvas = paint('', 1)
  let started = performance.now()
  const originalBlob = await jpeg(canvas)
  const encodeMs = performance.now() - started
  const original = pick(originalBlob)

  const compressMs = []
  let compressed = original
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    compressed = await compressPhoto(original)
    compressMs.push(performance.now() - started)
  }
  const checkMs = []
  let originalQuality = null
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    originalQuality = await checkPhoto(original)
    checkMs.push(performance.now() - started)
  }
  // A grainy photo (a dim room, high ISO): harder to compress, so the quality steps are exercised.
  const grainy = pick(await jpeg(paint('', 1, 90)))
  started = performance.now()
  const grainyCompressed = await compressPhoto(grainy)
  const grainyMs = performance.now() - started
  const stepSizes = async (blob) => {
    const bitmap = await createImageBitmap(blob)
    const { width, height } = compressionAttempts(W, H)[0]
    const scaled = document.createElement('canvas')
    scaled.width = width
    scaled.height = height
    const ctx = scaled.getContext('2d')
    ctx.imageSmoothingQuality = 'high' // as photo.h5.ts draws it
    ctx.drawImage(bitmap, 0, 0, width, height)
    bitmap.close()
    const sizes = []
    for (const quality of QUALITY_STEPS) sizes.push((await new Promise((resolve) => scaled.toBlob(resolve, 'image/jpeg', quality))).size)
    return sizes
  }
  const plainSteps = await stepSizes(originalBlob)
  const grainySteps = await stepSizes(await (await fetch(grainy.path)).blob())
  // Blur of 12 px at 4000 px: ~3 px at the check's 1024 px — the writing (64 px letters, ~7 px strokes) smears.
  const blurred = pick(await jpeg(paint('blur(12px)', 1)))
  const dark = pick(await jpeg(paint('', 0.25)))
  return {
    original: { bytes: original.bytes, width: W, height: H, encodeMs },
    compressed: { bytes: compressed.bytes, width: compressed.width ?? 0, height: compressed.height ?? 0 },
    compressMs,
    checkMs,
    steps: QUALITY_STEPS.map((quality, i) => ({ quality, plain: plainSteps[i], grainy: grainySteps[i] })),
    grainy: { original: grainy.bytes, compressed: grainyCompressed.bytes, width: grainyCompressed.width ?? 0, ms: grainyMs },
    sample: save ? await blobToBase64(await (await fetch(compressed.path)).blob()) : null,
    quality: {
      original: originalQuality,
      compressed: await checkPhoto(compressed),
      blurred: await checkPhoto(blurred),
      dark: await checkPhoto(dark),
    },
  }
}

