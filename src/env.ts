/**
 * The app's build-time configuration, and the only module in src/ that reads
 * TARO_APP_* variables. They are baked into the bundle by config/index.ts (from
 * the shell or from .env files); there is no runtime configuration.
 *
 * TARO_APP_API_BASE
 *   Origin of the platform API server, without a trailing slash; every request
 *   path starts with /api.
 *   - weapp: default `http://127.0.0.1:8787` (the local server; in WeChat
 *     DevTools tick 不校验合法域名 for plain http). Production: the HTTPS
 *     request domain registered for the mini-program.
 *   - h5: default `''` = same origin. The H5 is served (127.0.0.1:10086 locally)
 *     by a server that proxies /api to the API server, so no CORS is involved.
 *
 * TARO_APP_WEAPP_APPID (read by config/index.ts only)
 *   The mini-program appid written into dist/weapp/project.config.json;
 *   default `touristappid` from ./project.config.json.
 */

const DEFAULT_API_BASE = process.env.TARO_ENV === 'weapp' ? 'http://127.0.0.1:8787' : ''

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

export const API_BASE: string = trimSlash(process.env.TARO_APP_API_BASE || DEFAULT_API_BASE)

/** Absolute URL of a path served by the API (e.g. a document's `/api/documents/{id}`). */
export function apiUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path
  return `${API_BASE}${path.startsWith('/') ? '' : '/'}${path}`
}
