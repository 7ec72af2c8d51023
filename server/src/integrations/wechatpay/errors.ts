/**
 * Typed failures of the WeChat Pay v3 client. Messages carry codes, HTTP
 * statuses and paths only: never a key, a signature, an openid or an amount
 * a log should not hold.
 */

/** Base class: `instanceof WechatPayError` catches every failure of this client. */
export class WechatPayError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WechatPayError'
  }
}

/**
 * WeChat Pay answered 4xx/5xx with its `{code, message}` body, e.g.
 * 404 ORDER_NOT_EXIST / RESOURCE_NOT_EXISTS, 400 PARAM_ERROR, 403 ORDERPAID / NOT_ENOUGH,
 * 401 SIGN_ERROR, 429 FREQUENCY_LIMITED, 500 SYSTEM_ERROR.
 * `retryable` is true for 5xx and 429 (the same call, same out_trade_no / out_refund_no, is safe to repeat).
 */
export class WechatPayApiError extends WechatPayError {
  readonly retryable: boolean
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly detail: string,
    public readonly endpoint: string,
  ) {
    super(`WeChat Pay ${endpoint} failed: HTTP ${status} ${code} ${detail}`)
    this.name = 'WechatPayApiError'
    this.retryable = status >= 500 || status === 429 || code === 'SYSTEM_ERROR' || code === 'FREQUENCY_LIMITED'
  }
}

/** No answer (connection refused/reset, DNS, timeout): the call may or may not have reached WeChat Pay. Retry or query. */
export class WechatPayNetworkError extends WechatPayError {
  readonly retryable = true
  constructor(
    public readonly reason: 'timeout' | 'network',
    public readonly endpoint: string,
    options?: { cause?: unknown },
  ) {
    super(`WeChat Pay ${endpoint} unreachable: ${reason}`, options)
    this.name = 'WechatPayNetworkError'
  }
}

export type VerificationFailure =
  /** A Wechatpay-* header is missing or malformed. */
  | 'missing_headers'
  /** Wechatpay-Timestamp more than 300 s away from our clock (or not a number). */
  | 'stale_timestamp'
  /** Wechatpay-Serial names neither a configured platform certificate nor a configured public key id. */
  | 'unknown_serial'
  /** RSA-SHA256 over `TIMESTAMP\nNONCE\nBODY\n` does not verify with that key. */
  | 'bad_signature'
  /** AES-256-GCM decryption failed (tampered ciphertext or tag, wrong associated_data, wrong APIv3 key). */
  | 'bad_ciphertext'
  /** The body (or decrypted resource) is not the JSON WeChat Pay sends. */
  | 'malformed'

/**
 * A response or notification that must not be trusted. For a notification
 * answer 4xx (WeChat Pay will retry) and change nothing.
 */
export class WechatPayVerificationError extends WechatPayError {
  constructor(
    public readonly reason: VerificationFailure,
    detail = '',
    options?: { cause?: unknown },
  ) {
    super(`WeChat Pay message rejected: ${reason}${detail ? ` (${detail})` : ''}`, options)
    this.name = 'WechatPayVerificationError'
  }
}
