import type { ApiError as ApiErrorBody } from '../../types/common'

/** HTTP status 0 = the request never got an answer (offline, DNS, timeout). */
export const NETWORK_STATUS = 0

/**
 * Every failed API call rejects with this. `message` is Chinese and meant for
 * the user as is: the server's own sentence when it sent one, otherwise ours.
 */
export class ApiError extends Error {
  readonly status: number
  /** The server's `error` (HTTP reason phrase) or a client-side code such as `network`. */
  readonly code: string
  /** The request field the server blamed, when it named one (e.g. `phone`, `code`). */
  readonly field?: string

  constructor(status: number, message: string, code: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    // Keep `instanceof` working when compiled to ES5 classes.
    Object.setPrototypeOf(this, ApiError.prototype)
  }

  get isUnauthorized(): boolean {
    return this.status === 401
  }

  get isNetwork(): boolean {
    return this.status === NETWORK_STATUS
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(status, body.message, body.error, body.field)
    return new ApiError(status, fallbackMessage(status), `http_${status}`)
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).message === 'string' &&
    (body as ApiErrorBody).message.length > 0
  )
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '没有权限进行此操作'
  if (status === 404) return '请求的内容不存在'
  if (status === 429) return '操作太频繁，请稍后再试'
  if (status >= 500) return '服务暂时不可用，请稍后重试'
  return '请求未成功，请稍后重试'
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
export const TIMEOUT_MESSAGE = '网络超时，请稍后重试'
/** A write refused on the device because it is offline: nothing left it, so it is safe to retry. */
export const OFFLINE_WRITE_MESSAGE = '网络未连接，提交未发送，请联网后重试'

/** A message to show for anything thrown by an action. */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return '出了点问题，请稍后重试'
}
