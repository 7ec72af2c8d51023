/** CORS: an allow-list from CORS_ORIGINS; without it no origin but the API's own may call. */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { ConfigError, loadConfig } from '../src/config'
import { startTestApp, type TestApp } from './testApp'

const ALLOWED = 'https://zwfw.yumen.gov.cn'
const OTHER = 'https://evil.example.com'

let t: TestApp
let closed: TestApp

before(async () => {
  ;[t, closed] = await Promise.all([startTestApp({ CORS_ORIGINS: `${ALLOWED}, https://app.yumen.gov.cn` }), startTestApp()])
})
after(() => Promise.all([t.close(), closed.close()]))

const preflight = (app: TestApp, origin: string) =>
  app.app.inject({
    method: 'OPTIONS',
    url: '/api/me',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  })

describe('CORS', () => {
  test('a listed origin passes the preflight and reads answers', async () => {
    const pre = await preflight(t, ALLOWED)
    assert.equal(pre.statusCode, 204)
    assert.equal(pre.headers['access-control-allow-origin'], ALLOWED)
    assert.match(String(pre.headers['access-control-allow-headers']), /Authorization/i)
    assert.equal(pre.headers['access-control-allow-credentials'], undefined, 'bearer tokens, no cookies')
    const res = await t.app.inject({ url: '/api/health', headers: { origin: ALLOWED } })
    assert.equal(res.headers['access-control-allow-origin'], ALLOWED)
  })

  test('another origin gets no CORS headers, so its browser refuses', async () => {
    const pre = await preflight(t, OTHER)
    assert.equal(pre.headers['access-control-allow-origin'], undefined)
    const res = await t.app.inject({ url: '/api/health', headers: { origin: OTHER } })
    assert.equal(res.headers['access-control-allow-origin'], undefined)
  })

  test('with no CORS_ORIGINS no origin is allowed', async () => {
    const res = await closed.app.inject({ url: '/api/health', headers: { origin: ALLOWED } })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['access-control-allow-origin'], undefined)
    assert.equal((await preflight(closed, ALLOWED)).headers['access-control-allow-origin'], undefined)
  })

  test('a malformed origin list stops the server naming the variable', () => {
    for (const value of ['zwfw.yumen.gov.cn', 'https://zwfw.yumen.gov.cn/path', '*']) {
      assert.throws(() => loadConfig({ CORS_ORIGINS: value }), (e: unknown) => e instanceof ConfigError && e.message.includes('CORS_ORIGINS'))
    }
  })
})
