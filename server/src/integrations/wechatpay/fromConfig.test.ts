// WECHATPAY_* settings: all-or-nothing validation, key loading from inline PEM or files, "not available" when unset.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../../config'
import { wechatPayFromConfig } from '../fromConfig'
import { loadPlatformKeys } from './keys'
import * as k from './testKeys'

const full = {
  WECHATPAY_MCHID: k.TEST_MCHID,
  WECHATPAY_APPID: k.TEST_APPID,
  WECHATPAY_API_V3_KEY: k.TEST_API_V3_KEY,
  WECHATPAY_MERCHANT_SERIAL: k.TEST_MERCHANT_SERIAL,
  WECHATPAY_PRIVATE_KEY: k.TEST_MERCHANT_PRIVATE_KEY_PEM,
  WECHATPAY_PUBLIC_KEY_ID: k.TEST_PUB_KEY_ID,
  WECHATPAY_PUBLIC_KEY: k.TEST_PUB_KEY_PEM,
  WECHATPAY_NOTIFY_URL: 'https://pay.example.gov.cn/api/payments/wechat/notify',
}

test('unset: no client (payment "not available"), and the defaults point at api.mch.weixin.qq.com', () => {
  const c = loadConfig({})
  assert.equal(wechatPayFromConfig(c), null)
  assert.equal(c.WECHATPAY_API_BASE, 'https://api.mch.weixin.qq.com')
})

test('a complete configuration with inline PEMs builds a client; the appid falls back to WECHAT_APPID', () => {
  const client = wechatPayFromConfig(loadConfig(full))
  assert.equal(client?.mchId, k.TEST_MCHID)
  assert.equal(client?.appId, k.TEST_APPID)
  const { WECHATPAY_APPID: _, ...withoutAppId } = full
  assert.equal(wechatPayFromConfig(loadConfig({ ...withoutAppId, WECHAT_APPID: 'wxmini00000000001', WECHAT_SECRET: 's' }))?.appId, 'wxmini00000000001')
  // Env files often carry a PEM on one line with literal \n.
  const oneLine = k.TEST_MERCHANT_PRIVATE_KEY_PEM.replace(/\n/g, '\\n')
  assert.ok(wechatPayFromConfig(loadConfig({ ...full, WECHATPAY_PRIVATE_KEY: oneLine })))
})

test('keys and certificates may be file paths; platform certificates are keyed by their serial', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxpay-'))
  writeFileSync(join(dir, 'apiclient_key.pem'), k.TEST_MERCHANT_PRIVATE_KEY_PEM)
  writeFileSync(join(dir, 'wechatpay_cert.pem'), k.TEST_PLATFORM_CERT_PEM)
  const { WECHATPAY_PUBLIC_KEY_ID: _a, WECHATPAY_PUBLIC_KEY: _b, ...noPublicKey } = full
  const config = loadConfig({ ...noPublicKey, WECHATPAY_PRIVATE_KEY: join(dir, 'apiclient_key.pem'), WECHATPAY_PLATFORM_CERTS: join(dir, 'wechatpay_cert.pem') })
  assert.ok(wechatPayFromConfig(config))
  assert.deepEqual([...loadPlatformKeys({ platformCerts: join(dir, 'wechatpay_cert.pem') }).keys()], [k.TEST_PLATFORM_CERT_SERIAL])
  assert.throws(() => wechatPayFromConfig(loadConfig({ ...full, WECHATPAY_PRIVATE_KEY: join(dir, 'missing.pem') })), /WECHATPAY_PRIVATE_KEY: cannot read/)
  assert.throws(() => wechatPayFromConfig(loadConfig({ ...full, WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' })), /WECHATPAY_PRIVATE_KEY: not a PEM private key/)
})

test('with WECHATPAY_MCHID set, every other required setting is named when missing, and secrets are never echoed', () => {
  assert.throws(
    () => loadConfig({ WECHATPAY_MCHID: k.TEST_MCHID }),
    (e: unknown) => e instanceof ConfigError && /WECHATPAY_API_V3_KEY, WECHATPAY_MERCHANT_SERIAL, WECHATPAY_PRIVATE_KEY, WECHATPAY_NOTIFY_URL, WECHATPAY_APPID/.test(e.message),
  )
  assert.throws(
    () => loadConfig({ ...full, WECHATPAY_API_V3_KEY: 'too-short-secret-value' }),
    (e: unknown) => e instanceof ConfigError && /32-character/.test(e.message) && !e.message.includes('too-short-secret-value'),
  )
  const { WECHATPAY_PUBLIC_KEY: _p, ...idOnly } = full
  assert.throws(() => loadConfig(idOnly), /WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY must be set together/)
  const { WECHATPAY_PUBLIC_KEY_ID: _i, WECHATPAY_PUBLIC_KEY: _q, ...noVerifier } = full
  assert.throws(() => loadConfig(noVerifier), /WECHATPAY_PLATFORM_CERTS must be set/)
  assert.throws(() => loadConfig({ ...full, WECHATPAY_PUBLIC_KEY_ID: 'abc' }), /WECHATPAY_PUBLIC_KEY_ID/)
  assert.throws(() => loadConfig({ ...full, WECHATPAY_NOTIFY_URL: 'https://x.cn/notify?a=1' }), /WECHATPAY_NOTIFY_URL must be/)
})
