import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from './config'

test('defaults give a runnable local server', () => {
  const c = loadConfig({})
  assert.equal(c.PORT, 8787)
  assert.equal(c.HOST, '127.0.0.1')
  assert.equal(c.DATABASE_URL, undefined)
  assert.equal(c.OFFICE_MORNING, '08:30-12:00')
})

test('strings from the environment become typed settings', () => {
  const c = loadConfig({ PORT: '9000', SEED_DEMO: 'true', SMS_MAX_ATTEMPTS: '3' })
  assert.deepEqual([c.PORT, c.SEED_DEMO, c.SMS_MAX_ATTEMPTS], [9000, true, 3])
})

test('a bad setting stops boot with a message naming each bad variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }),
    (e: unknown) =>
      e instanceof ConfigError &&
      /PORT="eighty": must be integer/.test(e.message) &&
      /LOG_LEVEL="loud": must be one of fatal, error/.test(e.message) &&
      /DATABASE_URL/.test(e.message),
  )
})

test('credentials that come in pairs must be set together', () => {
  assert.throws(() => loadConfig({ WECHAT_APPID: 'wx123' }), /WECHAT_APPID and WECHAT_SECRET/)
  assert.throws(() => loadConfig({ SMS_ACCESS_KEY_SECRET: 's' }), /SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET/)
})

test('upload limits and signed-URL settings default sensibly and are validated', () => {
  const c = loadConfig({})
  assert.deepEqual(
    [c.UPLOAD_MAX_FILE_BYTES, c.UPLOAD_MAX_PREREVIEW_BYTES, c.FILE_URL_TTL_SECONDS, c.FILE_URL_SECRET],
    [10 * 1024 * 1024, 60 * 1024 * 1024, 600, ''],
  )
  const set = loadConfig({ UPLOAD_MAX_FILE_BYTES: '2048', UPLOAD_MAX_PREREVIEW_BYTES: '4096', FILE_URL_SECRET: 'k'.repeat(32) })
  assert.deepEqual([set.UPLOAD_MAX_FILE_BYTES, set.UPLOAD_MAX_PREREVIEW_BYTES, set.FILE_URL_SECRET.length], [2048, 4096, 32])
  assert.throws(() => loadConfig({ FILE_URL_TTL_SECONDS: '5' }), /FILE_URL_TTL_SECONDS/)
  assert.throws(() => loadConfig({ UPLOAD_MAX_FILE_BYTES: '2048', UPLOAD_MAX_PREREVIEW_BYTES: '1024' }), /must not exceed/)
})

test('a short FILE_URL_SECRET stops boot without echoing it', () => {
  assert.throws(
    () => loadConfig({ FILE_URL_SECRET: 'tooShortSecret123' }),
    (e: unknown) => e instanceof ConfigError && /FILE_URL_SECRET must be at least 32/.test(e.message) && !e.message.includes('tooShortSecret123'),
  )
})
