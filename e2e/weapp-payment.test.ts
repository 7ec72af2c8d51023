/**
 * 缴费 in the compiled mini-program (dist/weapp) in Node with a stub `wx`,
 * against the real API and the WeChat Pay simulator. A citizen signed in with
 * WeChat (openid) opens a fee order and taps 立即缴费: the bundle asks the
 * server to start a JSAPI payment and hands `wx.requestPayment` exactly the
 * server-signed params, whose paySign verifies with the merchant's public key
 * (and fails once tampered). The stub's pay sheet hands them to the
 * simulator's /__sim/request-payment, which checks them again and pays; the
 * bundle then reads the order from the server (paid) and opens the result.
 */
import assert from 'node:assert/strict'
import { createPublicKey, createVerify } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { TEST_MERCHANT_PUBLIC_KEY_PEM } from '../server/src/integrations/wechatpay/testKeys'
import { allNodes, loadMiniProgram, textOf, trigger, until, type MiniProgram, type PageInstance } from './support/miniProgram'
import { acceptedCase, issueFee, TEST_APPID, windowClerk } from './support/payments'
import { api, startStack, weappDist, type Stack } from './support/stack'

const BAKED_API_BASE = 'http://127.0.0.1:8787'
const PHONE = '13912340088'
const OPENID = 'openid-payment-smoke'
const APPLICANT = { name: '孙缴费', idNumber: '110105198001010016', phone: PHONE }

let stack: Stack
let mp: MiniProgram | undefined
let session: { token: string; expiresAt: string }
let orderId = ''
let amountFen = 0

/** What the WeChat client checks before it shows the pay sheet (RSA-SHA256 over appId, timeStamp, nonceStr, package). */
function paySignValid(p: Record<string, unknown>, appId: string): boolean {
  return createVerify('sha256WithRSAEncryption')
    .update(`${appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, 'utf8')
    .verify(createPublicKey(TEST_MERCHANT_PUBLIC_KEY_PEM), Buffer.from(String(p.paySign), 'base64'))
}

before(async () => {
  assert.ok(existsSync(join(weappDist, 'app.js')), `${weappDist}/app.js is missing: run \`npm run build:weapp\` first`)
  stack = await startStack({ h5: false })
  // WeChat sign-in (openid: JSAPI needs it), then the phone from WeChat's button, which links the walk-in case.
  const login = await api(stack, '/api/auth/wechat', { method: 'POST', body: { code: stack.wechat.mintLoginCode(OPENID) } })
  assert.equal(login.status, 200, `POST /api/auth/wechat ${JSON.stringify(login.body)}`)
  session = { token: login.body.token, expiresAt: login.body.expiresAt }
  const bound = await api(stack, '/api/auth/wechat/phone', { method: 'POST', token: session.token, body: { code: stack.wechat.mintPhoneCode(PHONE) } })
  assert.equal(bound.status, 200, `POST /api/auth/wechat/phone ${JSON.stringify(bound.body)}`)
  await api(stack, '/api/me/real-name', { method: 'PUT', token: session.token, body: { name: APPLICANT.name, idNumber: APPLICANT.idNumber } })
  const clerk = await windowClerk(stack)
  const { caseId } = await acceptedCase(stack, clerk.token, APPLICANT)
  assert.equal((await api(stack, '/api/cases', { token: session.token })).status, 200)
  const order = await issueFee(stack, clerk.token, caseId, [{ name: '证照工本费', unitFen: 1000, quantity: 1, unit: '每本' }, { name: '邮寄费', unitFen: 1, quantity: 1, unit: '' }])
  orderId = order.id
  amountFen = order.amountFen
  const mine = await api(stack, `/api/payments/${orderId}`, { token: session.token })
  assert.equal(mine.status, 200, `the citizen sees the order: ${JSON.stringify(mine.body)}`)
})

after(async () => {
  if (mp) {
    await until(() => mp!.stub.inFlight() === 0, 5_000).catch(() => undefined)
    mp.dispose()
  }
  await stack?.close()
})

function failure(message: string, page: PageInstance): string {
  return [
    message,
    `  page text: ${textOf(page.data.root).slice(0, 400) || '(nothing rendered)'}`,
    `  requests: ${mp!.stub.requests.map((r) => `${r.method} ${r.sentTo} → ${r.status ?? r.error ?? 'pending'}`).join(', ') || 'none'}`,
    `  bundle errors: ${mp!.errors.join(' | ') || 'none'}`,
    `  unstubbed wx APIs looked up: ${[...mp!.stub.unknown].join(', ') || 'none'}`,
  ].join('\n')
}

