/**
 * A stand-in for WeChat's `wx` object, enough for the compiled mini-program
 * (dist/weapp) to run in Node: `request` does real HTTP to the local server
 * over node:http, `login` returns a code minted by the WeChat simulator,
 * storage lives in a Map, and navigation and UI calls are recorded.
 *
 * Everything handed back to the bundle is cloned into the bundle's realm (it
 * runs in its own vm context), so `instanceof Object` and friends behave.
 * A name the bundle looks up that is not stubbed here is recorded in `unknown`
 * and reads as undefined (Taro then treats the API as unsupported), so a test
 * can list what is missing.
 */
import { request as httpRequest } from 'node:http'

export interface WxCallLog {
  api: string
  args: unknown
}

export interface WxStubOptions {
  /**
   * Where requests go: `baked` (the API base compiled into the bundle) is
   * rewritten to `target`; any other URL fails as outside the domain list.
   */
  rewrite: { baked: string; target: string }
  /** What wx.login returns as `code`. */
  loginCode: () => string
  /** Clones a plain value into the bundle's realm (see miniProgram.ts). */
  toRealm: <T>(value: T) => T
  /**
   * What WeChat's pay sheet does with wx.requestPayment's params (e.g. hands
   * them to the WeChat Pay simulator's /__sim/request-payment); answers its
   * errMsg ('requestPayment:ok' succeeds). Without it the sheet is "cancelled".
   */
  requestPayment?: (params: Record<string, unknown>) => Promise<{ errMsg: string }>
}

export interface WxStub {
  wx: Record<string, unknown>
  storage: Map<string, unknown>
  /** Every stubbed call, oldest first (request bodies included). */
  calls: WxCallLog[]
  /** wx.request calls: method, URL as requested and as sent, status. */
  requests: Array<{ method: string; url: string; sentTo: string; status?: number; error?: string }>
  /** Names the bundle looked up or called that are not stubbed. */
  unknown: Set<string>
  /** Requests still on the wire. */
  inFlight(): number
  /** Temp files the bundle may pick or upload, by their `wxfile://tmp/…` path. */
  tempFiles: Map<string, Buffer>
  /** What the next wx.chooseMedia calls pick (temp paths), one list per call; an empty queue answers "cancel". */
  mediaPicks: string[][]
  /** wx.uploadFile calls: URL as requested and as sent, form field, bytes sent, status. */
  uploads: Array<{ url: string; sentTo: string; name: string; bytes: number; status?: number; error?: string }>
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }

const systemInfo = {
  brand: 'devtools',
  model: 'iPhone 12/13 (Pro)',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  fontSizeSetting: 16,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
  enableDebug: false,
  deviceOrientation: 'portrait',
  host: { appId: '' },
}

/** APIs the bundle may probe for that need no behaviour beyond "succeeded". */
const QUIET_ASYNC = [
  'showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal', 'setNavigationBarTitle', 'stopPullDownRefresh',
  'startPullDownRefresh', 'pageScrollTo', 'setTabBarItem', 'showTabBar', 'hideTabBar', 'vibrateShort', 'checkSession',
  'makePhoneCall', 'openLocation', 'setClipboardData', 'requestSubscribeMessage', 'showShareMenu', 'hideShareMenu',
  'setBackgroundColor', 'setBackgroundTextStyle', 'getNetworkType', 'getSetting',
]
const NAVIGATION = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack']

