import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestApp, type TestApp } from './testApp'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

test('health reports the database engine', async () => {
  const res = await t.app.inject('/api/health')
  assert.equal(res.statusCode, 200)
  assert.equal(res.json().status, 'ok')
  assert.equal(res.json().database, process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite')
})

test('OpenAPI 3 documents every route of the contract, and Swagger UI is served', async () => {
  const spec = (await t.app.inject('/api/openapi.json')).json()
  assert.match(spec.openapi, /^3\./)
  for (const path of ['/api/matters/', '/api/matters/{id}', '/api/catalog/', '/api/auth/sms', '/api/me/real-name', '/api/staff/matters/{id}']) {
    assert.ok(spec.paths[path], `${path} documented`)
  }
  const detail = spec.paths['/api/matters/{id}'].get.responses['200'].content['application/json'].schema
  assert.ok(detail.properties.materials && detail.properties.legalLimitDays)
  const docs = await t.app.inject('/api/docs/')
  assert.equal(docs.statusCode, 200)
  assert.match(docs.body, /swagger/i)
})

test('an unexpected failure is a 500 with no internals in the body', async () => {
  const pool = t.db.database.pool
  const original = pool.query.bind(pool)
  pool.query = (async () => {
    throw new Error('connection to secret-host:5432 refused')
  }) as typeof pool.query
  try {
    const res = await t.app.inject('/api/health')
    assert.equal(res.statusCode, 500)
    assert.deepEqual(res.json(), { statusCode: 500, error: 'Internal Server Error', message: '服务器开小差了，请稍后重试' })
  } finally {
    pool.query = original
  }
})

test('answers carry security headers; signed-in answers are never cached', async () => {
  const anonymous = await t.app.inject('/api/catalog')
  assert.equal(anonymous.headers['x-content-type-options'], 'nosniff')
  assert.equal(anonymous.headers['x-frame-options'], 'DENY')
  assert.equal(anonymous.headers['cache-control'], undefined)
  const signedIn = await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer not-a-real-token-but-long-enough' } })
  assert.equal(signedIn.statusCode, 401)
  assert.equal(signedIn.headers['cache-control'], 'no-store')
})
