/**
 * The compiled mini-program (dist/weapp) running in Node with a stub `wx`
 * (support/wxStub.ts) in a global scope without fetch/XMLHttpRequest, against
 * the real API on a seeded database: the home page renders the catalog that
 * came over wx.request, and 微信一键登录 signs a citizen in through the
 * code exchange with the WeChat simulator, then binds the phone.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { allNodes, loadMiniProgram, nutButton, textOf, trigger, until, type MiniProgram, type PageInstance } from './support/miniProgram'
import { api, startStack, weappDist, type Stack } from './support/stack'

/** The API origin a default weapp build bakes in (src/env.ts); the stub sends it to the test server instead. */
const BAKED_API_BASE = 'http://127.0.0.1:8787'
const OPENID = 'openid-smoke'
const PHONE = '13900001234'

let stack: Stack
let mp: MiniProgram

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false })
  mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode(OPENID),
  })
})

after(async () => {
  // Let in-flight wx.request calls finish before the server goes away.
  await until(() => (mp ? mp.stub.inFlight() === 0 : true), 5_000).catch(() => undefined)
  mp?.dispose()
  await stack?.close()
})

test('the bundle runs where WeChat would: no fetch, XMLHttpRequest, window or process', { timeout: 30_000 }, () => {
  for (const name of ['fetch', 'Request', 'Response', 'Headers', 'XMLHttpRequest', 'window', 'document', 'process']) {
    assert.equal(mp.evaluate(`typeof ${name}`), 'undefined', `${name} must not exist in the mini-program's scope`)
  }
  const appJson = JSON.parse(readFileSync(join(weappDist, 'app.json'), 'utf8'))
  assert.ok(appJson.pages.includes('pages/home/index'), 'home is a main-package page')
})

test('home renders catalog data that came over wx.request from the server', { timeout: 60_000 }, async () => {
  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/home/index', query: {}, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: 'pages/home/index', query: {}, scene: 1001 }))
  const home = mp.openPage('pages/home/index')

  const catalog = (await api(stack, '/api/catalog')).body
  const hot = (await api(stack, '/api/matters?page=1&pageSize=6')).body
  const department = catalog.departments.find((d: any) => d.matterCount > 0)
  const matter = hot.items[0]
  assert.ok(department && matter, 'the seeded city has departments and matters')

  await until(() => {
    const text = textOf(home.data.root)
    return text.includes(department.shortName || department.name) && text.includes(matter.name)
  }, 15_000).catch(() => {
    throw new Error(failure('home never showed the seeded catalog', home))
  })
  const text = textOf(home.data.root)
  assert.ok(text.includes(`已上线 ${catalog.matterCount} 个事项`), `matter count from the API in: ${text.slice(0, 200)}`)
  for (const d of catalog.departments.filter((x: any) => x.matterCount > 0)) {
    assert.ok(text.includes(d.shortName || d.name), `department ${d.name} reached setData`)
  }
  const catalogRequest = mp.stub.requests.find((r) => r.url === `${BAKED_API_BASE}/api/catalog`)
  assert.equal(catalogRequest?.status, 200, 'GET /api/catalog went through wx.request to the baked API base')
  assert.equal(catalogRequest?.sentTo, `${stack.apiUrl}/api/catalog`, 'and reached the test server')
  assert.ok(home.updates.length > 0, 'the page was rendered through setData')
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})

test('微信一键登录 exchanges a wx.login code for a citizen session, then binds the phone', { timeout: 60_000 }, async () => {
  const login = mp.openPage('packages/account/pages/login/index')
  await until(() => textOf(login.data.root).includes('微信一键登录'), 10_000).catch(() => {
    throw new Error(failure('the login page never showed 微信一键登录', login))
  })
  assert.equal(mp.stub.storage.get('paoyici.session'), undefined, 'not signed in yet')

  trigger(mp, login, nutButton(login, '微信一键登录', 'contains'), 'tap')
  await until(() => mp.stub.storage.has('paoyici.session'), 10_000).catch(() => {
    throw new Error(failure('no session stored after 微信一键登录', login))
  })

  assert.ok(mp.stub.calls.some((c) => c.api === 'login'), 'the app called wx.login')
  assert.deepEqual(
    stack.wechat.requestLog.filter((r) => r.path === '/sns/jscode2session'),
    [{ method: 'GET', path: '/sns/jscode2session' }],
    'the server exchanged the code with WeChat exactly once',
  )
  const session = JSON.parse(String(mp.stub.storage.get('paoyici.session')))
  assert.equal(session.kind, 'citizen')
  const me = await api(stack, '/api/me', { token: session.token })
  assert.equal(me.status, 200, `GET /api/me with the stored token: ${JSON.stringify(me.body)}`)
  assert.equal(me.body.phoneMasked, null, 'a WeChat sign-in has no phone yet')
  assert.ok(JSON.stringify(mp.stub.calls).indexOf('session_key') === -1, 'session_key never reaches the client')

  // Without a phone the page offers WeChat's getPhoneNumber button.
  await until(() => textOf(login.data.root).includes('授权绑定微信手机号'), 10_000).catch(() => {
    throw new Error(failure('no 授权绑定微信手机号 after signing in without a phone', login))
  })
  const phoneButton = allNodes(login.data.root).find((n) => (n.cl ?? '').includes('wechat-login__phone'))
  assert.ok(phoneButton, 'the getPhoneNumber button is rendered')
  trigger(mp, login, phoneButton, 'getphonenumber', { code: stack.wechat.mintPhoneCode(PHONE), errMsg: 'getPhoneNumber:ok' })
  await until(async () => (await api(stack, '/api/me', { token: session.token })).body.phoneMasked !== null, 10_000).catch(() => {
    throw new Error(failure('the phone was not bound', login))
  })
  const bound = await api(stack, '/api/me', { token: session.token })
  assert.equal(bound.body.phoneMasked, `${PHONE.slice(0, 3)}****${PHONE.slice(7)}`)
  assert.ok(stack.wechat.requestLog.some((r) => r.path === '/wxa/business/getuserphonenumber'), 'the server asked WeChat for the phone')
  await until(() => mp.stub.calls.some((c) => c.api === 'navigateBack' || c.api === 'switchTab'), 5_000).catch(() => {
    throw new Error(failure('the login page did not leave after binding the phone', login))
  })
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})



/** A failure message with what the page shows and what the bundle did. */
function failure(message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 300) || '(nothing rendered)'}`,
    `  requests: ${mp.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp.stub.unknown].join(', ') || 'none'}`,
  ].join('\n')
}