export function createWxStub(opts: WxStubOptions): WxStub {
  const storage = new Map<string, unknown>()
  const calls: WxCallLog[] = []
  const requests: WxStub['requests'] = []
  const unknown = new Set<string>()
  let inFlight = 0
  const { toRealm } = opts
  const tempFiles = new Map<string, Buffer>()
  const mediaPicks: string[][] = []
  const uploads: WxStub['uploads'] = []

  /** WeChat calls back asynchronously: success or fail, then complete. */
  const settle = (cb: Callbacks, ok: boolean, res: Record<string, unknown>) => {
    setTimeout(() => {
      const value = toRealm(res)
      if (ok) cb.success?.(value)
      else cb.fail?.(value)
      cb.complete?.(value)
    }, 0)
  }
  const succeed = (api: string) => (options: Callbacks & Record<string, unknown> = {}) => {
    calls.push({ api, args: plain(options) })
    const extra = api === 'showModal' ? { confirm: true, cancel: false } : api === 'getNetworkType' ? { networkType: 'wifi' } : {}
    settle(options, true, { errMsg: `${api}:ok`, ...extra })
  }

  const wx: Record<string, unknown> = {
    request(options: Callbacks & { url: string; method?: string; header?: Record<string, string>; data?: unknown; timeout?: number; dataType?: string }) {
      calls.push({ api: 'request', args: plain(options) })
      const method = (options.method ?? 'GET').toUpperCase()
      let url = options.url
      if (url.startsWith(opts.rewrite.baked)) url = opts.rewrite.target + url.slice(opts.rewrite.baked.length)
      const headers: Record<string, string> = { ...(options.header ?? {}) }
      let body: string | undefined
      const data = options.data
      if (data !== undefined && data !== null) {
        if (method === 'GET' && typeof data === 'object') {
          const u = new URL(url)
          for (const [k, v] of Object.entries(data as Record<string, unknown>)) u.searchParams.set(k, String(v))
          url = u.toString()
        } else if (typeof data === 'string') {
          body = data
        } else {
          body = JSON.stringify(data)
        }
      }
      if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
      const record: WxStub['requests'][number] = { method, url: options.url, sentTo: url }
      requests.push(record)
      // Like WeChat's request-domain allow-list: only the test server is reachable.
      if (!url.startsWith(`${opts.rewrite.target}/`)) {
        record.error = 'url not in domain list'
        settle(options, false, { errMsg: `request:fail url not in domain list: ${options.url}` })
        return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} }
      }
      inFlight++
      let done = false
      const finish = (ok: boolean, res: Record<string, unknown>) => {
        if (done) return
        done = true
        inFlight--
        settle(options, ok, res)
      }
      const req = httpRequest(url, { method, headers, timeout: options.timeout ?? 60_000 }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          if (options.dataType !== 'text') {
            try {
              parsed = JSON.parse(text)
            } catch {
              // WeChat hands back the string when the body is not JSON.
            }
          }
          record.status = res.statusCode
          finish(true, { data: parsed, statusCode: res.statusCode, header: res.headers, cookies: [], errMsg: 'request:ok' })
        })
        res.on('error', (e) => finish(false, { errMsg: `request:fail ${e.message}` }))
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', (e) => {
        record.error = e.message
        finish(false, { errMsg: `request:fail ${e.message}` })
      })
      if (body !== undefined) req.write(body)
      req.end()
      return {
        abort() {
          req.destroy(new Error('abort'))
          finish(false, { errMsg: 'request:fail abort' })
        },
        onHeadersReceived() {},
        offHeadersReceived() {},
        onChunkReceived() {},
        offChunkReceived() {},
      }
    },
    /**
     * The album or camera: hands out the next queued pick. Taro passes this
     * API through unwrapped, so, like WeChat, it answers a promise when
     * called without callbacks.
     */
    chooseMedia(options: Callbacks & Record<string, unknown> = {}) {
      calls.push({ api: 'chooseMedia', args: plain(options) })
      const paths = mediaPicks.shift()
      const ok = Boolean(paths)
      const res = paths
        ? { tempFiles: paths.map((path) => ({ tempFilePath: path, size: tempFiles.get(path)?.length ?? 0, fileType: 'image' })), type: 'image', errMsg: 'chooseMedia:ok' }
        : { errMsg: 'chooseMedia:fail cancel' }
      if (options.success || options.fail || options.complete) return settle(options, ok, res)
      return new Promise((resolve, reject) => settle({ success: resolve, fail: reject }, ok, res))
    },
    /** The pay sheet: the params as the bundle passed them are in `calls`; `opts.requestPayment` decides. */
    requestPayment(options: Callbacks & Record<string, unknown> = {}) {
      const params = plain(options) as Record<string, unknown>
      calls.push({ api: 'requestPayment', args: params })
      inFlight++
      const answer = opts.requestPayment ? opts.requestPayment(params) : Promise.resolve({ errMsg: 'requestPayment:fail cancel' })
      // Like WeChat: callbacks when given, otherwise a promise (base library ≥ 2.10.2).
      const callbacks = options.success || options.fail || options.complete
      return new Promise((resolve, reject) => {
        void answer
          .catch((error: unknown) => ({ errMsg: `requestPayment:fail ${(error as Error).message}` }))
          .then(({ errMsg }) => {
            inFlight--
            settle(callbacks ? options : { success: resolve, fail: reject }, errMsg === 'requestPayment:ok', { errMsg })
          })
      })
    },
    /** Sizes of temp files; reading bytes fails (the bundle then goes by the file name's extension). */
    getFileSystemManager: () => ({
      readFile(options: Callbacks = {}) {
        settle(options, false, { errMsg: 'readFile:fail not supported in the Node harness' })
      },
      getFileInfo(options: Callbacks & { filePath?: string } = {}) {
        const file = tempFiles.get(String(options.filePath))
        settle(options, Boolean(file), file ? { size: file.length, errMsg: 'getFileInfo:ok' } : { errMsg: 'getFileInfo:fail no such file' })
      },
    }),
    /**
     * A real multipart/form-data POST of the temp file (field `name`) to the
     * test server, as WeChat sends it; the answer's body comes back as a string.
     */
    uploadFile(options: Callbacks & { url: string; filePath: string; name: string; header?: Record<string, string>; formData?: Record<string, string>; timeout?: number }) {
      calls.push({ api: 'uploadFile', args: plain(options) })
      let url = options.url
      if (url.startsWith(opts.rewrite.baked)) url = opts.rewrite.target + url.slice(opts.rewrite.baked.length)
      const file = tempFiles.get(options.filePath)
      const record: WxStub['uploads'][number] = { url: options.url, sentTo: url, name: options.name, bytes: file?.length ?? 0 }
      uploads.push(record)
      const listeners: Array<(res: unknown) => void> = []
      const task = {
        onProgressUpdate: (cb: (res: unknown) => void) => void listeners.push(cb),
        offProgressUpdate() {},
        onHeadersReceived() {},
        offHeadersReceived() {},
        abort() {},
      }
      if (!url.startsWith(`${opts.rewrite.target}/`) || !file) {
        record.error = file ? 'url not in domain list' : 'no such temp file'
        settle(options, false, { errMsg: `uploadFile:fail ${record.error}` })
        return task
      }
      const boundary = `----WxStubBoundary${Date.now().toString(16)}`
      const fileName = options.filePath.split('/').pop() ?? 'file'
      const type = /\.png$/i.test(fileName) ? 'image/png' : /\.pdf$/i.test(fileName) ? 'application/pdf' : 'image/jpeg'
      const fields = Object.entries(options.formData ?? {}).map(
        ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      const body = Buffer.concat([
        Buffer.from(`${fields.join('')}--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      const headers = { ...(options.header ?? {}), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) }
      inFlight++
      let done = false
      const finish = (ok: boolean, res: Record<string, unknown>) => {
        if (done) return
        done = true
        inFlight--
        settle(options, ok, res)
      }
      const req = httpRequest(url, { method: 'POST', headers, timeout: options.timeout ?? 60_000 }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          record.status = res.statusCode
          finish(true, { data: Buffer.concat(chunks).toString('utf8'), statusCode: res.statusCode, errMsg: 'uploadFile:ok' })
        })
        res.on('error', (e) => finish(false, { errMsg: `uploadFile:fail ${e.message}` }))
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', (e) => {
        record.error = e.message
        finish(false, { errMsg: `uploadFile:fail ${e.message}` })
      })
      req.end(body, () => {
        const sent = { progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length }
        setTimeout(() => listeners.forEach((cb) => cb(toRealm(sent))), 0)
      })
      return task
    },
    login(options: Callbacks = {}) {
      calls.push({ api: 'login', args: {} })
      settle(options, true, { code: opts.loginCode(), errMsg: 'login:ok' })
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => toRealm({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getSystemInfoSync: () => toRealm(systemInfo),
    getWindowInfo: () => toRealm(systemInfo),
    getAppBaseInfo: () => toRealm(systemInfo),
    getDeviceInfo: () => toRealm(systemInfo),
    getSystemSetting: () => toRealm({ deviceOrientation: 'portrait' }),
    getAccountInfoSync: () => toRealm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => toRealm({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
    getLaunchOptionsSync: () => toRealm({ path: 'pages/home/index', scene: 1001, query: {} }),
    getEnterOptionsSync: () => toRealm({ path: 'pages/home/index', scene: 1001, query: {} }),
    canIUse: () => true,
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    onAppShow() {},
    offAppShow() {},
    onAppHide() {},
    offAppHide() {},
    onError() {},
    onUnhandledRejection() {},
    onNetworkStatusChange() {},
    onWindowResize() {},
    offWindowResize() {},
    reportAnalytics() {},
    createSelectorQuery() {
      // One result per select()/selectAll(), in order: a zero-size rect, or an empty list (nothing is laid out here).
      const results: unknown[] = []
      const rect = { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0 }
      const fields = (value: () => unknown) => {
        const nodes = { boundingClientRect: () => (results.push(value()), query), scrollOffset: () => (results.push(value()), query), fields: () => (results.push(value()), query), node: () => (results.push(value()), query), context: () => (results.push(value()), query) }
        return nodes
      }
      const query = {
        in: () => query,
        select: () => fields(() => ({ ...rect })),
        selectAll: () => fields(() => []),
        selectViewport: () => fields(() => ({ ...rect, width: 390, height: 844 })),
        exec: (cb?: (res: unknown) => void) => void setTimeout(() => cb?.(toRealm(results)), 0),
      }
      return query
    },
    createIntersectionObserver: () => ({ relativeTo: () => ({ observe() {} }), relativeToViewport: () => ({ observe() {} }), disconnect() {} }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }
  for (const api of QUIET_ASYNC) wx[api] = succeed(api)
  for (const api of NAVIGATION) wx[api] = succeed(api)

  // Unknown names: recorded, and absent as on a base library without them.
  const proxy = new Proxy(wx, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || key in target || key === 'then' || key === 'webpackJsonp') return Reflect.get(target, key, receiver)
      unknown.add(key)
      return undefined
    },
  })
  return { wx: proxy, storage, calls, requests, unknown, inFlight: () => inFlight, tempFiles, mediaPicks, uploads }
}

/** Call arguments as data (callbacks dropped), for the call log. */
function plain(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null))
  } catch {
    return String(value)
  }
}
