/**
 * Abuse limits (issue 9): sign-in, anonymous lookup, uploads and payment
 * starts are limited per client (address) and per target (phone, account,
 * citizen, case number, fee order), in the shared database. For each action:
 * the client limit refuses another target, the target limit refuses another
 * client, others pass, the refusal says what and when (message and
 * Retry-After), and the window passing lets the user in again. Time moves by
 * shifting the counter rows back, not by sleeping. Two API instances on one
 * database share the counts.
 */
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { loadConfig, ConfigError } from '../src/config'
import { clientKeyOf } from '../src/services/cases/caseLookup'
import { counterKeyOf, type LimitRule } from '../src/services/limits/rateLimiter'
import { newCitizen } from './appointmentsHelpers'
import { citizenCase, issueOrder, startPay } from './paymentsHelpers'
import { JPEG, draft, matterIdOf, multipart } from './prereviewHelpers'
import { startTestApp, type TestApp } from './testApp'

let t: TestApp
let second: TestApp
const sql = (text: string, params: unknown[] = []) => t.db.database.pool.query(text, params)

before(async () => {
  // Small SMS settings make the per-client sign-in limit 5 × 2 = 10 tries an hour.
  const env = { SMS_HOURLY_LIMIT_PER_CLIENT: '5', SMS_MAX_ATTEMPTS: '2', LOOKUP_MAX_FAILURES: '3', LOOKUP_HOURLY_LIMIT_PER_CLIENT: '4', TRUST_PROXY: '10.99.0.0/16' }
  t = await startTestApp(env)
  second = await startTestApp({ ...env, PAYMENT_START_HOURLY_LIMIT: '2' }, {}, { sharedDatabase: t.db })
})
after(async () => {
  await second.close()
  await t.close()
})

let clientSeq = 0
/** A fresh client address per call. */
const newClient = () => `10.${20 + Math.floor(++clientSeq / 250)}.${clientSeq % 250}.7`
let phoneSeq = 0
const newPhone = () => `1359${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSeq).padStart(4, '0')}`

/** Sets a counter of the current window (and of the next few seconds', should the window turn meanwhile) to `count`. */
async function setCount(rule: LimitRule, subject: string, count: number): Promise<void> {
  for (const ahead of [0, 5]) {
    await sql(
      `INSERT INTO rate_limit_counters (key, window_start, count)
       VALUES ($1, to_timestamp(floor((extract(epoch from now())::float8 + $3) / $2) * $2), $4)
       ON CONFLICT (key, window_start) DO UPDATE SET count = EXCLUDED.count`,
      [counterKeyOf(rule, subject), rule.windowSeconds, ahead, count],
    )
  }
}

/** The windows pass: every counter moves a day into the past. */
const windowsPass = () => sql(`UPDATE rate_limit_counters SET window_start = window_start - interval '1 day'`)

/** A 429 in the API's error shape whose message and Retry-After agree. */
function assertRefused(res: LightMyRequestResponse, what: string, maxSeconds: number): number {
  assert.equal(res.statusCode, 429, res.body)
  const body = res.json()
  assert.equal(body.error, 'Too Many Requests')
  assert.equal(body.statusCode, 429)
  const m = new RegExp(`^${what}，请(\\d+)(秒|分钟|小时)后再试$`).exec(body.message)
  assert.ok(m, `message: ${body.message}`)
  const retryAfter = Number(res.headers['retry-after'])
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= maxSeconds, `Retry-After ${res.headers['retry-after']}`)
  const unit = { 秒: 1, 分钟: 60, 小时: 3600 }[m[2] as '秒' | '分钟' | '小时']
  assert.equal(Number(m[1]), Math.ceil(retryAfter / unit), 'the message says the same wait as Retry-After')
  return retryAfter
}

