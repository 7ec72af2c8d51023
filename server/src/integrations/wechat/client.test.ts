import { after, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startWechatSimulator, type WechatSimulator } from '../../../../mock/wechat/simulator'
import { WechatApiError, WechatClient, type WechatClientOptions } from './client'

const APP = { appId: 'wx1234567890abcdef', appSecret: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4' }
const OPENID = 'oTestUser000000000000000001'

describe('WechatClient against the WeChat simulator', () => {
  let sim: WechatSimulator
  let simNow = Date.now()
  let clientNow = Date.now()
  const client = (over: Partial<WechatClientOptions> = {}) =>
    new WechatClient({ baseUrl: sim.url, ...APP, now: () => clientNow, ...over })
  const calls = (path: string) => sim.requestLog.filter((r) => r.path === path).length
  const rejection = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    )
    assert.ok(err instanceof WechatApiError, `expected WechatApiError, got ${String(err)}`)
    return err
  }

  before(async () => {
    sim = await startWechatSimulator({ ...APP, now: () => simNow })
  })
  after(() => sim.close())
  beforeEach(() => {
    simNow = Date.now()
    clientNow = Date.now()
    sim.requestLog.length = 0
  })

  describe('code2Session', () => {
    test('returns the openid the login code was minted for, and a session key', async () => {
      const session = await client().code2Session(sim.mintLoginCode(OPENID))
      assert.equal(session.openid, OPENID)
      assert.equal(session.unionid, null)
      assert.equal(Buffer.from(session.sessionKey, 'base64').length, 16)
    })

    test('returns the unionid when the user has one', async () => {
      const session = await client().code2Session(sim.mintLoginCode(OPENID, { unionid: 'oUnion0001' }))
      assert.equal(session.unionid, 'oUnion0001')
    })

    test('a code without an openid belongs to one stable default user', async () => {
      const res = await fetch(`${sim.url}/__sim/login-codes`, { method: 'POST', body: '{}' })
      const minted = (await res.json()) as { code: string; openid: string }
      assert.match(minted.openid, /^o[\w-]{27}$/)
      assert.equal((await client().code2Session(minted.code)).openid, minted.openid)
      assert.equal((await client().code2Session(sim.mintLoginCode())).openid, minted.openid)
    })

    test('a code works once: the second exchange fails with 40163', async () => {
      const code = sim.mintLoginCode(OPENID)
      await client().code2Session(code)
      assert.equal((await rejection(client().code2Session(code))).errcode, 40163)
    })

    test('an unknown code and a code older than 5 minutes fail with 40029', async () => {
      assert.equal((await rejection(client().code2Session('not-a-real-code'))).errcode, 40029)
      const code = sim.mintLoginCode(OPENID)
      simNow += 5 * 60 * 1000 + 1000
      assert.equal((await rejection(client().code2Session(code))).errcode, 40029)
    })

    test('a wrong appid fails with 40013 and a wrong secret with 40125, neither echoing the secret', async () => {
      const wrongApp = await rejection(client({ appId: 'wx0000000000000000' }).code2Session(sim.mintLoginCode()))
      assert.equal(wrongApp.errcode, 40013)
      const wrongSecret = await rejection(client({ appSecret: 'ffffffffffffffffffffffffffffffff' }).code2Session(sim.mintLoginCode()))
      assert.equal(wrongSecret.errcode, 40125)
      assert.doesNotMatch(wrongSecret.message, /ffffffff/)
      assert.equal(wrongSecret.endpoint, '/sns/jscode2session')
    })
  })

  describe('getPhoneNumber', () => {
    test('returns the verified phone for a phone code, which is single-use', async () => {
      const code = sim.mintPhoneCode('13812345678')
      const wechat = client()
      assert.deepEqual(await wechat.getPhoneNumber(code), {
        phoneNumber: '13812345678',
        purePhoneNumber: '13812345678',
        countryCode: '86',
      })
      const reused = await rejection(wechat.getPhoneNumber(code))
      assert.equal(reused.errcode, 40163)
      assert.doesNotMatch(reused.message, /13812345678/)
    })
  })

  describe('access token', () => {
    test('is fetched once and reused while fresh', async () => {
      const wechat = client()
      const first = await wechat.getAccessToken()
      // expires_in may be 7199 when the simulator's token is a second old.
      clientNow += 2 * 60 * 60 * 1000 - 5 * 60 * 1000 - 10_000
      assert.equal(await wechat.getAccessToken(), first)
      assert.equal(calls('/cgi-bin/stable_token'), 1)
    })

    test('is refetched from 5 minutes before it expires', async () => {
      const wechat = client()
      await wechat.getAccessToken()
      clientNow += 2 * 60 * 60 * 1000 - 5 * 60 * 1000 + 1000
      await wechat.getAccessToken()
      assert.equal(calls('/cgi-bin/stable_token'), 2)
    })

    test('concurrent callers share one request', async () => {
      const wechat = client()
      const tokens = await Promise.all(Array.from({ length: 8 }, () => wechat.getAccessToken()))
      assert.equal(new Set(tokens).size, 1)
      assert.equal(calls('/cgi-bin/stable_token'), 1)
    })

    test('bad credentials fail with 40013 / 40125 and nothing is cached', async () => {
      const wrong = client({ appSecret: 'wrong' })
      assert.equal((await rejection(wrong.getAccessToken())).errcode, 40125)
      assert.equal((await rejection(wrong.getAccessToken())).errcode, 40125)
      assert.equal(calls('/cgi-bin/stable_token'), 2)
      assert.equal((await rejection(client({ appId: 'wxwrong' }).getAccessToken())).errcode, 40013)
    })

    test('an expired token (42001) is refreshed once and the call retried', async () => {
      const wechat = client()
      const stale = await wechat.getAccessToken()
      simNow += 7200 * 1000 // WeChat's clock runs past expiry while ours still trusts the token
      const phone = await wechat.getPhoneNumber(sim.mintPhoneCode('13900001111'))
      assert.equal(phone.purePhoneNumber, '13900001111')
      assert.notEqual(await wechat.getAccessToken(), stale)
      assert.equal(calls('/cgi-bin/stable_token'), 2)
      assert.equal(calls('/wxa/business/getuserphonenumber'), 2)
    })

    test('a token invalidated elsewhere (40001) is refreshed once and the call retried', async () => {
      const wechat = client()
      await wechat.getAccessToken()
      sim.invalidateAccessTokens()
      await wechat.sendSubscribeMessage({ toUser: OPENID, templateId: 'TPL', data: { thing1: { value: '办结' } } })
      assert.equal(calls('/cgi-bin/stable_token'), 2)
      assert.equal(calls('/cgi-bin/message/subscribe/send'), 2)
    })

    test('a token error that persists after one refresh is thrown, not retried forever', async () => {
      sim.failNext('/cgi-bin/message/subscribe/send', 40001, 'invalid credential', 2)
      const err = await rejection(client().sendSubscribeMessage({ toUser: OPENID, templateId: 'TPL', data: { a: { value: 'x' } } }))
      assert.equal(err.errcode, 40001)
      assert.equal(calls('/cgi-bin/message/subscribe/send'), 2)
      assert.equal(calls('/cgi-bin/stable_token'), 2)
    })

    test('other errors are not retried', async () => {
      sim.failNext('/cgi-bin/message/subscribe/send', 43101, 'user refuse to accept the msg')
      const err = await rejection(client().sendSubscribeMessage({ toUser: OPENID, templateId: 'TPL', data: { a: { value: 'x' } } }))
      assert.equal(err.errcode, 43101)
      assert.equal(calls('/cgi-bin/message/subscribe/send'), 1)
    })
  })

  describe('sendSubscribeMessage', () => {
    test('delivers the message with its fields as WeChat names them', async () => {
      sim.subscribeMessages.length = 0
      await client().sendSubscribeMessage({
        toUser: OPENID,
        templateId: 'tpl-case-done',
        page: 'packages/case/pages/detail?id=42',
        data: { thing1: { value: '不动产登记' }, phrase2: { value: '已办结' } },
        miniprogramState: 'trial',
      })
      const res = await fetch(`${sim.url}/__sim/subscribe-messages`)
      const [message] = (await res.json()) as WechatSimulator['subscribeMessages']
      assert.equal(message.toUser, OPENID)
      assert.equal(message.templateId, 'tpl-case-done')
      assert.equal(message.page, 'packages/case/pages/detail?id=42')
      assert.equal(message.miniprogramState, 'trial')
      assert.deepEqual(message.data, { thing1: { value: '不动产登记' }, phrase2: { value: '已办结' } })
    })

    test('an empty data field is refused with 47003', async () => {
      const err = await rejection(client().sendSubscribeMessage({ toUser: OPENID, templateId: 'TPL', data: {} }))
      assert.equal(err.errcode, 47003)
    })
  })
})

describe('WechatClient transport failures', () => {
  test('a server that never answers times out as errcode -1, without the secret in the message', async () => {
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const wechat = new WechatClient({ baseUrl: `http://127.0.0.1:${port}`, ...APP, timeoutMs: 100 })
      const err = await wechat.code2Session('code').then(
        () => assert.fail('expected a rejection'),
        (e: unknown) => e,
      )
      assert.ok(err instanceof WechatApiError)
      assert.equal(err.errcode, -1)
      assert.equal(err.errmsg, 'timeout')
      assert.doesNotMatch(err.message, new RegExp(APP.appSecret))
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})
