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