const smsSignIn = (app: TestApp, phone: string, remoteAddress: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/sms', payload: { phone, code: '000000' }, remoteAddress })

describe('SMS code sign-in', () => {
  test('per client: 10 tries an hour, then another phone is refused too; another client passes; the next window lets it in', async () => {
    const client = newClient()
    for (let i = 0; i < 10; i++) assert.equal((await smsSignIn(t, newPhone(), client)).statusCode, 400, 'no code was requested: 400, not limited')
    assertRefused(await smsSignIn(t, newPhone(), client), '登录尝试过于频繁', 3600)
    assert.equal((await smsSignIn(t, newPhone(), newClient())).statusCode, 400, 'another client is not affected')
    await windowsPass()
    assert.equal((await smsSignIn(t, newPhone(), client)).statusCode, 400, 'a new window')
  })

  test('per phone: 20 tries an hour from any number of clients, then a fresh client is refused on that phone only', async () => {
    const phone = newPhone()
    for (let i = 0; i < 20; i++) assert.equal((await smsSignIn(t, phone, newClient())).statusCode, 400)
    assertRefused(await smsSignIn(t, phone, newClient()), '登录尝试过于频繁', 3600)
    assert.equal((await smsSignIn(t, newPhone(), newClient())).statusCode, 400, 'another phone is not affected')
    await windowsPass()
    assert.equal((await smsSignIn(t, phone, newClient())).statusCode, 400)
  })

  test('sending codes keeps its own limits, now with Retry-After', async () => {
    const phone = newPhone()
    const client = newClient()
    const send = (p: string, c: string) => t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone: p }, remoteAddress: c })
    assert.equal((await send(phone, client)).statusCode, 200)
    assertRefused(await send(phone, newClient()), '验证码发送太频繁', 60)
    // Per client: 5 codes an hour (this test app), whichever phones.
    for (let i = 0; i < 4; i++) assert.equal((await send(newPhone(), client)).statusCode, 200)
    assertRefused(await send(newPhone(), client), '获取验证码过于频繁', 3600)
    assert.equal((await send(newPhone(), newClient())).statusCode, 200, 'another client is not affected')
  })
})

describe('WeChat and staff sign-in', () => {
  test('WeChat sign-in: 120 per client per 10 minutes', async () => {
    const limits = t.app.services.limits.rules
    const client = newClient()
    await setCount(limits.wechatSignInPerClient, clientKeyOf(client), 120)
    const wechat = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'bogus-code' }, remoteAddress })
    assertRefused(await wechat(client), '登录过于频繁', 600)
    const other = await wechat(newClient())
    assert.notEqual(other.statusCode, 429, 'another client reaches WeChat')
    await windowsPass()
    assert.notEqual((await wechat(client)).statusCode, 429)
  })

  test('staff password: 60 tries per client per 10 minutes across accounts; per account the lockout holds from any client', async () => {
    const limits = t.app.services.limits.rules
    const client = newClient()
    const signIn = (username: string, password: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password }, remoteAddress })
    await setCount(limits.staffSignInPerClient, clientKeyOf(client), 59)
    assert.equal((await signIn('nobody.here', 'wrong-password', client)).statusCode, 401, 'the 60th try is answered')
    assertRefused(await signIn('scjg.window', 'Paoyici@2026', client), '登录尝试过于频繁', 600)
    assert.equal((await signIn('scjg.window', 'Paoyici@2026', newClient())).statusCode, 200, 'another client signs in')

    // Per account: five wrong passwords from five addresses lock the account (423) even for a sixth address.
    const { rows } = await sql(`SELECT username FROM staff WHERE username <> 'scjg.window' ORDER BY username LIMIT 1`)
    const account = rows[0].username as string
    for (let i = 0; i < 5; i++) assert.ok([401, 423].includes((await signIn(account, 'wrong-password', newClient())).statusCode))
    assert.equal((await signIn(account, 'Paoyici@2026', newClient())).statusCode, 423)
    await sql(`UPDATE staff SET locked_until = NULL, failed_logins = 0 WHERE username = $1`, [account])

    await windowsPass()
    assert.equal((await signIn('scjg.window', 'Paoyici@2026', client)).statusCode, 200)
  })
})

