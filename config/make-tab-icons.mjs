#!/usr/bin/env node
/**
 * Draws the tab bar icons: 81×81 PNGs (WeChat's recommended size) in the tab
 * bar's two colours, from the SVG paths below. Chromium (Debian's, through
 * playwright-core) rasterises them; we encode each as a 16-level palette PNG
 * of one colour (~0.7 KB instead of ~2.5 KB), since tab icons count against
 * the mini-program's main package.
 * Run after changing a path or colour: node config/make-tab-icons.mjs
 */
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const OUT = new URL('../src/assets/', import.meta.url).pathname
const SIZE = 81
const COLORS = { '': '#4e5969', '-active': '#1a66d6' } // keep in step with app.config.ts tabBar

const ICONS = {
  home: '<path d="M4 11.5 12 4l8 7.5"/><path d="M6.5 9.5V20h11V9.5"/><path d="M10 20v-5.5h4V20"/>', // a house
  services: '<rect x="5" y="3.5" width="14" height="17" rx="2"/><path d="M8.5 8h7M8.5 12h7M8.5 16h4.5"/>', // a form
  progress: '<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>', // a clock
  me: '<circle cx="12" cy="8.5" r="4"/><path d="M4.5 20.5c.8-4 3.9-6 7.5-6s6.7 2 7.5 6"/>', // a person
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const head = Buffer.alloc(4)
  head.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc32(body))
  return Buffer.concat([head, body, tail])
}

/** One colour, 16 alpha levels: palette PNG (colour type 3) with a tRNS chunk. */
function encodeMonochrome(alpha, hex) {
  const levels = []
  const index = alpha.map((a) => {
    const q = Math.round(a / 17) * 17
    let i = levels.indexOf(q)
    if (i < 0) i = levels.push(q) - 1
    return i
  })
  const raw = Buffer.alloc(SIZE * (SIZE + 1))
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) raw[y * (SIZE + 1) + 1 + x] = index[y * SIZE + x]
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 3 // palette
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  const palette = Buffer.from(levels.flatMap(() => rgb))
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('PLTE', palette),
    chunk('tRNS', Buffer.from(levels)),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
for (const [name, paths] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${SIZE}" height="${SIZE}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
    const alpha = await page.evaluate(
      async ({ svg, size }) => {
        const img = new Image()
        img.src = 'data:image/svg+xml,' + encodeURIComponent(svg)
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = size
        const g = canvas.getContext('2d')
        g.drawImage(img, 0, 0)
        return Array.from(g.getImageData(0, 0, size, size).data.filter((_, i) => i % 4 === 3))
      },
      { svg, size: SIZE },
    )
    writeFileSync(`${OUT}tab-${name}${suffix}.png`, encodeMonochrome(alpha, color))
  }
}
await browser.close()
console.log('tab icons written to', OUT)
