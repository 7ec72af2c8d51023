// Protocol details the server's client does not exercise on its own.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startWechatSimulator, type WechatSimulator } from './simulator'

const APP = { appId: 'wxsimtest0000001', appSecret: 'simsecret' }
let sim: WechatSimulator

before(async () => {
  sim = await startWechatSimulator(APP)
})
after(() => sim.close())

const post = async (path: string, body: string) =>
  (await (await fetch(`${sim.url}${path}`, { method: 'POST', body })).json()) as Record<string, unknown>
const stableToken = (forceRefresh: boolean) =>
  post('/cgi-bin/stable_token', JSON.stringify({ grant_type: 'client_credential', appid: APP.appId, secret: APP.appSecret, force_refresh: forceRefresh }))

test('normal mode returns the same token; force_refresh replaces it and the old one stops working', async () => {
  const first = await stableToken(false)
  const again = await stableToken(false)
  assert.equal(again.access_token, first.access_token)
  assert.ok(Number(first.expires_in) > 7190 && Number(first.expires_in) <= 7200)

  const forced = await stableToken(true)
  assert.notEqual(forced.access_token, first.access_token)
  const phoneCode = sim.mintPhoneCode('13800000000')
  const withOld = await post(`/wxa/business/getuserphonenumber?access_token=${first.access_token}`, JSON.stringify({ code: phoneCode }))
  assert.equal(withOld.errcode, 40001)
  const withNew = await post(`/wxa/business/getuserphonenumber?access_token=${forced.access_token}`, JSON.stringify({ code: phoneCode }))
  assert.equal(withNew.errcode, 0)
  assert.equal((withNew.phone_info as { watermark: { appid: string } }).watermark.appid, APP.appId)
})

test('errors carry a rid like the real API, a missing token is 41001 and a non-JSON body 47001', async () => {
  const missing = await post('/cgi-bin/message/subscribe/send', '{}')
  assert.equal(missing.errcode, 41001)
  assert.match(String(missing.errmsg), /^access_token missing rid: \w+$/)
  assert.equal((await post('/cgi-bin/stable_token', 'not json')).errcode, 47001)
})

test('/__sim/phone-codes refuses something that is not a mobile number', async () => {
  const res = await fetch(`${sim.url}/__sim/phone-codes`, { method: 'POST', body: JSON.stringify({ phone: '12' }) })
  assert.equal(res.status, 400)
  const ok = await post('/__sim/phone-codes', JSON.stringify({ phone: '13800000000' }))
  assert.match(String(ok.code), /^[0-9a-f]{64}$/)
})

test('GET /cgi-bin/token issues a fresh 7200 s token each time; the previous one works 5 more minutes, then 40001/42001', async () => {
  let clock = Date.now()
  const timed = await startWechatSimulator({ ...APP, now: () => clock })
  try {
    const get = async (path: string) => (await (await fetch(`${timed.url}${path}`)).json()) as Record<string, unknown>
    const token = (appid = APP.appId, secret = APP.appSecret) =>
      get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`)
    assert.equal((await token(APP.appId, 'wrong')).errcode, 40125)
    assert.equal((await token('wxother', APP.appSecret)).errcode, 40013)
    const first = await token()
    assert.equal(first.expires_in, 7200)
    const second = await token()
    assert.notEqual(second.access_token, first.access_token)
    const use = async (value: unknown) =>
      (await (await fetch(`${timed.url}/cgi-bin/message/subscribe/send?access_token=${value}`, {
        method: 'POST',
        body: JSON.stringify({ touser: 'o1', template_id: 'T', data: { thing1: { value: '办结' } } }),
      })).json()) as Record<string, unknown>
    assert.equal((await use(first.access_token)).errcode, 0, 'the old token overlaps for 5 minutes')
    clock += 5 * 60 * 1000
    assert.equal((await use(first.access_token)).errcode, 42001)
    assert.equal((await use(second.access_token)).errcode, 0)
    clock += 7200 * 1000
    assert.equal((await use(second.access_token)).errcode, 42001, 'tokens really expire')
  } finally {
    await timed.close()
  }
})

test('with registered templates: 40037 for an unknown one, 47003 for bad data, 43101 without a subscription, one message per acceptance', async () => {
  const strict = await startWechatSimulator({ ...APP, subscribeTemplates: { TPL_OK: ['thing1', 'phrase2'] } })
  try {
    const { access_token: token } = (await (
      await fetch(`${strict.url}/cgi-bin/stable_token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credential', appid: APP.appId, secret: APP.appSecret }),
      })
    ).json()) as { access_token: string }
    const send = async (body: object) =>
      Number(((await (await fetch(`${strict.url}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) })).json()) as { errcode: number }).errcode)
    const good = { touser: 'o-user', template_id: 'TPL_OK', data: { thing1: { value: '营业执照' }, phrase2: { value: '已办结' } } }
    assert.equal(await send({ ...good, template_id: 'TPL_OTHER' }), 40037)
    assert.equal(await send({ ...good, data: { thing1: { value: '营业执照' } } }), 47003, 'a keyword missing')
    assert.equal(await send({ ...good, data: { ...good.data, thing1: { value: '一'.repeat(21) } } }), 47003, 'thing over 20')
    assert.equal(await send({ ...good, data: { ...good.data, phrase2: { value: 'done' } } }), 47003, 'phrase not Chinese')
    assert.equal(await send(good), 43101, 'never subscribed')

    const tap = await fetch(`${strict.url}/__sim/subscriptions`, { method: 'POST', body: JSON.stringify({ openid: 'o-user', templateIds: ['TPL_OK'] }) })
    assert.equal(tap.status, 200)
    assert.equal(strict.subscriptionQuota('o-user', 'TPL_OK'), 1)
    assert.equal(await send(good), 0)
    assert.equal(await send(good), 43101, 'a one-time subscription gives exactly one message')
    const mine = (await (await fetch(`${strict.url}/__sim/subscribe-messages?touser=o-user`)).json()) as unknown[]
    assert.equal(mine.length, 1)
    assert.equal(((await (await fetch(`${strict.url}/__sim/subscribe-messages?touser=someone-else`)).json()) as unknown[]).length, 0)
  } finally {
    await strict.close()
  }
})
