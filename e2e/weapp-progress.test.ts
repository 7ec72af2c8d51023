/**
 * The compiled mini-program (dist/weapp) in Node with a stub `wx`
 * (support/wxStub.ts), against the real API on a seeded database: a case
 * registered and accepted at the window (through the API) is looked up
 * anonymously on the 进度 tab through `wx.request`, and the answer page in
 * the cases subpackage shows its status, light and timeline.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { CASE_STATUSES, LIGHTS } from '../types/enums'
import { maskName } from '../types/validators'
import { allNodes, loadMiniProgram, nutButton, textOf, trigger, until, type MiniProgram, type PageInstance, type RenderedNode } from './support/miniProgram'
import { api, startStack, weappDist, type Stack } from './support/stack'

/** The API origin a default weapp build bakes in (src/env.ts); the stub sends it to the test server instead. */
const BAKED_API_BASE = 'http://127.0.0.1:8787'
const APPLICANT = '李四光'
const ID_NUMBER = '11010519491231002X'
const APPLICANT_PHONE = '13600001111'
const LOOKUP_FAILED = '办件编号或查询密码不正确'

let stack: Stack
let mp: MiniProgram
/** The case registered and accepted at the window for this file. */
let registered: { id: string; number: string; password: string }

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false })
  mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode('openid-progress'),
  })

  // 窗口收件 and 受理 through the API, as the staff screens would.
  const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'scjg.window', password: 'Paoyici@2026' } })
  assert.equal(login.status, 200, `POST /api/auth/staff ${JSON.stringify(login.body)}`)
  const token = login.body.token
  assert.ok(token, `a staff token in ${JSON.stringify(login.body)}`)
  const matters = (await api(stack, '/api/staff/matters?page=1&pageSize=50', { token })).body
  const matter = matters.items.find((m: any) => m.promisedLimitDays >= 1) ?? matters.items[0]
  assert.ok(matter, 'the window clerk’s department has matters')
  const receipt = await api(stack, '/api/staff/cases', {
    method: 'POST',
    token,
    body: { matterId: matter.id, applicantName: APPLICANT, applicantIdNumber: ID_NUMBER, applicantPhone: APPLICANT_PHONE, delivery: { mode: 'hall' } },
  })
  assert.equal(receipt.status, 200, `POST /api/staff/cases ${JSON.stringify(receipt.body)}`)
  const accepted = await api(stack, `/api/staff/cases/${receipt.body.case.id}/actions`, { method: 'POST', token, body: { action: 'accept' } })
  assert.equal(accepted.status, 200, `accept ${JSON.stringify(accepted.body)}`)
  assert.equal(accepted.body.status, 'accepted')
  registered = { id: receipt.body.case.id, number: receipt.body.case.number, password: receipt.body.queryPassword }

  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/progress/index', query: {}, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: 'pages/progress/index', query: {}, scene: 1001 }))
})

after(async () => {
  // Let in-flight wx.request calls finish before the server goes away.
  await until(() => (mp ? mp.stub.inFlight() === 0 : true), 5_000).catch(() => undefined)
  mp?.dispose()
  await stack?.close()
})