describe('anonymous case lookup', () => {
  const lookup = (number: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/cases/lookup', payload: { number, password: '000000' }, remoteAddress })

  test('per case number: 3 failures lock the number for any client, with Retry-After; other numbers pass', async () => {
    const number = `SCJG-${randomUUID().slice(0, 8).toUpperCase()}`
    for (let i = 0; i < 3; i++) assert.equal((await lookup(number, newClient())).statusCode, 404)
    assertRefused(await lookup(number, newClient()), '查询失败次数过多', 30 * 60)
    assert.equal((await lookup(`${number}X`, newClient())).statusCode, 404, 'another number is not affected')
    await sql(`UPDATE lookup_guards SET locked_until = now() - interval '1 second'`)
    assert.equal((await lookup(number, newClient())).statusCode, 404, 'the lock ends')
  })

  test('per client: 4 failures an hour, then another number is refused too; another client passes', async () => {
    const client = newClient()
    for (let i = 0; i < 4; i++) assert.equal((await lookup(`NO-${randomUUID().slice(0, 6)}`, client)).statusCode, 404)
    const refused = await lookup(`NO-${randomUUID().slice(0, 6)}`, client)
    assert.equal(refused.statusCode, 429)
    assert.equal(refused.json().message, '查询过于频繁，请一小时后再试')
    const retryAfter = Number(refused.headers['retry-after'])
    assert.ok(retryAfter >= 1 && retryAfter <= 3600, 'Retry-After: until the clock hour ends')
    assert.equal((await lookup(`NO-${randomUUID().slice(0, 6)}`, newClient())).statusCode, 404)
    await sql(`UPDATE lookup_client_counts SET window_start = window_start - interval '1 day'`)
    assert.equal((await lookup(`NO-${randomUUID().slice(0, 6)}`, client)).statusCode, 404)
  })
})

describe('uploads', () => {
  const pageUrl = (prereviewId: string, slotKey: string) => `/api/prereviews/${prereviewId}/materials/${slotKey}/files`
  const upload = (url: string, who: { authorization: string }, remoteAddress: string) => {
    const { body, contentType } = multipart([{ name: 'file', data: JPEG(), filename: 'page.jpg', contentType: 'image/jpeg' }])
    return t.app.inject({ method: 'POST', url, headers: { ...who, 'content-type': contentType }, payload: body, remoteAddress })
  }

  test('a citizen attaching 30 pages in a few minutes is never limited', async () => {
    const who = await newCitizen(t)
    const d = await draft(t, who, { kind: 'matter', matterId: await matterIdOf(t, 'individual-business-registration') })
    const client = newClient()
    for (let i = 0; i < 30; i++) {
      const res = await upload(pageUrl(d.id, d.materials[i % d.materials.length].slot.key), who, client)
      assert.equal(res.statusCode, 201, `page ${i + 1}: ${res.body}`)
    }
  })

  test('pre-review pages: 120 per citizen and 300 per client per 10 minutes', async () => {
    const rules = t.app.services.limits.rules
    const [busy, other, third] = [await newCitizen(t), await newCitizen(t), await newCitizen(t)]
    const url = pageUrl(randomUUID(), randomUUID())
    // Per citizen: refused from any client; another citizen passes (404: no such pre-review).
    await setCount(rules.prereviewPagePerCitizen, busy.id, 120)
    assertRefused(await upload(url, busy, newClient()), '上传过于频繁', 600)
    assert.equal((await upload(url, other, newClient())).statusCode, 404)
    // Per client: another citizen from that address is refused; from elsewhere passes.
    const client = newClient()
    await setCount(rules.prereviewPagePerClient, clientKeyOf(client), 300)
    assertRefused(await upload(url, third, client), '上传过于频繁', 600)
    assert.equal((await upload(url, third, newClient())).statusCode, 404)
    await windowsPass()
    assert.equal((await upload(url, busy, client)).statusCode, 404, 'the next window')
  })

  test('complaint photos: 30 per citizen and 100 per client per 10 minutes', async () => {
    const rules = t.app.services.limits.rules
    const photo = (who: { authorization: string }, remoteAddress: string) => upload('/api/complaints/photos', who, remoteAddress)
    const [busy, other] = [await newCitizen(t), await newCitizen(t)]
    await setCount(rules.complaintPhotoPerCitizen, busy.id, 30)
    assertRefused(await photo(busy, newClient()), '上传照片过于频繁', 600)
    assert.equal((await photo(other, newClient())).statusCode, 201)
    const client = newClient()
    await setCount(rules.complaintPhotoPerClient, clientKeyOf(client), 100)
    assertRefused(await photo(other, client), '上传照片过于频繁', 600)
    await windowsPass()
    assert.equal((await photo(busy, client)).statusCode, 201)
  })
})

describe('payment starts', () => {
  test('5 starts per fee order per 10 minutes from any client; the citizen’s other order passes; 100 per client', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const [order, otherOrder] = [await issueOrder(t, staff, caseId), await issueOrder(t, staff, caseId)]
    const pay = (orderId: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: `/api/payments/${orderId}/pay`, headers: citizen, payload: { method: 'native' }, remoteAddress })
    for (let i = 0; i < 5; i++) assert.equal((await pay(order.id, newClient())).statusCode, 200)
    assertRefused(await pay(order.id, newClient()), '该缴款单发起支付过于频繁', 600)
    assert.equal((await pay(otherOrder.id, newClient())).statusCode, 200, 'another order is not affected')

    const client = newClient()
    await setCount(t.app.services.limits.rules.paymentStartPerClient, clientKeyOf(client), 100)
    assertRefused(await pay(otherOrder.id, client), '发起支付过于频繁', 600)
    await windowsPass()
    assert.equal((await pay(order.id, client)).statusCode, 200, 'the next window')
    assert.equal((await startPay(t, citizen, order.id, 'native')).statusCode, 200)
  })

  test('the hourly start limit per citizen (PAYMENT_START_HOURLY_LIMIT, 2 on the second instance) answers with Retry-After', async () => {
    const { caseId, citizen, staff } = await citizenCase(t)
    const order = await issueOrder(t, staff, caseId)
    let refused: LightMyRequestResponse | null = null
    // Switching method opens a new WeChat Pay order each time: the third such start is over the citizen's limit.
    for (const method of ['native', 'h5', 'native', 'h5'] as const) {
      const res = await startPay(second, citizen, order.id, method)
      if (res.statusCode === 429) {
        refused = res
        break
      }
      assert.equal(res.statusCode, 200, res.body)
    }
    assert.ok(refused, 'the citizen limit refused a start')
    assert.match(refused.json().message, /^发起支付过于频繁（每小时最多2次），请于\d{2}:\d{2}后再试$/)
    const retryAfter = Number(refused.headers['retry-after'])
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 3000 && retryAfter <= 3600, `Retry-After ${refused.headers['retry-after']}`)
  })
})

