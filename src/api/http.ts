/**
 * The one HTTP client. axios gives us params, JSON and a familiar shape; its
 * transport is `Taro.request`, which exists on weapp (where axios has no
 * adapter) and on H5 (fetch underneath), so both builds behave the same.
 */
import axios, { AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import Taro from '@tarojs/taro'
import { API_BASE } from '../env'
import { networkStatus } from '../platform/network'
import { ApiError, NETWORK_MESSAGE, NETWORK_STATUS, OFFLINE_WRITE_MESSAGE, TIMEOUT_MESSAGE } from './ApiError'

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Send no Authorization header (sign-in calls: a stale token must not turn them into a 401). */
    skipAuth?: boolean
  }
}

/** WeChat stops a request at 60 s; we give up earlier so the user hears back. */
export const REQUEST_TIMEOUT_MS = 15_000

export interface HttpSessionHooks {
  getToken(): string | null
  /** Called when a request that carried a token got 401: the session is gone. */
  onUnauthorized(): void
}

let sessionHooks: HttpSessionHooks = { getToken: () => null, onUnauthorized: () => undefined }

/** Wires the client to the session (RootStore does this once at start-up). */
export function configureHttp(hooks: HttpSessionHooks): void {
  sessionHooks = hooks
}

type TaroMethod = NonNullable<Taro.request.Option['method']>

export const taroRequestAdapter: AxiosAdapter = (config: InternalAxiosRequestConfig) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    const headers = AxiosHeaders.from(config.headers).toJSON(true) as Record<string, string>
    const carriedToken = Boolean(headers.Authorization)
    const method = (config.method ?? 'get').toUpperCase() as TaroMethod
    // Offline, a write is not attempted, so the user can be told it was not sent.
    // Reads still go: the H5 service worker may answer them from its cache.
    if (method !== 'GET' && method !== 'HEAD' && !networkStatus.isOnline()) {
      reject(new ApiError(NETWORK_STATUS, OFFLINE_WRITE_MESSAGE, 'offline'))
      return
    }
    Taro.request({
      url: axios.getUri(config),
      method,
      data: config.data,
      header: headers,
      timeout: config.timeout || REQUEST_TIMEOUT_MS,
      success(res) {
        const response: AxiosResponse = {
          data: res.data,
          status: res.statusCode,
          statusText: '',
          headers: res.header ?? {},
          config,
          request: null,
        }
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve(response)
          return
        }
        if (res.statusCode === 401 && carriedToken) sessionHooks.onUnauthorized()
        reject(ApiError.fromBody(res.statusCode, parseBody(res.data)))
      },
      fail(err) {
        const text = String((err as unknown as { errMsg?: string; message?: string })?.errMsg ?? '')
        const timedOut = /timeout|abort/i.test(text)
        reject(new ApiError(NETWORK_STATUS, timedOut ? TIMEOUT_MESSAGE : NETWORK_MESSAGE, timedOut ? 'timeout' : 'network'))
      },
    }).catch(() => {
      // Taro also rejects the returned promise on failure; `fail` above has
      // already answered, and an unhandled rejection would reach App.onUnhandledRejection.
    })
  })

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

export const http = axios.create({
  baseURL: API_BASE,
  adapter: taroRequestAdapter,
  timeout: REQUEST_TIMEOUT_MS,
})

http.interceptors.request.use((config) => {
  const token = config.skipAuth ? null : sessionHooks.getToken()
  if (token) config.headers.set('Authorization', `Bearer ${token}`)
  return config
})

/** Unwraps the body: API modules return contract types, not axios responses. */
export async function body<T>(request: Promise<AxiosResponse<T>>): Promise<T> {
  return (await request).data
}
