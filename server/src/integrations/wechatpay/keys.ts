/**
 * Key material from configuration: a PEM given inline (env values may carry
 * literal "\n") or as a file path. Read once at boot; never logged.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { certificateKey, publicKeyEntry, type PlatformKeys } from './verify'

/** Inline PEM (starts with -----BEGIN) or a path to a PEM file. */
export function readPem(value: string, what: string): string {
  const inline = value.trim()
  if (inline.startsWith('-----BEGIN')) return inline.replace(/\\n/g, '\n')
  try {
    return readFileSync(inline, 'utf8')
  } catch {
    // The path is configuration, not a secret; the content never appears.
    throw new Error(`${what}: cannot read the PEM file ${inline}`)
  }
}

export function loadPrivateKey(value: string, what = 'WECHATPAY_PRIVATE_KEY'): KeyObject {
  try {
    return createPrivateKey(readPem(value, what))
  } catch (err) {
    if (err instanceof Error && err.message.startsWith(what)) throw err
    throw new Error(`${what}: not a PEM private key (apiclient_key.pem)`)
  }
}

/** Every "-----BEGIN CERTIFICATE-----" block of a text holding one or several certificates. */
function certificateBlocks(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
}

export interface PlatformKeySettings {
  /** PUB_KEY_ID_… and the WeChat Pay public key (inline PEM or path), for merchants on 微信支付公钥. */
  publicKeyId?: string
  publicKey?: string
  /** Platform certificates: comma-separated paths and/or inline PEM certificates; serials are read from them. */
  platformCerts?: string
}

/** Both kinds side by side, keyed as Wechatpay-Serial names them. */
export function loadPlatformKeys(settings: PlatformKeySettings): PlatformKeys {
  const keys = new Map<string, KeyObject>()
  if (settings.publicKeyId && settings.publicKey) {
    const [id, key] = publicKeyEntry(settings.publicKeyId, readPem(settings.publicKey, 'WECHATPAY_PUBLIC_KEY'))
    keys.set(id, key)
  }
  const certs = settings.platformCerts?.trim()
  if (certs) {
    const texts = certs.startsWith('-----BEGIN')
      ? [certs.replace(/\\n/g, '\n')]
      : certs.split(',').map((p) => p.trim()).filter(Boolean).map((p) => readPem(p, 'WECHATPAY_PLATFORM_CERTS'))
    for (const text of texts) {
      const blocks = certificateBlocks(text)
      if (blocks.length === 0) throw new Error('WECHATPAY_PLATFORM_CERTS: no PEM certificate found')
      for (const block of blocks) {
        const [serial, key] = certificateKey(block)
        keys.set(serial, key)
      }
    }
  }
  return keys
}
