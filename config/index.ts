import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import webpack from 'webpack'
import devConfig from './dev'
import prodConfig from './prod'
import { pwaH5 } from './pwa'

/**
 * Build configuration for both targets (`--type weapp` → dist/weapp, `--type h5` → dist/h5).
 *
 * Environment variables read at build time (see src/env.ts for what each means):
 *   TARO_APP_API_BASE     API origin baked into the bundle (weapp default http://127.0.0.1:8787,
 *                         H5 default '' = same origin).
 *   TARO_APP_WEAPP_APPID  WeChat appid written into dist/weapp/project.config.json
 *                         (default: the appid in ./project.config.json, `touristappid`).
 * Taro itself only forwards TARO_APP_* keys from .env files; we also forward them from the
 * shell so `TARO_APP_API_BASE=https://… npm run build:weapp` works.
 */
const CONTRACT_DIR = path.resolve(__dirname, '..', 'types')
const SHIMS = path.resolve(__dirname, 'shims')

/** Size trims shared by both targets; each shim says why it is safe. */
function trimBundle(chain: { plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown } }) {
  chain
    .plugin('axios-no-transport')
    .use(webpack.NormalModuleReplacementPlugin, [
      /axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)\.js$/,
      path.join(SHIMS, 'axios-no-transport.js'),
    ])
}

/** H5-only trims: Taro's H5 `request` imports a fetch polyfill and a JSONP client this app never runs. */
function trimH5Bundle(chain: Parameters<typeof trimBundle>[0] & { resolve: { alias: { set(key: string, value: string): unknown } } }) {
  trimBundle(chain)
  chain.resolve.alias.set('whatwg-fetch$', path.join(SHIMS, 'native-fetch.js'))
  chain.resolve.alias.set('jsonp-retry$', path.join(SHIMS, 'no-jsonp.js'))
  pwaH5(chain) // manifest, icons, service worker (config/pwa.ts)
}

/**
 * Taro's mini-program preset turns most of terser's compress passes off (and escapes
 * every Chinese character as \uXXXX: 6 bytes instead of UTF-8's 3). These are
 * terser's own defaults plus webpack's two passes, as Taro's H5 build and webpack use.
 */
const MINI_TERSER = {
  compress: {
    collapse_vars: true, comparisons: true, computed_props: true, hoist_props: true, inline: true, loops: true,
    negate_iife: true, properties: true, reduce_funcs: true, reduce_vars: true, switches: true, typeofs: true,
    directives: true, passes: 2,
  },
  output: { ascii_only: false }, // WeChat reads package files as UTF-8
}

/** Taro's H5 preset keeps function names and quotes every object key; nothing here needs either. */
const H5_TERSER = {
  keep_fnames: false, // no code in the bundle reads a minified function's name
  compress: { passes: 2 }, // webpack's own production default
  output: { quote_keys: false }, // quoting only matters to ES3 engines (reserved words as keys)
}

const NUTUI = /[\\/]@nutui[\\/]/
/** Local PostCSS plugin (path from the project root) dropping NutUI's RTL rules, which no page uses. */
const DROP_RTL = './config/postcss-drop-rtl.js'

function taroAppEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('TARO_APP_') && value !== undefined) env[key] = JSON.stringify(value)
  }
  // Always define the keys src/env.ts reads, so nothing is left as a bare `process.env.X`.
  env.TARO_APP_API_BASE ??= JSON.stringify('')
  return env
}

if (process.env.TARO_APP_WEAPP_APPID) {
  // Taro's project.config.json generator reads TARO_APP_ID.
  process.env.TARO_APP_ID = process.env.TARO_APP_WEAPP_APPID
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'paoyici',
    date: '2025-1-1',
    // NutUI is drawn at 375; our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      return file && NUTUI.test(file) ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: taroAppEnv(),
    defineConstants: {},
    alias: {
      'lodash.kebabcase': path.join(SHIMS, 'kebab-case.js'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Dev builds prebundle dependencies into the main package; NutUI alone is 2.5 MB.
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    // Merged into Taro's per-platform terser defaults (production builds only).
    terser: { enable: true, config: platform === 'h5' ? H5_TERSER : MINI_TERSER },
    cache: {
      // A warm persistent cache makes Taro's mini-program production build emit pages
      // that require modules it never wrote (seen here; Taro issues #15001, #12553):
      // mini-program release builds always start cold. H5 and watch builds keep it.
      enable: platform === 'h5' || process.env.NODE_ENV === 'development',
      // Taro invalidates the cache on config/ changes only; Babel's config and the
      // browser targets change every module's output too, and a page added to app.config.ts
      // once showed the previous page's title from a warm cache (its index.config.ts was new).
      buildDependencies: {
        config: ['babel.config.js', '.browserslistrc', 'src/app.config.ts'].map((file) => path.resolve(__dirname, '..', file)),
      },
    },
    mini: {
      // The shared contract (types/) lives outside src; the app value-imports enums and validators.
      compile: { include: [CONTRACT_DIR] },
      webpackChain: trimBundle,
      // Component CSS order across pages does not matter (BEM blocks); silence the warnings.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        [DROP_RTL]: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      webpackChain: trimH5Bundle,
      compile: { include: [CONTRACT_DIR] },
      // Images (the tab icons) stay files, not base64 inside the first-load JS.
      imageUrlLoaderOption: { limit: 1 }, // bytes; 0 would mean Taro's default (inline up to 2 KB)
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
