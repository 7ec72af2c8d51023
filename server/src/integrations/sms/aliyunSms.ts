/**
 * Aliyun SMS (Dysmsapi 2017-05-25) SendSms over the RPC-style API with
 * signature version 1.0 (HMAC-SHA1), written on node:crypto rather than the
 * vendor SDK. Points at dysmsapi.aliyuncs.com or at mock/sms.
 */
import { createHmac, randomUUID } from 'node:crypto'
import { SmsSendError, type SmsMessage, type SmsSender } from './smsSender'

export interface AliyunSmsOptions {
  /** e.g. https://dysmsapi.aliyuncs.com */
  endpoint: string
  accessKeyId: string
  accessKeySecret: string
  /** The approved signature shown as 【…】 before the text. */
  signName: string
  timeoutMs?: number
  /** Clock and nonce source, replaceable so tests can produce stale or replayed requests. */
  now?: () => number
  nonce?: () => string
}

/**
 * RFC 3986 encoding as Aliyun POP requires: everything but A-Z a-z 0-9 - _ . ~
 * is escaped. encodeURIComponent leaves ! ' ( ) * alone, which Aliyun's server
 * escapes before signing, so a TemplateParam containing one of them would fail
 * with SignatureDoesNotMatch if they were not escaped here too.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Parameters sorted by key (code-unit order) and joined as k=v&…, each side percent-encoded. */
export function canonicalizeQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&')
}

/** Signature for an RPC request: base64 HMAC-SHA1 of `METHOD&%2F&encoded(canonical query)` with key `secret&`. */
export function signRpcRequest(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalizeQuery(params))}`
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64')
}

/** ISO 8601 in UTC without milliseconds, the only form the API accepts. */
export function aliyunTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class AliyunSmsClient implements SmsSender {
  private readonly endpoint: string

  constructor(private readonly opts: AliyunSmsOptions) {
    this.endpoint = opts.endpoint.replace(/\/+$/, '')
  }

  async send(msg: SmsMessage): Promise<{ bizId: string }> {
    const params: Record<string, string> = {
      Format: 'JSON',
      Version: '2017-05-25',
      AccessKeyId: this.opts.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      Timestamp: aliyunTimestamp((this.opts.now ?? Date.now)()),
      SignatureVersion: '1.0',
      SignatureNonce: (this.opts.nonce ?? randomUUID)(),
      Action: 'SendSms',
      PhoneNumbers: msg.phone,
      SignName: this.opts.signName,
      TemplateCode: msg.templateCode,
      TemplateParam: JSON.stringify(msg.params),
    }
    const signature = signRpcRequest('GET', params, this.opts.accessKeySecret)
    const url = `${this.endpoint}/?Signature=${percentEncode(signature)}&${canonicalizeQuery(params)}`

    let res: Response
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000) })
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError'
      throw new SmsSendError(timedOut ? 'Timeout' : 'NetworkError', undefined, { cause: err })
    }
    // Errors come as JSON too, with HTTP 4xx for signature problems and 200 for business refusals.
    let reply: { Code?: unknown; BizId?: unknown; RequestId?: unknown }
    try {
      reply = (await res.json()) as typeof reply
    } catch {
      throw new SmsSendError(`InvalidResponse.HTTP${res.status}`)
    }
    const requestId = typeof reply?.RequestId === 'string' ? reply.RequestId : undefined
    // The reply's Message is left out on purpose: for some codes it echoes the request, phone included.
    if (reply?.Code !== 'OK') throw new SmsSendError(typeof reply?.Code === 'string' ? reply.Code : 'InvalidResponse', requestId)
    if (typeof reply.BizId !== 'string') throw new SmsSendError('InvalidResponse', requestId)
    return { bizId: reply.BizId }
  }
}
