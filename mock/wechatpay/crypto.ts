/**
 * The simulator's side of WeChat Pay APIv3 cryptography, written apart from
 * the server's client on purpose (as mock/sms does): two implementations that
 * must agree catch a bug a shared one would hide.
 */
import { createCipheriv, createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto'

const SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

export interface MerchantAuth {
  mchid: string
  nonce: string
  signature: string
  timestamp: string
  serial: string
}

/** Reads `WECHATPAY2-SHA256-RSA2048 k="v",…` in any field order; null when anything is missing. */
export function readAuthorization(value: string | undefined): MerchantAuth | null {
  if (!value) return null
  const space = value.indexOf(' ')
  if (space < 0 || value.slice(0, space) !== SCHEMA) return null
  const fields = new Map<string, string>()
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=')
    if (eq < 0) return null
    const v = part.slice(eq + 1).trim()
    if (!v.startsWith('"') || !v.endsWith('"')) return null
    fields.set(part.slice(0, eq).trim(), v.slice(1, -1))
  }
  const get = (k: string) => fields.get(k) ?? ''
  const auth = { mchid: get('mchid'), nonce: get('nonce_str'), signature: get('signature'), timestamp: get('timestamp'), serial: get('serial_no') }
  return Object.values(auth).every(Boolean) ? auth : null
}

/** Checks a merchant's request signature over METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n as received. */
export function merchantSignatureValid(auth: MerchantAuth, method: string, url: string, body: string, merchantPublicKey: KeyObject): boolean {
  const text = [method, url, auth.timestamp, auth.nonce, body].join('\n') + '\n'
  try {
    return createVerify('sha256WithRSAEncryption').update(Buffer.from(text, 'utf8')).verify(merchantPublicKey, Buffer.from(auth.signature, 'base64'))
  } catch {
    return false
  }
}

/** What WeChat Pay puts on its answers and notifications. */
export function platformHeaders(body: string, key: { id: string; privateKey: KeyObject }, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000))
  const nonce = randomBytes(16).toString('hex').toUpperCase()
  const signature = createSign('sha256WithRSAEncryption').update(`${timestamp}\n${nonce}\n${body}\n`, 'utf8').sign(key.privateKey).toString('base64')
  return { 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': key.id }
}

/** AEAD_AES_256_GCM as WeChat Pay encrypts a notification resource. */
export function encryptForMerchant(plain: object, apiV3Key: string, associatedData: string, originalType: string) {
  const nonce = randomBytes(9).toString('base64url').slice(0, 12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from(nonce))
  cipher.setAAD(Buffer.from(associatedData))
  const sealed = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.toString('base64'), associated_data: associatedData, nonce }
}

/** What the WeChat client checks before wx.requestPayment shows the cashier: paySign with the merchant's public key. */
export function paySignValid(p: { appId: string; timeStamp: string; nonceStr: string; package: string; paySign: string }, merchantPublicKey: KeyObject): boolean {
  try {
    return createVerify('sha256WithRSAEncryption')
      .update(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, 'utf8')
      .verify(merchantPublicKey, Buffer.from(p.paySign, 'base64'))
  } catch {
    return false
  }
}
