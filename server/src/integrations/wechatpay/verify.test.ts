/**
 * Response / notification verification with known-answer signatures computed
 * once with the OpenSSL CLI over `TIMESTAMP\nNONCE\nBODY\n`, for a WeChat Pay
 * public key (PUB_KEY_ID_…) and for a platform certificate serial.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createPrivateKey } from 'node:crypto'
import { verifySignedMessage, responseMessage, certificateKey, publicKeyEntry, MAX_SKEW_SECONDS } from './verify'
import { loadPlatformKeys } from './keys'
import { WechatPayVerificationError, type VerificationFailure } from './errors'
import { rsaSign } from './signing'
import {
  TEST_MERCHANT_PRIVATE_KEY_PEM,
  TEST_PLATFORM_CERT_PEM,
  TEST_PLATFORM_CERT_SERIAL,
  TEST_PUB_KEY_ID,
  TEST_PUB_KEY_PEM,
} from './testKeys'

const TS = '1795000000'
const NONCE = 'fd9a8c3e5b7d4f21a0c6e8b2d4f6a8c0'
const BODY = Buffer.from('{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"}')
const SIG_PUB_KEY =
  'L5HPY0SghThSSWD28KKozYJuAeIDGqF8WdzmSKG2Jbp3Dr6+e7+qUNchH3UBjPfVVjqyE4y0i+UevF6F+5ufS8a6On0562mN5hTgUfQHlU8IxlCWD+OD3s/SY5HF5/klPdtEfBkMFXYBfbQg4B6s5q/mnyfiNHEOa7E7/Dhtei1A5/Wvy9pgDP38JthIhYMr/Nnk1IvJcnQkeeskNtjDtM71JUtlBHo1NfldHXd2NBlKZdTBlHV9KuYpJrm6iQWJ5I9KZhfroYvSFJ5QE6XoiN3069VgCbi7IdtIrs9rYlT1/efrTqaNtnMIz5axDdWZ97JKlzPOMmCziyIeuzZKUg=='
const SIG_CERT =
  'DLNvUKJPubFR76VkNn8pmbvxovWmY97Xa9/Vt20BThS4BFb1wcu3xnu7ay8G80fg3PNfhX9loM60T5C/lSZxA4nmOl5KsZ1o9uv/wx28rI4vjz3aBaHWJA9me7T5VmZPywv8m3wZc6Uwhl7wxz72wODtxleYwP5GejCpku1jVhlKTozm32rYqvBOBY5Dlafj/vItQzn6QL2JRC/aJF5VOGvDE4SUWnZWDij+uSA63KmAM21EDJuKh546vMP9CeCM+X/CAca4qBkTSijSFX+ARuaXCsFnYqP7JE8rXA3S3xeU21PK82G/TwGFEThodsXpG7TujiUO9Ecj12v0QB2+sg=='

/** Both kinds side by side, as configuration loads them. */
const keys = loadPlatformKeys({ publicKeyId: TEST_PUB_KEY_ID, publicKey: TEST_PUB_KEY_PEM, platformCerts: TEST_PLATFORM_CERT_PEM })
const at = (seconds: number) => seconds * 1000
const headers = (over: Record<string, string | undefined> = {}) => ({
  'wechatpay-timestamp': TS,
  'wechatpay-nonce': NONCE,
  'wechatpay-signature': SIG_PUB_KEY,
  'wechatpay-serial': TEST_PUB_KEY_ID,
  ...over,
})

function rejects(fn: () => void, reason: VerificationFailure) {
  assert.throws(fn, (e: unknown) => e instanceof WechatPayVerificationError && e.reason === reason)
}

test('the verified message is TIMESTAMP\\nNONCE\\nBODY\\n over the raw bytes', () => {
  assert.equal(responseMessage(TS, NONCE, BODY).toString(), `${TS}\n${NONCE}\n${BODY}\n`)
  assert.equal(responseMessage(TS, NONCE, '').toString(), `${TS}\n${NONCE}\n\n`)
})

