/**
 * The compiled mini-program (dist/weapp) in Node with a stub `wx`
 * (support/wxStub.ts), against the real API on a seeded database: a signed-in
 * citizen with a declared real name books a slot on the booking page through
 * `wx.request`, the booking page shows the check-in code and its QR code,
 * 改约 moves it to another day in one step, and 取消预约 cancels the new one.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { bookableMatter, signInCitizen, storedSessionValue, type CitizenLogin } from './support/appointments'
import { allNodes, loadMiniProgram, nutButton, textOf, trigger, until, type MiniProgram, type PageInstance, type RenderedNode } from './support/miniProgram'
import { api, startStack, weappDist, type Stack } from './support/stack'

/** The API origin a default weapp build bakes in (src/env.ts); the stub sends it to the test server instead. */
const BAKED_API_BASE = 'http://127.0.0.1:8787'
const PHONE = '13912340002'
const REAL_NAME = { name: '赵小红', idNumber: '11010519491231002X' }

let stack: Stack
let mp: MiniProgram
let login: CitizenLogin

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false })
  login = await signInCitizen(stack, PHONE, REAL_NAME)
  mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode('openid-booking'),
  })
  // Signed in before launch, as after an earlier visit: the app restores the stored session.
  mp.stub.storage.set('paoyici.session', storedSessionValue('citizen', login))
  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
})

after(async () => {
  await until(() => (mp ? mp.stub.inFlight() === 0 : true), 5_000).catch(() => undefined)
  mp?.dispose()
  await stack?.close()
})

test('the booking page books a slot through wx.request and shows the check-in code; 改约 moves it, 取消预约 cancels it', { timeout: 60_000 }, async () => {
  const { matterId, availability } = await bookableMatter(stack, login.token)
  const day = availability.days.find((d: any) => d.status === 'open')

  const book = mp.openPage('packages/booking/pages/book/index', { matterId })
  await until(() => byClass(book, 'slot-list__slot').length > 0, 10_000).catch(() => {
    throw new Error(failure('the booking page never listed slots', book))
  })
  assert.equal(byClass(book, 'day-picker__day').length, availability.days.length, 'one chip per bookable day')
  assert.deepEqual(
    byClass(book, 'slot-list__remaining').map(textOf),
    day.slots.map((s: any) => (s.remaining === 0 ? '已约满' : `剩余${s.remaining}个`)),
    'each slot shows the server’s remaining count',
  )

  const free = day.slots.findIndex((s: any) => s.remaining > 0)
  trigger(mp, book, byClass(book, 'slot-list__slot')[free], 'tap')
  await until(() => byClass(book, 'slot-list__slot--chosen').length === 1, 5_000).catch(() => {
    throw new Error(failure('tapping a slot did not choose it', book))
  })
  trigger(mp, book, nutButton(book, '确认预约'), 'tap')
  await until(() => navigations().some((c) => JSON.stringify(c.args).includes('packages/booking/pages/detail/index')), 10_000).catch(() => {
    throw new Error(failure('booking did not open the booking page', book))
  })
  const posted = mp.stub.requests.filter((r) => r.method === 'POST' && r.url === `${BAKED_API_BASE}/api/appointments`)
  assert.equal(posted.length, 1, 'one booking request')
  assert.equal(posted[0].sentTo, `${stack.apiUrl}/api/appointments`, 'the booking reached the test server')
  assert.equal(posted[0].status, 200)
  const sent = mp.stub.calls.filter((c) => c.api === 'request' && String((c.args as any).url).endsWith('/api/appointments')).at(-1)?.args as any
  const body = typeof sent.data === 'string' ? JSON.parse(sent.data) : sent.data
  assert.deepEqual(body, { slotId: day.slots[free].id }, 'the tapped slot was booked')

  const url = String((navigations().at(-1)?.args as any).url)
  const id = new URL(url, 'https://x').searchParams.get('id') ?? ''
  const booked = await api(stack, `/api/appointments/${id}`, { token: login.token })
  assert.equal(booked.status, 200, `GET /api/appointments/:id ${JSON.stringify(booked.body)}`)
  assert.equal(booked.body.status, 'booked')
  assert.equal(booked.body.startTime, day.slots[free].startTime)

  const detail = mp.openPage('packages/booking/pages/detail/index', { id })
  await until(() => byClass(detail, 'check-in-card__code').length === 1, 10_000).catch(() => {
    throw new Error(failure('the booking page never showed the check-in code', detail))
  })
  assert.equal(textOf(byClass(detail, 'check-in-card__code')[0]).replace(/\s/g, ''), booked.body.checkInCode)
  const qrRows = byClass(detail, 'qr-code__row')
  assert.ok(qrRows.length >= 21, `the QR code is drawn as rows of views (${qrRows.length})`)
  assert.ok(textOf(detail.data.root).includes(booked.body.matter.name), 'the matter is named')

  // 改约: to a slot on another day, in one step on the server.
  trigger(mp, detail, nutButton(detail, '改约'), 'tap')
  const rescheduleUrl = String((navigations().at(-1)?.args as any).url)
  assert.ok(rescheduleUrl.includes(`reschedule=${id}`), `改约 opens the booking page for this booking: ${rescheduleUrl}`)
  const query = Object.fromEntries(new URL(rescheduleUrl, 'https://x').searchParams)
  const move = mp.openPage('packages/booking/pages/book/index', query)
  await until(() => byClass(move, 'slot-list__slot').length > 0, 10_000).catch(() => {
    throw new Error(failure('the reschedule page never listed slots', move))
  })
  const otherDay = availability.days.findIndex((d: any) => d.date !== day.date && d.status === 'open' && d.remaining > 0)
  assert.ok(otherDay >= 0, 'another open day to move to')
  trigger(mp, move, byClass(move, 'day-picker__day')[otherDay], 'tap')
  const target = availability.days[otherDay].slots.findIndex((s: any) => s.remaining > 0)
  await until(() => textOf(byClass(move, 'day-picker__day--chosen')[0]).includes(`${Number(availability.days[otherDay].date.slice(8))}日`), 5_000)
  trigger(mp, move, byClass(move, 'slot-list__slot')[target], 'tap')
  await until(() => byClass(move, 'slot-list__slot--chosen').length === 1, 5_000)
  const before = navigations().length
  trigger(mp, move, nutButton(move, '确认改约'), 'tap')
  await until(() => navigations().length > before && JSON.stringify(navigations().at(-1)?.args).includes('packages/booking/pages/detail/index'), 10_000).catch(() => {
    throw new Error(failure('改约 did not open the new booking', move))
  })
  const moved = mp.stub.requests.filter((r) => r.method === 'POST' && r.url === `${BAKED_API_BASE}/api/appointments/${id}/reschedule`)
  assert.equal(moved.length, 1, 'one reschedule request')
  assert.equal(moved[0].status, 200)
  const newId = new URL(String((navigations().at(-1)?.args as any).url), 'https://x').searchParams.get('id') ?? ''
  const old = await api(stack, `/api/appointments/${id}`, { token: login.token })
  assert.equal(old.body.status, 'cancelled')
  assert.equal(old.body.rescheduledTo, newId, 'the old booking points to the new one')
  const fresh = await api(stack, `/api/appointments/${newId}`, { token: login.token })
  assert.equal(fresh.body.status, 'booked')
  assert.equal(fresh.body.date, availability.days[otherDay].date)
  assert.equal(fresh.body.startTime, availability.days[otherDay].slots[target].startTime)

  // 取消预约 on the new booking.
  const moveDetail = mp.openPage('packages/booking/pages/detail/index', { id: newId })
  await until(() => byClass(moveDetail, 'check-in-card__code').length === 1, 10_000).catch(() => {
    throw new Error(failure('the new booking never showed its check-in code', moveDetail))
  })
  await cancel(moveDetail, newId)
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})

