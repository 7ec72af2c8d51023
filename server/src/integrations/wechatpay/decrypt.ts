/**
 * AEAD_AES_256_GCM decryption of a notification's (or certificate download's)
 * `resource`, WeChat Pay APIv3 "证书和回调报文解密": key = the 32-byte APIv3
 * key, iv = `nonce` (12 bytes), AAD = `associated_data`, ciphertext = base64
 * whose last 16 bytes are the authentication tag. final() checks the tag and
 * throws on any tampering — the step wechatpay-node-v3 2.2.1 skips.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto'
import { WechatPayVerificationError } from './errors'

export const GCM_TAG_BYTES = 16

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new WechatPayVerificationError('bad_ciphertext', 'algorithm')
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length !== 32) throw new WechatPayVerificationError('bad_ciphertext', 'key length')
  const data = Buffer.from(resource.ciphertext ?? '', 'base64')
  if (data.length <= GCM_TAG_BYTES || typeof resource.nonce !== 'string' || resource.nonce.length === 0) {
    throw new WechatPayVerificationError('bad_ciphertext', 'too short')
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: GCM_TAG_BYTES })
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()])
    return plain.toString('utf8')
  } catch (err) {
    throw new WechatPayVerificationError('bad_ciphertext', '', { cause: err })
  }
}

/** The inverse, for the simulator and tests: base64(ciphertext ‖ tag). */
export function encryptResource(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'), { authTagLength: GCM_TAG_BYTES })
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64')
}
