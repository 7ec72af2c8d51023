/**
 * 好差评 in the compiled mini-program (dist/weapp) in Node with a stub `wx`,
 * against the real API on a seeded database. A finished case was rated 不满意,
 * then verified and rectified with a reply (all through the API). The
 * applicant's re-rating page refuses a 差评 without a reason through setData
 * and sends nothing, then posts the re-rating through `wx.request`; the
 * department lead's 评价统计 draws its charts as views sized in rpx.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { signInCitizen, storedSessionValue } from './support/appointments'
import { allNodes, loadMiniProgram, nutButton, textOf, trigger, until, type MiniProgram, type PageInstance, type RenderedNode } from './support/miniProgram'
import { completedCase, STAFF_PASSWORD } from './support/ratings'
import { api, startStack, weappDist, type Stack } from './support/stack'

const BAKED_API_BASE = 'http://127.0.0.1:8787'
const PHONE = '13912340077'

let stack: Stack
const programs: MiniProgram[] = []
let caseId = ''
let citizen: { token: string; expiresAt: string }

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false })
  citizen = await signInCitizen(stack, PHONE, { name: '钱小三', idNumber: '110105198001010016' })
  const window = (await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'scjg.window', password: STAFF_PASSWORD } })).body.token
  const done = await completedCase(stack, window, { name: '钱小三', idNumber: '110105198001010016', phone: PHONE })
  caseId = done.caseId
  // 我的办件 links the walk-in case to the account with that phone.
  assert.equal((await api(stack, '/api/cases', { token: citizen.token })).status, 200)
  const rated = await api(stack, '/api/ratings', {
    method: 'POST',
    token: citizen.token,
    body: { caseId, channel: 'mobile', level: 'dissatisfied', scores: { overall: 2 }, tags: ['slow'], text: '' },
  })
  assert.equal(rated.status, 201, `POST /api/ratings ${JSON.stringify(rated.body)}`)
  const id = rated.body.id
  assert.equal((await api(stack, `/api/staff/ratings/${id}/verify`, { method: 'POST', token: window, body: { note: '属实' } })).status, 200)
  const rectified = await api(stack, `/api/staff/ratings/${id}/rectify`, {
    method: 'POST',
    token: window,
    body: { measures: '优化流程', reply: '已优化审批流程，感谢监督' },
  })
  assert.equal(rectified.status, 200, JSON.stringify(rectified.body))
})

after(async () => {
  for (const mp of programs) {
    await until(() => mp.stub.inFlight() === 0, 5_000).catch(() => undefined)
    mp.dispose()
  }
  await stack?.close()
})

function launch(session: string, openid: string): MiniProgram {
  const mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode(openid),
  })
  programs.push(mp)
  mp.stub.storage.set('paoyici.session', session)
  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
  return mp
}

const byClass = (page: PageInstance, className: string): RenderedNode[] =>
  allNodes(page.data.root).filter((n) => (n.cl ?? '').split(/\s+/).includes(className))

function failure(mp: MiniProgram, message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 400) || '(nothing rendered)'}`,
    `  requests: ${mp.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp.stub.unknown].join(', ') || 'none'}`,
  ].join('\n')
}

test('the re-rating page refuses a 差评 without a reason, then sends the re-rating through wx.request', { timeout: 60_000 }, async () => {
  const mp = launch(storedSessionValue('citizen', citizen), 'openid-rating')
  const rate = mp.openPage('packages/rating/pages/rate/index', { caseId })
  await until(() => byClass(rate, 'level-picker__option').length === 5, 10_000).catch(() => {
    throw new Error(failure(mp, 'the rating page never showed the five levels', rate))
  })
  assert.match(textOf(rate.data.root), /部门已整改并回复/, 'it is the re-rating')
  trigger(mp, rate, byClass(rate, 'level-picker__option--veryDissatisfied')[0], 'tap')
  await until(() => byClass(rate, 'tag-picker__chip').length > 0, 5_000)
  trigger(mp, rate, nutButton(rate, '提交再次评价'), 'tap')
  await until(() => textOf(rate.data.root).includes('请选择不满意的原因，或写下具体情况'), 5_000).catch(() => {
    throw new Error(failure(mp, 'no reason message for a 差评 without a reason', rate))
  })
  const posts = () => mp.stub.requests.filter((r) => r.method === 'POST' && r.url === `${BAKED_API_BASE}/api/ratings`)
  assert.equal(posts().length, 0, 'nothing sent for a 差评 without a reason')

  const chip = byClass(rate, 'tag-picker__chip').find((n) => textOf(n) === '多次跑腿')
  assert.ok(chip, 'the 差评 reasons are offered')
  trigger(mp, rate, chip, 'tap')
  await until(() => byClass(rate, 'tag-picker__chip--on').length === 1, 5_000)
  trigger(mp, rate, nutButton(rate, '提交再次评价'), 'tap')
  await until(() => posts().some((r) => r.status === 201), 10_000).catch(() => {
    throw new Error(failure(mp, 'the re-rating was not accepted', rate))
  })
  const mine = await api(stack, '/api/ratings', { token: citizen.token })
  const second = mine.body.items.find((r: any) => r.round === 2)
  assert.equal(second?.level, 'veryDissatisfied')
  assert.deepEqual((await api(stack, '/api/ratings/rateable', { token: citizen.token })).body.items, [], 'no third rating')
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})

test('the lead’s 评价统计 draws bars, columns and the rate line as views sized in rpx', { timeout: 60_000 }, async () => {
  const login = await api(stack, '/api/auth/staff', { method: 'POST', body: { username: 'scjg.lead', password: STAFF_PASSWORD } })
  assert.equal(login.status, 200)
  const mp = launch(storedSessionValue('staff', login.body), 'openid-rating-lead')
  const stats = mp.openPage('packages/staff/pages/rating-stats/index')
  await until(() => byClass(stats, 'stats-summary__value').length === 4, 10_000).catch(() => {
    throw new Error(failure(mp, 'the statistics page never showed its figures', stats))
  })
  const expected = (await api(stack, '/api/staff/ratings/statistics?granularity=month', { token: login.body.token })).body
  assert.equal(textOf(byClass(stats, 'stats-summary__value')[0]), String(expected.total))
  assert.equal(textOf(byClass(stats, 'stats-summary__value')[2]), String(expected.bad))
  const style = (n: RenderedNode) => String(n.st ?? n.style ?? '')
  const columns = byClass(stats, 'trend-columns__column')
  assert.equal(columns.length, expected.trend.length, 'one column per period')
  assert.ok(columns.every((c) => /left:\s*[\d.-]+rpx/.test(style(c))), `columns placed in rpx: ${style(columns[0])}`)
  const segments = byClass(stats, 'h-bars__segment')
  assert.ok(segments.length > 0 && segments.every((s) => /width:\s*[\d.]+%/.test(style(s))), `bars sized in %: ${segments.map(style).join(' | ')}`)
  assert.ok(byClass(stats, 'rate-line__point').length >= 1, 'the satisfaction line has a point')
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})
