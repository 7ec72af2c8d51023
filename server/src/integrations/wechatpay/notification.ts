/**
 * A notification body (回调通知) after its signature was verified:
 * `{id, create_time, event_type, resource_type, summary, resource: {algorithm,
 * ciphertext, associated_data, nonce, original_type}}` → the decrypted resource.
 */
import { decryptResource, type EncryptedResource } from './decrypt'
import { WechatPayVerificationError } from './errors'
import type { WechatPayNotification } from './client'

export function parseNotification(rawBody: Buffer, apiV3Key: string): WechatPayNotification {
  let body: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'))
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    body = parsed as Record<string, unknown>
  } catch (err) {
    throw new WechatPayVerificationError('malformed', 'body', { cause: err })
  }
  const resource = body.resource as EncryptedResource | undefined
  if (typeof body.id !== 'string' || typeof body.event_type !== 'string' || !resource || typeof resource !== 'object') {
    throw new WechatPayVerificationError('malformed', 'fields')
  }
  const plain = decryptResource(resource, apiV3Key)
  let decrypted: unknown
  try {
    decrypted = JSON.parse(plain)
  } catch (err) {
    throw new WechatPayVerificationError('malformed', 'resource', { cause: err })
  }
  if (!decrypted || typeof decrypted !== 'object' || Array.isArray(decrypted)) throw new WechatPayVerificationError('malformed', 'resource')
  return {
    id: body.id,
    createTime: typeof body.create_time === 'string' ? body.create_time : '',
    eventType: body.event_type,
    resourceType: typeof body.resource_type === 'string' ? body.resource_type : '',
    summary: typeof body.summary === 'string' ? body.summary : '',
    resource: decrypted as Record<string, unknown>,
  }
}
