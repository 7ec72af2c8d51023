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
