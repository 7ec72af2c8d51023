/**
 * Response and notification verification, WeChat Pay APIv3 "签名验证":
 * RSA-SHA256 over `TIMESTAMP\nNONCE\nBODY\n` (BODY = the raw bytes as received)
 * from the Wechatpay-Timestamp / -Nonce / -Signature headers, with the key that
 * Wechatpay-Serial names: a platform certificate's serial or, for merchants on
 * 微信支付公钥, a `PUB_KEY_ID_…` id. Both kinds live side by side in one map, so
 * a switch-over (WeChat Pay sends either during it) needs no code change.
 */
import { createPublicKey, createVerify, X509Certificate, type KeyObject } from 'node:crypto'
import { WechatPayVerificationError } from './errors'

/** Wechatpay-Serial → the public key that verifies it. */
export type PlatformKeys = ReadonlyMap<string, KeyObject>

/** WeChat Pay's documented window: reject a timestamp more than 5 minutes from our clock. */
export const MAX_SKEW_SECONDS = 300

export function responseMessage(timestamp: string, nonce: string, body: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), Buffer.from('\n')])
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
  return Array.isArray(direct) ? direct[0] : direct
}

/** Throws WechatPayVerificationError unless the headers sign exactly these body bytes with a known key, within 300 s of `nowMs`. */
export function verifySignedMessage(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  keys: PlatformKeys,
  nowMs: number,
): void {
  const timestamp = header(headers, 'Wechatpay-Timestamp')
  const nonce = header(headers, 'Wechatpay-Nonce')
  const signature = header(headers, 'Wechatpay-Signature')
  const serial = header(headers, 'Wechatpay-Serial')
  if (!timestamp || !nonce || !signature || !serial) throw new WechatPayVerificationError('missing_headers')
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) {
    throw new WechatPayVerificationError('stale_timestamp')
  }
  const key = keys.get(serial) ?? keys.get(serial.toUpperCase())
  if (!key) throw new WechatPayVerificationError('unknown_serial', serial.slice(0, 64))
  // Signature probes (Wechatpay-Signature starting "WECHATPAY/SIGNTEST/") are meant to fail here.
  let ok = false
  try {
    ok = createVerify('RSA-SHA256').update(responseMessage(timestamp, nonce, rawBody)).verify(key, signature, 'base64')
  } catch {
    ok = false
  }
  if (!ok) throw new WechatPayVerificationError('bad_signature')
}

/** A platform certificate (PEM) → [its serial in upper-case hex, as Wechatpay-Serial carries it, its public key]. */
export function certificateKey(pem: string | Buffer): [string, KeyObject] {
  const cert = new X509Certificate(pem)
  return [cert.serialNumber.toUpperCase(), cert.publicKey]
}

/** A WeChat Pay public key (PEM, "-----BEGIN PUBLIC KEY-----") under its PUB_KEY_ID_… id. */
export function publicKeyEntry(id: string, pem: string | Buffer): [string, KeyObject] {
  if (!/^PUB_KEY_ID_[0-9A-Za-z]+$/.test(id)) throw new Error('a WeChat Pay public key id looks like PUB_KEY_ID_0114…')
  return [id, createPublicKey(pem)]
}
