/**
 * Package sizes of the production builds: the mini-program's main package and
 * each subpackage (WeChat's limit is 2 MB each), and the H5 first-load JS+CSS
 * after gzip. Build first: npm run build:weapp && npm run build:h5.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

export function weappSizes(dist = join(root, 'dist/weapp')) {
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const file of filesUnder(dist)) {
    if (file.endsWith('.map')) continue
    const rel = relative(dist, file)
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    sizes.set(owner, sizes.get(owner)! + statSync(file).size)
  }
  return sizes
}

export function h5FirstLoad(dist = join(root, 'dist/h5')) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+href="([^"]+\.css)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\//, ''))
  let raw = 0
  let gzip = 0
  for (const asset of assets) {
    const bytes = readFileSync(join(dist, asset))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { assets, raw, gzip }
}

export function printSizes(): void {
  console.log('## Production mini-program (goal: main ≤ 600 KB, each subpackage ≤ 400 KB; WeChat limit 2048 KB)')
  for (const [name, bytes] of weappSizes()) console.log(`  ${name.padEnd(24)} ${kb(bytes)}`)
  const h5 = h5FirstLoad()
  console.log('## H5 first load (goal: JS + CSS ≤ 200 KB gzip)')
  console.log(`  ${h5.assets.length} files, ${kb(h5.raw)} raw, ${kb(h5.gzip)} gzip`)
}

if (import.meta.url === `file://${process.argv[1]}`) printSizes()