test('立即缴费 hands wx.requestPayment the server-signed params; paid, the bundle reads the order and opens the result', { timeout: 60_000 }, async () => {
  const sheets: Array<{ params: Record<string, unknown>; valid: boolean; tamperedValid: boolean }> = []
  mp = loadMiniProgram(weappDist, {
    rewrite: { baked: BAKED_API_BASE, target: stack.apiUrl },
    loginCode: () => stack.wechat.mintLoginCode(OPENID),
    // The WeChat client: checks paySign with the mini-program's appId, then the payer pays at WeChat Pay.
    requestPayment: async (params) => {
      const tampered = { ...params, paySign: String(params.paySign).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }
      sheets.push({ params, valid: paySignValid(params, TEST_APPID), tamperedValid: paySignValid(tampered, TEST_APPID) })
      const res = await fetch(`${stack.pay.url}/__sim/request-payment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...params, appId: TEST_APPID, openid: OPENID }),
      })
      return (await res.json()) as { errMsg: string }
    },
  })
  mp.stub.storage.set('paoyici.session', JSON.stringify({ kind: 'citizen', token: session.token, expiresAt: session.expiresAt }))
  mp.app.onLaunch?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))
  mp.app.onShow?.(mp.toRealm({ path: 'pages/me/index', query: {}, scene: 1001 }))

  const page = mp.openPage('packages/payment/pages/order/index', { id: orderId })
  const yuan = `¥${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, '0')}`
  await until(() => textOf(page.data.root).includes('立即缴费'), 10_000).catch(() => {
    throw new Error(failure('the order page never offered 立即缴费', page))
  })
  const text = textOf(page.data.root)
  assert.ok(text.includes(yuan), `the amount is shown from fen as ${yuan}: ${text}`)
  assert.ok(text.includes('待缴费'))
  const button = allNodes(page.data.root).find((n) => (n.cl ?? '').includes('nut-button') && textOf(n).includes('立即缴费'))
  assert.ok(button, 'the 立即缴费 button')
  trigger(mp, page, button, 'tap')

  await until(() => sheets.length === 1, 10_000).catch(() => {
    throw new Error(failure('wx.requestPayment was never called', page))
  })
  const [sheet] = sheets
  assert.deepEqual(Object.keys(sheet.params).sort(), ['nonceStr', 'package', 'paySign', 'signType', 'timeStamp'], 'exactly the signed fields')
  assert.equal(sheet.params.signType, 'RSA')
  assert.match(String(sheet.params.package), /^prepay_id=/)
  assert.ok(sheet.valid, 'paySign verifies with the merchant public key')
  assert.equal(sheet.tamperedValid, false, 'a tampered paySign does not')
  const pay = mp.stub.requests.find((r) => r.method === 'POST' && r.url === `${BAKED_API_BASE}/api/payments/${orderId}/pay`)
  assert.equal(pay?.status, 200, 'the pay start went through wx.request')
  const payBody = mp.stub.calls.find((c) => c.api === 'request' && String((c.args as any).url).endsWith('/pay'))?.args as any
  assert.deepEqual(typeof payBody.data === 'string' ? JSON.parse(payBody.data) : payBody.data, { method: 'jsapi' })

  await until(() => mp!.stub.calls.some((c) => c.api === 'redirectTo'), 10_000).catch(() => {
    throw new Error(failure('the bundle did not open the result page after paying', page))
  })
  const redirect = mp.stub.calls.find((c) => c.api === 'redirectTo')!.args as { url: string }
  assert.equal(redirect.url, `/packages/payment/pages/result/index?orderId=${orderId}`)
  const server = await api(stack, `/api/payments/${orderId}`, { token: session.token })
  assert.equal(server.body.status, 'paid')
  assert.equal(server.body.payMethod, 'jsapi')

  const result = mp.openPage('packages/payment/pages/result/index', { orderId })
  await until(() => textOf(result.data.root).includes('缴费成功'), 10_000).catch(() => {
    throw new Error(failure('the result page did not say 缴费成功', result))
  })
  assert.deepEqual(mp.errors, [], 'the bundle logged no errors')
})