describe('across instances, behind the proxy, and the setting', () => {
  test('two API instances on one database share the counts', async () => {
    const client = newClient()
    for (let i = 0; i < 5; i++) assert.equal((await smsSignIn(t, newPhone(), client)).statusCode, 400)
    for (let i = 0; i < 5; i++) assert.equal((await smsSignIn(second, newPhone(), client)).statusCode, 400)
    assertRefused(await smsSignIn(t, newPhone(), client), '登录尝试过于频繁', 3600)
    assertRefused(await smsSignIn(second, newPhone(), client), '登录尝试过于频繁', 3600)
  })

  test('behind a trusted proxy the client is the X-Forwarded-For address; from elsewhere the header is ignored', async () => {
    const limited = newClient()
    const rules = t.app.services.limits.rules
    await setCount(rules.staffSignInPerClient, clientKeyOf(limited), 60)
    const signIn = (remoteAddress: string, forwardedFor: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username: 'nobody.here', password: 'x' }, remoteAddress, headers: { 'x-forwarded-for': forwardedFor } })
    assert.equal((await signIn('10.99.0.1', limited)).statusCode, 429, 'the proxy (10.99.0.0/16) forwards the limited client')
    assert.equal((await signIn('10.99.0.1', newClient())).statusCode, 401, 'another client through the same proxy')
    assert.equal((await signIn(newClient(), limited)).statusCode, 401, 'a client that is not a trusted proxy cannot claim another address')
  })

  test('TRUST_PROXY accepts nothing, a hop count or addresses/CIDRs, and refuses anything else at boot', () => {
    for (const ok of ['', '1', '2', '10.0.0.1', '10.0.0.0/8, 192.168.1.5', '::1,fd00::/8', 'loopback,10.1.0.0/16']) {
      assert.doesNotThrow(() => loadConfig({ TRUST_PROXY: ok }), ok)
    }
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: bad }), (e: unknown) => e instanceof ConfigError && /TRUST_PROXY/.test((e as Error).message), bad)
    }
  })

  test('counter keys hold no address or phone number', async () => {
    const { rows } = await sql(`SELECT key FROM rate_limit_counters`)
    assert.ok(rows.length > 0)
    for (const { key } of rows) assert.match(key, /^[0-9a-f]{64}$/)
  })

  test('housekeeping removes spent windows', async () => {
    const { removeSpentRecords } = await import('../src/services/housekeeping')
    await windowsPass()
    await removeSpentRecords(t.db.database.db)
    assert.equal((await sql(`SELECT count(*)::int AS n FROM rate_limit_counters`)).rows[0].n, 0)
  })
})
