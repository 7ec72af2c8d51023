#!/usr/bin/env node
/**
 * Draws the city app's (H5) install icons into src/assets/pwa/: a white form
 * with a tick ("one trip and done") on the app's primary blue. config/pwa.ts
 * copies them into dist/h5 and names them in manifest.webmanifest.
 *   icon-192.png, icon-512.png   purpose "any": a rounded square, corners transparent
 *   icon-maskable-512.png        purpose "maskable": full bleed, the glyph inside the
 *                                 safe zone (the centre circle of 80% diameter)
 *   apple-touch-icon.png (180)   full bleed; iOS rounds the corners itself
 * Chromium (Debian's, through playwright-core) rasterises the SVG on a canvas.
 * Run after changing the drawing or a colour: node config/make-pwa-icons.mjs
 */
import { createRequire } from 'node:module'
import { mkdirSync, writeFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const OUT = new URL('../src/assets/pwa/', import.meta.url).pathname
const BLUE = '#1a66d6' // --py-color-primary in src/app.scss; theme_color in config/pwa.ts

/** The glyph on a 24×24 grid: a form with a folded corner and a tick. */
const GLYPH =
  '<path d="M6 3.5h8.5l4 4V19a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 19V5A1.5 1.5 0 0 1 6 3.5z"/>' +
  '<path d="M14.5 3.5v4h4"/><path d="m8.3 13.6 2.6 2.6 4.8-5"/>'

/** glyphScale: share of the icon's width the 24-unit grid takes. */
const ICONS = [
  { file: 'icon-192.png', size: 192, radius: 0.22, glyphScale: 0.66 },
  { file: 'icon-512.png', size: 512, radius: 0.22, glyphScale: 0.66 },
  { file: 'icon-maskable-512.png', size: 512, radius: 0, glyphScale: 0.5 },
  { file: 'apple-touch-icon.png', size: 180, radius: 0, glyphScale: 0.62 },
]

function svgFor({ size, radius, glyphScale }) {
  const g = size * glyphScale
  const offset = (size - g) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" rx="${size * radius}" fill="${BLUE}"/>
    <g transform="translate(${offset} ${offset}) scale(${g / 24})" fill="none" stroke="#fff" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${GLYPH}</g>
  </svg>`
}

mkdirSync(OUT, { recursive: true })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
for (const icon of ICONS) {
  const dataUrl = await page.evaluate(
    async ({ svg, size }) => {
      const img = new Image()
      img.src = 'data:image/svg+xml,' + encodeURIComponent(svg)
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = size
      canvas.getContext('2d').drawImage(img, 0, 0)
      return canvas.toDataURL('image/png')
    },
    { svg: svgFor(icon), size: icon.size },
  )
  writeFileSync(OUT + icon.file, Buffer.from(dataUrl.split(',')[1], 'base64'))
}
await browser.close()
console.log('PWA icons written to', OUT)
