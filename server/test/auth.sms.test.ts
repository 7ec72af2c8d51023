import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { json, signInByPhone, startTestApp, type TestApp } from './testApp'

let t: TestApp
before(async () => {
  // Small limits so each rule is reachable in a test.
  t = await startTestApp({ SMS_RESEND_SECONDS: '10', SMS_DAILY_LIMIT_PER_PHONE: '3', SMS_MAX_ATTEMPTS: '3', SMS_HOURLY_LIMIT_PER_CLIENT: '20' })
})
after(() => t.close())

const send = (phone: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone }, remoteAddress })
const login = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/sms', payload: { phone, code } })

/** Makes the newest code for a phone older, instead of waiting. */
const age = (phone: string, seconds: number) =>
  t.db.database.pool.query(
    `UPDATE sms_codes SET created_at = created_at - make_interval(secs => $2), expires_at = expires_at - make_interval(secs => $2) WHERE phone = $1`,
    [phone, seconds],
  )

describe('SMS sign-in: happy path', () => {
  test('a code sent through the SMS gateway signs in, and the profile masks the phone', async () => {
    const phone = '13800000001'
    const sent = await send(phone)
    assert.equal(sent.statusCode, 200)
    assert.deepEqual(sent.json(), { expiresInSeconds: 300, resendAfterSeconds: 10 })
    const message = t.sms.outbox.find((m) => m.phone === phone)!
    assert.match(message.text, /^【跑一次】您的验证码为\d{6}/)
    const res = await login(phone, t.sms.latestCode(phone)!)
    assert.equal(res.statusCode, 200)
    const session = res.json()
    assert.equal(session.profile.phoneMasked, '138****0001')
    assert.equal(session.profile.identityLevel, 'none')
    assert.ok(!JSON.stringify(session).includes(phone), 'the full phone is not sent back')
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${session.token}` } })
    assert.equal(me.json().id, session.profile.id)
  })

  test('signing in again by phone reaches the same account; sign-out ends the session', async () => {
    const a = await signInByPhone(t, '13800000002')
    await age('13800000002', 11)
    const b = await signInByPhone(t, '13800000002')
    const idA = json(await t.app.inject({ url: '/api/me', headers: a })).id
    const idB = json(await t.app.inject({ url: '/api/me', headers: b })).id
    assert.equal(idA, idB)
    const out = await t.app.inject({ method: 'DELETE', url: '/api/auth/session', headers: b })
    assert.equal(out.statusCode, 204)
    assert.equal((await t.app.inject({ url: '/api/me', headers: b })).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/api/me', headers: a })).statusCode, 200, 'other sessions live on')
  })
})

describe('SMS sign-in: errors', () => {
  test('a wrong code says how many tries are left, then too many attempts', async () => {
    const phone = '13800000003'
    await send(phone)
    const good = t.sms.latestCode(phone)!
    const wrong = good === '000000' ? '111111' : '000000'
    const first = await login(phone, wrong)
    assert.equal(first.statusCode, 400)
    assert.equal(first.json().field, 'code')
    assert.equal(first.json().message, '验证码不正确，还可以再试2次')
    await login(phone, wrong)
    const third = await login(phone, wrong)
    assert.equal(third.statusCode, 429)
    assert.equal(third.json().message, '验证码错误次数过多，请重新获取验证码')
    const evenRight = await login(phone, good)
    assert.equal(evenRight.statusCode, 429, 'the code is burnt after too many attempts')
  })

  test('an expired code and a never-sent code each get their own message', async () => {
    const phone = '13800000004'
    const none = await login(phone, '123456')
    assert.equal(none.json().message, '请先获取短信验证码')
    await send(phone)
    await age(phone, 301)
    const expired = await login(phone, t.sms.latestCode(phone)!)
    assert.equal(expired.statusCode, 400)
    assert.equal(expired.json().message, '验证码已过期，请重新获取')
  })

  test('a code is single-use, even when submitted twice at once', async () => {
    const phone = '13800000005'
    await send(phone)
    const code = t.sms.latestCode(phone)!
    const [a, b] = await Promise.all([login(phone, code), login(phone, code)])
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 400])
  })

  test('resending too soon, and past the daily limit, is refused with when to retry', async () => {
    const phone = '13800000006'
    assert.equal((await send(phone)).statusCode, 200)
    const soon = await send(phone)
    assert.equal(soon.statusCode, 429)
    assert.match(soon.json().message, /^验证码发送太频繁，请\d+秒后再试$/)
    await age(phone, 11)
    assert.equal((await send(phone)).statusCode, 200)
    await age(phone, 11)
    assert.equal((await send(phone)).statusCode, 200)
    await age(phone, 11)
    const daily = await send(phone)
    assert.equal(daily.statusCode, 429)
    assert.equal(daily.json().message, '该手机号今日获取验证码次数已达上限，请明天再试')
  })

  test('one client cannot spray codes at many phones', async () => {
    let last = 0
    for (let i = 0; i < 21; i++) last = (await send(`139000001${String(i).padStart(2, '0')}`, '10.9.9.9')).statusCode
    assert.equal(last, 429)
    assert.equal((await send('13900000199', '10.9.9.8')).statusCode, 200, 'another client is unaffected')
  })

  test('a malformed phone or code names the field before anything is sent', async () => {
    const before = t.sms.outbox.length
    const badPhone = await send('12345')
    assert.equal(badPhone.statusCode, 400)
    assert.deepEqual([badPhone.json().field, badPhone.json().message], ['phone', '请输入11位中国大陆手机号'])
    const badCode = await login('13800000001', '12ab')
    assert.deepEqual([badCode.json().field, badCode.json().message], ['code', '请输入6位数字验证码'])
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone: '13800000001', admin: true } })
    assert.equal(extra.json().field, 'admin')
    const broken = await t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: '{"phone":', headers: { 'content-type': 'application/json' } })
    assert.equal(broken.statusCode, 400)
    assert.equal(broken.json().message, '请求内容不是有效的 JSON')
    assert.equal(t.sms.outbox.length, before)
  })

  test('a gateway failure is reported and does not count against the citizen', async () => {
    const phone = '13800000007'
    t.sms.failNext('isv.BUSINESS_LIMIT_CONTROL')
    const failed = await send(phone)
    assert.equal(failed.statusCode, 502)
    assert.equal(failed.json().message, '短信发送失败，请稍后重试')
    assert.equal((await send(phone)).statusCode, 200, 'no resend wait after a failed send')
  })
})