test('configuration keys both a PUB_KEY_ID public key and a platform certificate by serial', () => {
  assert.deepEqual([...keys.keys()].sort(), [TEST_PLATFORM_CERT_SERIAL, TEST_PUB_KEY_ID].sort())
  assert.equal(certificateKey(TEST_PLATFORM_CERT_PEM)[0], TEST_PLATFORM_CERT_SERIAL)
  assert.throws(() => publicKeyEntry('5157F09EFDC096DE15EBE81A47057A7232F1B8E1', TEST_PUB_KEY_PEM), /PUB_KEY_ID/)
})

test('known-answer signatures verify under PUB_KEY_ID and under the certificate serial', () => {
  verifySignedMessage(headers(), BODY, keys, at(Number(TS)))
  verifySignedMessage(headers({ 'wechatpay-signature': SIG_CERT, 'wechatpay-serial': TEST_PLATFORM_CERT_SERIAL }), BODY, keys, at(Number(TS)))
  // Header names are case-insensitive (Fastify lower-cases them, fetch Headers too; raw objects may not).
  verifySignedMessage({ 'Wechatpay-Timestamp': TS, 'Wechatpay-Nonce': NONCE, 'Wechatpay-Signature': SIG_PUB_KEY, 'Wechatpay-Serial': TEST_PUB_KEY_ID }, BODY, keys, at(Number(TS)))
})

test('a tampered body (even one byte or a re-serialised JSON) is a bad signature', () => {
  rejects(() => verifySignedMessage(headers(), Buffer.from(BODY.toString().replace('p4l', 'p5l')), keys, at(Number(TS))), 'bad_signature')
  rejects(() => verifySignedMessage(headers(), Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1)), keys, at(Number(TS))), 'bad_signature')
})

test('the signature of one key under the other key\'s serial is a bad signature', () => {
  rejects(() => verifySignedMessage(headers({ 'wechatpay-serial': TEST_PLATFORM_CERT_SERIAL }), BODY, keys, at(Number(TS))), 'bad_signature')
})

test('a signature by someone else\'s key (the merchant\'s) is a bad signature; a probe signature too', () => {
  const forged = rsaSign(`${TS}\n${NONCE}\n${BODY}\n`, createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM))
  rejects(() => verifySignedMessage(headers({ 'wechatpay-signature': forged }), BODY, keys, at(Number(TS))), 'bad_signature')
  rejects(() => verifySignedMessage(headers({ 'wechatpay-signature': `WECHATPAY/SIGNTEST/${SIG_PUB_KEY}` }), BODY, keys, at(Number(TS))), 'bad_signature')
  rejects(() => verifySignedMessage(headers({ 'wechatpay-signature': 'not base64 at all!' }), BODY, keys, at(Number(TS))), 'bad_signature')
})

test('an unknown serial is rejected before any signature check', () => {
  rejects(() => verifySignedMessage(headers({ 'wechatpay-serial': 'PUB_KEY_ID_0119999999' }), BODY, keys, at(Number(TS))), 'unknown_serial')
  rejects(() => verifySignedMessage(headers({ 'wechatpay-serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' }), BODY, keys, at(Number(TS))), 'unknown_serial')
})

test('timestamps more than 300 s away either side are stale; exactly 300 s is accepted', () => {
  verifySignedMessage(headers(), BODY, keys, at(Number(TS) + MAX_SKEW_SECONDS))
  verifySignedMessage(headers(), BODY, keys, at(Number(TS) - MAX_SKEW_SECONDS))
  rejects(() => verifySignedMessage(headers(), BODY, keys, at(Number(TS) + MAX_SKEW_SECONDS + 1)), 'stale_timestamp')
  rejects(() => verifySignedMessage(headers(), BODY, keys, at(Number(TS) - MAX_SKEW_SECONDS - 1)), 'stale_timestamp')
  rejects(() => verifySignedMessage(headers({ 'wechatpay-timestamp': '17950000OO' }), BODY, keys, at(Number(TS))), 'stale_timestamp')
})

test('missing Wechatpay-* headers are rejected', () => {
  for (const name of ['wechatpay-timestamp', 'wechatpay-nonce', 'wechatpay-signature', 'wechatpay-serial']) {
    rejects(() => verifySignedMessage(headers({ [name]: undefined }), BODY, keys, at(Number(TS))), 'missing_headers')
  }
})
