#!/usr/bin/env node
/**
 * Measures what the budgets in src/README.md are about, on production builds:
 *   weapp: main package and each subpackage (bytes on disk, as `du -sb`);
 *   h5: JS + CSS the browser fetches to show the home page, gzipped.
 * Usage: node bench/sizes.mjs [weapp|h5]  (both when omitted)
 * The H5 figure comes from a real page load in Debian's chromium (playwright-core).
 */
import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const BUDGET = { main: 600 * 1024, sub: 400 * 1024, h5FirstLoadGzip: 200 * 1024 }
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
const du = (path) => Number(execFileSync('du', ['-sb', path]).toString().split('\t')[0])
const verdict = (value, budget) => `${kib(value)} (${value} B) / budget ${kib(budget)} ${value <= budget ? 'OK' : 'OVER'}`

function weapp() {
  const dist = join(root, 'dist/weapp')
  if (!existsSync(dist)) return console.log('weapp: no dist/weapp — run npm run build:weapp')
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const subs = subRoots.map((r) => [r, du(join(dist, r))])
  const main = du(dist) - subs.reduce((sum, [, size]) => sum + size, 0)
  console.log(`weapp main package: ${verdict(main, BUDGET.main)}`)
  for (const [name, size] of subs) console.log(`weapp ${name}: ${verdict(size, BUDGET.sub)}`)
  return main <= BUDGET.main && subs.every(([, size]) => size <= BUDGET.sub)
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

async function h5() {
  const dist = join(root, 'dist/h5')
  if (!existsSync(dist)) return console.log('h5: no dist/h5 — run npm run build:h5')
  const { chromium } = await import('playwright-core')
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    if (path.startsWith('/api/')) return res.writeHead(503).end('{}')
    let file = join(dist, path)
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html') // SPA fallback
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = server.address().port
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const assets = new Map()
  try {
    const page = await browser.newPage()
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (url.port === String(port) && /\.(js|css)$/.test(url.pathname)) assets.set(url.pathname, url.pathname)
    })
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' })
    await page.waitForSelector('.city-header', { timeout: 15000 })
  } finally {
    await browser.close()
    server.close()
  }
  let total = 0
  for (const path of [...assets.keys()].sort()) {
    const gz = gzipSync(readFileSync(join(dist, path)), { level: 9 }).length
    total += gz
    console.log(`  ${path}  ${kib(gz)} gzip`)
  }
  console.log(`h5 first load (home) JS+CSS gzip: ${verdict(total, BUDGET.h5FirstLoadGzip)}`)
  return total <= BUDGET.h5FirstLoadGzip
}

const which = process.argv[2]
const results = []
if (!which || which === 'weapp') results.push(weapp())
if (!which || which === 'h5') results.push(await h5())
process.exitCode = results.every((ok) => ok !== false) ? 0 : 1
