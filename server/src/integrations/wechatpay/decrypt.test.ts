/**
 * AES-256-GCM resource decryption. The known-answer ciphertext was produced
 * once with Python's `cryptography` (AESGCM) from the documented parameters:
 * key = APIv3 key, nonce = resource.nonce, AAD = associated_data, output =
 * ciphertext ‖ 16-byte tag, base64.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decryptResource, encryptResource, type EncryptedResource } from './decrypt'
import { parseNotification } from './notification'
import { toTransaction } from './resources'
import { WechatPayVerificationError } from './errors'
import { TEST_API_V3_KEY } from './testKeys'

const PLAIN =
  '{"mchid":"1900000109","appid":"wxtest0000000001","out_trade_no":"FEE202611220001","transaction_id":"4200000000202611220000000001","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"OTHERS","attach":"","success_time":"2026-11-22T17:30:00+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":8000,"payer_total":8000,"currency":"CNY","payer_currency":"CNY"}}'
const CIPHERTEXT =
  'nD4EKhVPEEaI2FOGr3qU0PRiXJ2cIC9aobLiQD2t0jzOh/BNKg9ziD4AGeGKskJlmKXqdVEwvjcO9pEv1wJPNGDKgG4vdmrLdyXtaOy5uSKWbtDxBh+cZNMFHNPXtpKC7L4+iVBt5Fl6zGh/xTXfm/CepWuAdsXcRYcWTKlCENFkFBOzly4NClpZZHnhyiADCERiUHfFIVeXtbl3zON0IQANzlkiwyskZkKFNn9b/cnniz1BmlcB6wlUd/doaBtleAKx354qLpZsdGPdULKWQE5Jn/4zXW91pMaOG+YY34V51KaF/qXUSQmmqZhb6WxKvQQ7NYnpRdaqJ5baWmA9jM9PgGPENp9G6F8gIPpTWWDnt1gCTWwbb44ZH8Z7Xkp+V3+BlcoCzc2gDcnB3O/B/JCNr+E9p8ynz4VTcApzjnJxu8ZOvyMc4QW8BLy+gZskwhycvJ6HVpxkMrXz514ldAzRXTvc9eXojQvmbR1CeOPIpQTm6qT3P/4VWF1URA3FL3IF2Fd82N+P1oO44LygWsl1kNTAgBiJOelnCKiOujSYfl9HP1fGpq9ishLGkAOLFn0='
const resource = (over: Partial<EncryptedResource> = {}): EncryptedResource => ({
  algorithm: 'AEAD_AES_256_GCM',
  ciphertext: CIPHERTEXT,
  associated_data: 'transaction',
  nonce: 'fdasflkja484',
  original_type: 'transaction',
  ...over,
})
const flip = (b64: string, index: number) => {
  const bytes = Buffer.from(b64, 'base64')
  bytes[index < 0 ? bytes.length + index : index] ^= 0x01
  return bytes.toString('base64')
}
const bad = (e: unknown) => e instanceof WechatPayVerificationError && e.reason === 'bad_ciphertext'

test('the known-answer ciphertext decrypts to the documented transaction, and encryption reproduces it', () => {
  assert.equal(decryptResource(resource(), TEST_API_V3_KEY), PLAIN)
  assert.equal(encryptResource(PLAIN, TEST_API_V3_KEY, 'fdasflkja484', 'transaction'), CIPHERTEXT)
  const tx = toTransaction(JSON.parse(PLAIN))
  assert.equal(tx.totalFen, 8000)
  assert.equal(tx.tradeState, 'SUCCESS')
  assert.equal(tx.payerOpenid, 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')
})

test('a flipped ciphertext byte is refused (the tag is checked by final())', () => {
  assert.throws(() => decryptResource(resource({ ciphertext: flip(CIPHERTEXT, 0) }), TEST_API_V3_KEY), bad)
  assert.throws(() => decryptResource(resource({ ciphertext: flip(CIPHERTEXT, 100) }), TEST_API_V3_KEY), bad)
})

test('a tampered or truncated tag is refused', () => {
  assert.throws(() => decryptResource(resource({ ciphertext: flip(CIPHERTEXT, -1) }), TEST_API_V3_KEY), bad)
  const cut = Buffer.from(CIPHERTEXT, 'base64').subarray(0, -1).toString('base64')
  assert.throws(() => decryptResource(resource({ ciphertext: cut }), TEST_API_V3_KEY), bad)
  assert.throws(() => decryptResource(resource({ ciphertext: Buffer.alloc(16).toString('base64') }), TEST_API_V3_KEY), bad)
})

test('wrong associated_data, nonce, key or algorithm is refused', () => {
  assert.throws(() => decryptResource(resource({ associated_data: 'refund' }), TEST_API_V3_KEY), bad)
  assert.throws(() => decryptResource(resource({ associated_data: undefined }), TEST_API_V3_KEY), bad)
  assert.throws(() => decryptResource(resource({ nonce: 'fdasflkja485' }), TEST_API_V3_KEY), bad)
  assert.throws(() => decryptResource(resource(), 'TestOnlyApiV3Key0123456789abcdeF'), bad)
  assert.throws(() => decryptResource(resource(), 'short'), bad)
  assert.throws(() => decryptResource(resource({ algorithm: 'AEAD_AES_128_GCM' }), TEST_API_V3_KEY), bad)
})

test('a notification body yields id, event type and the decrypted resource; a tampered one throws', () => {
  const body = {
    id: 'EV-2018022511223320873',
    create_time: '2026-11-22T17:30:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: resource(),
  }
  const n = parseNotification(Buffer.from(JSON.stringify(body)), TEST_API_V3_KEY)
  assert.equal(n.id, body.id)
  assert.equal(n.eventType, 'TRANSACTION.SUCCESS')
  assert.equal(n.resourceType, 'encrypt-resource')
  assert.deepEqual(n.resource, JSON.parse(PLAIN))
  const tampered = { ...body, resource: resource({ ciphertext: flip(CIPHERTEXT, 7) }) }
  assert.throws(() => parseNotification(Buffer.from(JSON.stringify(tampered)), TEST_API_V3_KEY), bad)
  assert.throws(
    () => parseNotification(Buffer.from('not json'), TEST_API_V3_KEY),
    (e: unknown) => e instanceof WechatPayVerificationError && e.reason === 'malformed',
  )
})
