/**
 * Request signing, WeChat Pay APIv3 "签名生成": the merchant signs
 * `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` (URL = absolute path with its query,
 * BODY empty for GET) with SHA256-RSA (PKCS#1 v1.5) and sends it as
 * `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`.
 */
import { createSign, randomBytes, type KeyObject } from 'node:crypto'

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

/** 32 characters of [A-Za-z0-9], as WeChat Pay's examples use. */
export function newNonce(): string {
  return randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(32, '0').slice(0, 32)
}

export const unixSeconds = (ms: number): number => Math.floor(ms / 1000)

/** The exact string a merchant request signature covers. */
export function requestMessage(method: string, pathWithQuery: string, timestamp: number | string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`
}

/** base64 RSA-SHA256 (PKCS#1 v1.5: deterministic) of a UTF-8 message. */
export function rsaSign(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64')
}

export interface SignRequestInput {
  method: string
  pathWithQuery: string
  body: string
  mchId: string
  serialNo: string
  privateKey: KeyObject
  timestamp: number
  nonce: string
}

export function authorizationHeader(input: SignRequestInput): string {
  const signature = rsaSign(requestMessage(input.method, input.pathWithQuery, input.timestamp, input.nonce, input.body), input.privateKey)
  return `${AUTH_SCHEMA} mchid="${input.mchId}",nonce_str="${input.nonce}",signature="${signature}",timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
}

/** Parses an Authorization header back into its fields (the simulator and tests use it), or null. */
export function parseAuthorization(header: string | undefined): Record<'mchid' | 'nonce_str' | 'signature' | 'timestamp' | 'serial_no', string> | null {
  if (!header || !header.startsWith(`${AUTH_SCHEMA} `)) return null
  const fields: Record<string, string> = {}
  for (const match of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]] = match[2]
  for (const name of ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no']) if (!fields[name]) return null
  return fields as Record<'mchid' | 'nonce_str' | 'signature' | 'timestamp' | 'serial_no', string>
}
