/**
 * Turning an upload's answer into a result or an ApiError, the same way
 * api/http.ts does for ordinary requests (shared by transfer.weapp.ts and
 * transfer.h5.ts). The queue retries what `isRetryable` says.
 */
import { ApiError, NETWORK_MESSAGE, NETWORK_STATUS, TIMEOUT_MESSAGE } from '../../../api/ApiError'

/** An upload of a 1 MB photo on a slow mobile link (~30 KB/s) takes ~35 s; WeChat stops at 60 s. */
export const TRANSFER_TIMEOUT_MS = 60_000

export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data === '') return null
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

/** The parsed body of a 2xx answer; otherwise throws the server's Chinese message as an ApiError. */
export function transferOutcome(status: number, data: unknown): unknown {
  const body = parseBody(data)
  if (status >= 200 && status < 300) return body
  throw ApiError.fromBody(status, body)
}

/** The error for a transfer that got no answer (offline, reset, timeout). */
export function transferFailure(detail: string): ApiError {
  const timedOut = /timeout|timed out|超时/i.test(detail)
  return new ApiError(NETWORK_STATUS, timedOut ? TIMEOUT_MESSAGE : NETWORK_MESSAGE, timedOut ? 'timeout' : 'network')
}

/**
 * Worth trying again: no answer at all, a timeout or a server fault. A 4xx
 * is the server refusing this file (too large, wrong type, not yours) or an
 * abuse limit (429, which says in how many minutes to try again, and counts
 * every refused try): sending it again within seconds cannot help. Errors without a status (not from a
 * transfer) are retried too; the queue bounds the attempts.
 */
export function isRetryable(error: unknown): boolean {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : null
  if (status === null) return true
  return status === NETWORK_STATUS || status === 408 || status >= 500
}