async function cancel(detail: PageInstance, id: string): Promise<void> {
  trigger(mp, detail, nutButton(detail, '取消预约'), 'tap')
  await until(() => allNodes(detail.data.root).some((n) => /(^|\s)nut-button(\s|$)/.test(n.cl ?? '') && textOf(n).trim() === '确认取消预约'), 5_000).catch(() => {
    throw new Error(failure('取消预约 did not ask to confirm', detail))
  })
  trigger(mp, detail, nutButton(detail, '确认取消预约'), 'tap')
  await until(() => textOf(detail.data.root).includes('本人取消'), 10_000).catch(() => {
    throw new Error(failure('the cancelled booking was not shown', detail))
  })
  const cancelled = await api(stack, `/api/appointments/${id}`, { token: login.token })
  assert.equal(cancelled.body.status, 'cancelled', 'the server cancelled it')
  assert.equal(cancelled.body.cancelKind, 'citizen')
  assert.equal(byClass(detail, 'check-in-card__code').length, 0, 'no check-in code on a cancelled booking')
}

function byClass(page: PageInstance, className: string): RenderedNode[] {
  return allNodes(page.data.root).filter((n) => (n.cl ?? '').split(/\s+/).includes(className))
}

function navigations() {
  return mp.stub.calls.filter((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].includes(c.api))
}

/** A failure message with what the page shows and what the bundle did. */
function failure(message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 400) || '(nothing rendered)'}`,
    `  requests: ${mp.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  navigation: ${navigations().map((c) => `${c.api} ${JSON.stringify(c.args)}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp.stub.unknown].join(', ') || 'none'}`,
  ].join('\n')
}
