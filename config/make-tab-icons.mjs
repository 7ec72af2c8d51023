#!/usr/bin/env node
/**
 * Draws the tab bar icons (81×81 PNG, transparent) from the SVG paths below,
 * in the tab bar's two colours, with Debian's chromium through playwright-core.
 * Run after changing a path or colour: node config/make-tab-icons.mjs
 */
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const { chromium } = require('playwright-core')
const out = new URL('../src/assets/tabbar/', import.meta.url).pathname
const COLORS = { normal: '#4e5969', active: '#1a66d6' } // keep in step with app.config.ts tabBar

const ICONS = {
  // A house.
  home: '<path d="M4 11.5 12 4l8 7.5"/><path d="M6.5 9.5V20h11V9.5"/><path d="M10 20v-5.5h4V20"/>',
  // A form with lines: the service catalog.
  services: '<rect x="5" y="3.5" width="14" height="17" rx="2"/><path d="M8.5 8h7M8.5 12h7M8.5 16h4.5"/>',
  // A clock: progress over time.
  progress: '<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>',
  // A person.
  me: '<circle cx="12" cy="8.5" r="4"/><path d="M4.5 20.5c.8-4 3.9-6 7.5-6s6.7 2 7.5 6"/>',
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
for (const [name, paths] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="81" height="81" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
    writeFileSync(`${out}${name}${state === 'active' ? '-active' : ''}.png`, png)
  }
}
await browser.close()
console.log('tab icons written to', out)
