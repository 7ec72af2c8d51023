import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { json, signInByPhone, startTestApp, type TestApp } from './testApp'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const wechatLogin = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })
const bindPhone = (authorization: string, code: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/wechat/phone', payload: { code }, headers: { authorization } })

describe('WeChat sign-in', () => {
  test('a wx.login code is exchanged through jscode2session for a session; the same openid is the same account', async () => {
    const first = await wechatLogin(t.wechat.mintLoginCode('openid-alice'))
    assert.equal(first.statusCode, 200)
    assert.equal(first.json().profile.wechatLinked, true)
    assert.equal(first.json().profile.phoneMasked, null)
    assert.ok(!first.body.includes('openid-alice') && !first.body.toLowerCase().includes('session_key'))
    const again = await wechatLogin(t.wechat.mintLoginCode('openid-alice'))
    assert.equal(again.json().profile.id, first.json().profile.id)
  })

  test('a used or invented code is refused with a message to retry', async () => {
    const code = t.wechat.mintLoginCode('openid-bob')
    assert.equal((await wechatLogin(code)).statusCode, 200)
    const reused = await wechatLogin(code)
    assert.equal(reused.statusCode, 400)
    assert.equal(reused.json().message, '微信授权已失效，请重新操作')
    assert.equal((await wechatLogin('made-up-code')).statusCode, 400)
  })

  test("the phone button's code binds the verified phone through getuserphonenumber", async () => {
    const session = json(await wechatLogin(t.wechat.mintLoginCode('openid-carol')))
    const res = await bindPhone(`Bearer ${session.token}`, t.wechat.mintPhoneCode('13700000011'))
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().phoneMasked, '137****0011')
    assert.equal(res.json().wechatLinked, true)
  })

  test('binding a phone that already has an app account joins the two into one', async () => {
    const app = await signInByPhone(t, '13700000012')
    const appId = json(await t.app.inject({ url: '/api/me', headers: app })).id
    const wx = json(await wechatLogin(t.wechat.mintLoginCode('openid-dave')))
    const bound = await bindPhone(`Bearer ${wx.token}`, t.wechat.mintPhoneCode('13700000012'))
    assert.equal(bound.statusCode, 200)
    assert.equal(bound.json().id, appId, 'the WeChat login moved onto the existing account')
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${wx.token}` } })
    assert.equal(me.json().id, appId, 'the WeChat session follows')
    const later = json(await wechatLogin(t.wechat.mintLoginCode('openid-dave')))
    assert.equal(later.profile.id, appId)
  })

  test('a phone bound to another WeChat account is refused', async () => {
    const one = json(await wechatLogin(t.wechat.mintLoginCode('openid-erin')))
    await bindPhone(`Bearer ${one.token}`, t.wechat.mintPhoneCode('13700000013'))
    const two = json(await wechatLogin(t.wechat.mintLoginCode('openid-frank')))
    const res = await bindPhone(`Bearer ${two.token}`, t.wechat.mintPhoneCode('13700000013'))
    assert.equal(res.statusCode, 409)
    assert.match(res.json().message, /已绑定其他微信账号/)
  })

  test('binding a phone needs a citizen session', async () => {
    const res = await bindPhone('Bearer nonsense-token-that-is-long-enough', t.wechat.mintPhoneCode('13700000014'))
    assert.equal(res.statusCode, 401)
  })

  test('WeChat being down is a 502 with a message, not a crash', async () => {
    t.wechat.failNext('/sns/jscode2session', -1, 'system error')
    const res = await wechatLogin(t.wechat.mintLoginCode('openid-gina'))
    assert.equal(res.statusCode, 502)
    assert.equal(res.json().message, '微信服务暂时不可用，请稍后重试')
  })
})
