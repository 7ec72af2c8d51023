import path from 'node:path'
import { readFileSync } from 'node:fs'
import webpack, { type Compilation } from 'webpack'
import { InjectManifest } from 'workbox-webpack-plugin'

/**
 * The city app (H5) as an installable web app: a web app manifest, its icons
 * and, in production builds, a Workbox service worker (src/pwa/sw.ts) with a
 * precache list of the app shell. Only the H5 chain calls this; the
 * mini-program build never sees any of it.
 *
 * What dist/h5 gains:
 *   manifest.webmanifest   linked from src/index.html
 *   pwa/*.png              drawn by config/make-pwa-icons.mjs into src/assets/pwa
 *   sw.js                  production only; registered by src/platform/serviceWorker.h5.ts
 */
const ICON_DIR = path.resolve(__dirname, '..', 'src', 'assets', 'pwa')
const SW_SRC = path.resolve(__dirname, '..', 'src', 'pwa', 'sw.ts')

/** Colours: --py-color-primary and --py-color-bg of src/app.scss. */
export const MANIFEST = {
  name: '跑一次·玉门政务',
  short_name: '跑一次',
  description: '玉门市政务服务：办事指南、在线预审、预约、进度查询与缴费',
  lang: 'zh-CN',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  theme_color: '#1a66d6',
  background_color: '#f5f6f8',
  icons: [
    { src: '/pwa/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/pwa/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/pwa/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}
const ICON_FILES = ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'apple-touch-icon.png']

/** Emits manifest.webmanifest and the icons as build assets (so the precache list sees them). */
class PwaAssetsPlugin {
  apply(compiler: webpack.Compiler) {
    compiler.hooks.thisCompilation.tap('PwaAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PwaAssetsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of ICON_FILES) {
            const source = path.join(ICON_DIR, file)
            compilation.fileDependencies.add(source)
            compilation.emitAsset(`pwa/${file}`, new webpack.sources.RawSource(readFileSync(source)))
          }
          compilation.emitAsset('manifest.webmanifest', new webpack.sources.RawSource(`${JSON.stringify(MANIFEST, null, 2)}\n`))
        },
      )
    })
  }
}

/**
 * The shell the service worker precaches: index.html, the manifest and icons,
 * the entry's JS/CSS and the main package's pages (the four tabs and their
 * shared chunks), so the app opens offline even on the page it was first
 * loaded on, before the worker controlled it. Subpackage pages (guides,
 * booking, staff …) are cached at run time once opened, not up front.
 */
function isShellAsset(name: string, compilation: Compilation): boolean {
  if (name === 'index.html' || name === 'manifest.webmanifest' || name.startsWith('pwa/')) return true
  if (name.endsWith('.map') || name.endsWith('.LICENSE.txt')) return false
  return shellFiles(compilation).has(name)
}

/** Taro's router loads each page by `import("./pages/<tab>/index")` from the app entry: unnamed chunks, known by that request. */
const MAIN_PACKAGE_PAGE = /(^\.\/|\/src\/)pages\/[^/]+\/index$/
const shellCache = new WeakMap<Compilation, Set<string>>()

function shellFiles(compilation: Compilation): Set<string> {
  let files = shellCache.get(compilation)
  if (files) return files
  files = new Set<string>()
  for (const group of compilation.chunkGroups) {
    const isShell = group === compilation.entrypoints.get('app') ||
      group.origins.some((origin) => MAIN_PACKAGE_PAGE.test((origin.request ?? '').replace(/\\/g, '/')))
    if (!isShell) continue
    // files: JS and CSS; auxiliaryFiles: images the chunk imports (the tab bar icons).
    for (const chunk of group.chunks) for (const file of [...chunk.files, ...chunk.auxiliaryFiles]) files.add(file)
  }
  shellCache.set(compilation, files)
  return files
}

type Chain = { plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown } }

/** Hook for config/index.ts's H5 `webpackChain`. */
export function pwaH5(chain: Chain) {
  chain.plugin('pwa-assets').use(PwaAssetsPlugin)
  // The service worker only in production: a worker caching a watch build's assets gets in the way.
  if (process.env.NODE_ENV !== 'production') return
  chain.plugin('pwa-sw').use(InjectManifest, [
    {
      swSrc: SW_SRC,
      swDest: 'sw.js',
      include: [({ asset, compilation }: { asset: { name: string }; compilation: Compilation }) => isShellAsset(asset.name, compilation)],
      // Names with a content hash need no revision query string.
      dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.(js|css)$/,
    },
  ])
}