test('the 进度 tab looks a case up through wx.request and the answer page shows status, light and timeline', { timeout: 60_000 }, async () => {
  const progress = mp.openPage('pages/progress/index')
  await until(() => textOf(progress.data.root).includes('办件进度查询') && lookupInputs(progress).length === 2, 10_000).catch(() => {
    throw new Error(failure('the progress page never showed the lookup form', progress))
  })
  assert.equal(mp.stub.storage.get('paoyici.session'), undefined, 'an anonymous visitor')

  // A wrong password first: the server's message reaches setData and nothing navigates.
  await lookUp(progress, registered.number, `${registered.password}9`)
  await until(() => textOf(progress.data.root).includes(LOOKUP_FAILED), 10_000).catch(() => {
    throw new Error(failure(`the progress page never showed "${LOOKUP_FAILED}"`, progress))
  })
  const refused = lookupRequests()
  assert.equal(refused.length, 1, 'one lookup request for the wrong password')
  assert.equal(refused[0].status, 404)
  assert.ok(!navigations().some((c) => JSON.stringify(c.args).includes('packages/cases/pages/lookup')), 'no navigation for a refused lookup')

  // The right password: POST /api/cases/lookup to the test server, then the answer page.
  await lookUp(progress, registered.number, registered.password)
  await until(() => navigations().some((c) => JSON.stringify(c.args).includes('packages/cases/pages/lookup/index')), 10_000).catch(() => {
    throw new Error(failure('the progress page did not navigate to the lookup answer', progress))
  })
  const requests = lookupRequests()
  assert.equal(requests.length, 2, 'two lookups went through wx.request')
  assert.equal(requests[1].method, 'POST')
  assert.equal(requests[1].sentTo, `${stack.apiUrl}/api/cases/lookup`, 'the lookup reached the test server')
  assert.equal(requests[1].status, 200)
  const sent = mp.stub.calls.filter((c) => c.api === 'request' && String((c.args as any).url).endsWith('/api/cases/lookup')).at(-1)?.args as any
  const body = typeof sent.data === 'string' ? JSON.parse(sent.data) : sent.data
  assert.deepEqual(body, { number: registered.number, password: registered.password }, 'the typed number and password were sent in the body')
  assert.ok(!String(sent.url).includes(registered.password), 'the password is not in the URL')
  assert.ok(!textOf(progress.data.root).includes(LOOKUP_FAILED), 'the earlier error is gone')

  const expected = await api(stack, '/api/cases/lookup', { method: 'POST', body: { number: registered.number, password: registered.password } })
  assert.equal(expected.status, 200, `POST /api/cases/lookup ${JSON.stringify(expected.body)}`)
  assert.equal(expected.body.status, 'accepted')
  assert.ok(expected.body.deadline, 'an accepted case has a deadline')

  const answer = mp.openPage('packages/cases/pages/lookup/index')
  await until(() => textOf(answer.data.root).includes(registered.number), 10_000).catch(() => {
    throw new Error(failure('the lookup answer page never showed the case', answer))
  })
  const text = textOf(answer.data.root)
  assert.ok(text.includes(expected.body.matterName), `matter name in: ${text}`)
  assert.ok(text.includes(expected.body.departmentName), `department in: ${text}`)
  assert.equal(textByClass(answer, 'lookup-result__status-label'), CASE_STATUSES.accepted)
  assert.equal(textByClass(answer, 'light-badge__light'), LIGHTS[expected.body.deadline.light as keyof typeof LIGHTS])
  assert.equal(textByClass(answer, 'light-badge__label'), expected.body.deadline.label)
  const timeline = allNodes(answer.data.root)
    .filter((n) => (n.cl ?? '').split(/\s+/).includes('case-timeline__status'))
    .map((n) => textOf(n))
  assert.deepEqual(timeline, [CASE_STATUSES.accepted, CASE_STATUSES.received], 'timeline 已受理 over 已接件')
  assert.ok(text.includes(`申请人 ${maskName(APPLICANT)}`), `masked applicant in: ${text}`)
  for (const secret of [APPLICANT, APPLICANT_PHONE, ID_NUMBER]) {
    assert.ok(!text.includes(secret), `the answer page does not show "${secret}"`)
  }
  assert.ok(answer.updates.length > 0, 'the answer page was rendered through setData')
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})

/** Types into the two lookup inputs one after the other (as WeChat's bindinput delivers) and taps 查询. */
async function lookUp(page: PageInstance, number: string, password: string): Promise<void> {
  await type(page, 0, number)
  await type(page, 1, password)
  const [n, p] = lookupInputs(page)
  assert.deepEqual([n.p25, p.p25], [number, password], 'both inputs hold the typed values')
  trigger(mp, page, nutButton(page, '查询'), 'tap')
}

/** One input event, then waits until the controlled input re-rendered with it (Taro renders `value` as `p25`). */
async function type(page: PageInstance, index: number, value: string): Promise<void> {
  trigger(mp, page, lookupInputs(page)[index], 'input', { value, cursor: value.length, keyCode: 0 })
  await until(() => lookupInputs(page)[index]?.p25 === value, 5_000).catch(() => {
    throw new Error(failure(`lookup input ${index} did not take "${value}"`, page))
  })
}

function lookupInputs(page: PageInstance): RenderedNode[] {
  return allNodes(page.data.root).filter((n) => (n.cl ?? '').split(/\s+/).includes('lookup-form__input'))
}

function lookupRequests() {
  return mp.stub.requests.filter((r) => r.url === `${BAKED_API_BASE}/api/cases/lookup`)
}

function navigations() {
  return mp.stub.calls.filter((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].includes(c.api))
}

function textByClass(page: PageInstance, className: string): string {
  const node = allNodes(page.data.root).find((n) => (n.cl ?? '').split(/\s+/).includes(className))
  assert.ok(node, `no .${className} on ${page.route}: ${textOf(page.data.root).slice(0, 200)}`)
  return textOf(node)
}



/** A failure message with what the page shows and what the bundle did. */
function failure(message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 300) || '(nothing rendered)'}`,
    `  requests: ${mp.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  navigation: ${navigations().map((c) => `${c.api} ${JSON.stringify(c.args)}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp.stub.unknown].join(', ') || 'none'}`,
  ].join('\n')
}
