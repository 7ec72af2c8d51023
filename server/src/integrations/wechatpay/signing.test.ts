/**
 * Known answers for request signing and paySign. The expected signatures were
 * computed once with the OpenSSL CLI (`openssl dgst -sha256 -sign` with the
 * test-only keys of testKeys.ts) over the messages the protocol documents
 * define, so these tests compare our implementation with another one.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createPrivateKey, createPublicKey, createVerify } from 'node:crypto'
import { authorizationHeader, newNonce, parseAuthorization, requestMessage, rsaSign } from './signing'
import { buildMiniProgramPayParams, payMessage } from './payParams'
import { TEST_APPID, TEST_MCHID, TEST_MERCHANT_PRIVATE_KEY_PEM, TEST_MERCHANT_PUBLIC_KEY_PEM, TEST_MERCHANT_SERIAL, TEST_PUB_KEY_PEM } from './testKeys'

const merchantKey = createPrivateKey(TEST_MERCHANT_PRIVATE_KEY_PEM)
const merchantPublic = createPublicKey(TEST_MERCHANT_PUBLIC_KEY_PEM)
const NONCE = '5K8264ILTKCH16CQ2502SI8ZNMTM67VS'
const TS = 1795000000
const JSAPI_BODY =
  '{"appid":"wxtest0000000001","mchid":"1900000109","description":"玉门市不动产登记费","out_trade_no":"FEE202611220001","notify_url":"https://pay.example.gov.cn/api/payments/wechatpay/notify","amount":{"total":8000,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}'
const JSAPI_SIGNATURE =
  'K1alFEYGAUbnfAKWAEWbf8XynDUtSj5ukYxuWuDckMWnKOlDWL2ASGl/016ajZG1B4TEggUWhwntHSUoPwnkGkQqyiKyPHQdtxuBWNgvCulTXhKGibpvhJqxbz0Fmxd3OyRmqdMK11LMEYsxqJF4iOgsDpFbkTcScAo7IF8mVfxagxlrc7kJZuYzKeV1GEAVTGiW1Fpe6xgDjPIQYg9xDjR2Oc1CwGaaYiVNEoNThIAdStIJpcMtmtXPwW7yMOdl6D5nvQpoFlHkiobjUpCODmSIqUEJlgJNCuT/mYf6zKExmICoyKjnCddPbycDKG48a6fkWAz8BxMZQJ2dlmslUw=='
const GET_SIGNATURE =
  'FRlE1Cm1tcPeOxRRfBfM2dmRBq02lwxTpZBA2AxEtzbZAyjJUK6PH1Lg0RjepqvvIEM+xthv0FXvm57RrUxZu12f6RYFUOZHnWNJwZr8Xn+a2dYMy3F/LkOas+5eY4KrrI0lWfqfcu03Xa2+7j5iKgVrw7+HBUcC69IvlJFvD0aT/o9wBQ/7lvozkFMr9u0zP4d8LInKNIdCEXu09f6X45FAvU/numYktYSHcwyutFz0boEuv6wJlOe9Df6/OFUdFMX4fonxmpYzOZnfwFBpVZ1f1ybCqSND9B3GrB3B8xychtxFM+Xqbc971FUs8efFKklbIY/3veQwIuRMqYN1xg=='
const PAY_SIGN =
  'hzrOBY/HYzaLNtub4CKfCdJjGnHYnH12ZsYHQxTybke+NPfydFCm/G+31OWaXV2wdG+TW4x8sKF+DpFzMmprRx+n6e0JCnmKYp0xL2kB6PX+Ofg9zITZuQT3Hg6fXkIhe0CCoTVZ/y34nVHu2krCwjOOmsc4pIPJoi5Hs0I+fQtT0R+Q0D8aYMMAp5J1MW/qFozqMturTHyYBRLZBr6KfkpRvnoPE54flSxduvxhyIe2Rz1xSv+Hp+XRCrhcB7pzPka2AqejyqHbSk9T7/sylLRKP2044l3xzsZoMB8v1xBqHgEmXbunONGvwhfWYDecnJoDhFvk3nyjtmaKqHGoPQ=='

test('the request message is METHOD, path with query, timestamp, nonce and body, each ending in \\n', () => {
  assert.equal(requestMessage('post', '/v3/pay/transactions/jsapi', TS, NONCE, '{"a":1}'), `POST\n/v3/pay/transactions/jsapi\n${TS}\n${NONCE}\n{"a":1}\n`)
  // GET: the query is part of the URL and the body line is empty, but its \n is still there.
  assert.equal(
    requestMessage('GET', '/v3/pay/transactions/out-trade-no/FEE202611220001?mchid=1900000109', TS, NONCE, ''),
    `GET\n/v3/pay/transactions/out-trade-no/FEE202611220001?mchid=1900000109\n${TS}\n${NONCE}\n\n`,
  )
})

test('a JSAPI order request signs to the known answer and the Authorization header has the documented shape', () => {
  const message = requestMessage('POST', '/v3/pay/transactions/jsapi', TS, NONCE, JSAPI_BODY)
  assert.equal(rsaSign(message, merchantKey), JSAPI_SIGNATURE)
  const header = authorizationHeader({
    method: 'POST',
    pathWithQuery: '/v3/pay/transactions/jsapi',
    body: JSAPI_BODY,
    mchId: TEST_MCHID,
    serialNo: TEST_MERCHANT_SERIAL,
    privateKey: merchantKey,
    timestamp: TS,
    nonce: NONCE,
  })
  assert.equal(
    header,
    `WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="${NONCE}",signature="${JSAPI_SIGNATURE}",timestamp="${TS}",serial_no="${TEST_MERCHANT_SERIAL}"`,
  )
  assert.deepEqual(parseAuthorization(header), { mchid: TEST_MCHID, nonce_str: NONCE, signature: JSAPI_SIGNATURE, timestamp: String(TS), serial_no: TEST_MERCHANT_SERIAL })
})

test('a GET query request signs to the known answer (empty body line)', () => {
  const message = requestMessage('GET', '/v3/pay/transactions/out-trade-no/FEE202611220001?mchid=1900000109', TS, NONCE, '')
  assert.equal(rsaSign(message, merchantKey), GET_SIGNATURE)
})

test('a signature over a different body, path or timestamp does not verify', () => {
  const verify = (message: string) => createVerify('RSA-SHA256').update(message).verify(merchantPublic, JSAPI_SIGNATURE, 'base64')
  assert.equal(verify(requestMessage('POST', '/v3/pay/transactions/jsapi', TS, NONCE, JSAPI_BODY)), true)
  assert.equal(verify(requestMessage('POST', '/v3/pay/transactions/jsapi', TS, NONCE, JSAPI_BODY.replace('8000', '1'))), false)
  assert.equal(verify(requestMessage('POST', '/v3/pay/transactions/h5', TS, NONCE, JSAPI_BODY)), false)
  assert.equal(verify(requestMessage('POST', '/v3/pay/transactions/jsapi', TS + 1, NONCE, JSAPI_BODY)), false)
})

test('paySign is the known answer over appId, timeStamp, nonceStr and package, and verifies with the merchant public key only', () => {
  const prepayId = 'wx22173000000000000000000000000001'
  const params = buildMiniProgramPayParams(TEST_APPID, prepayId, merchantKey, { timeStamp: String(TS), nonceStr: NONCE })
  assert.deepEqual(params, { appId: TEST_APPID, timeStamp: String(TS), nonceStr: NONCE, package: `prepay_id=${prepayId}`, signType: 'RSA', paySign: PAY_SIGN })
  const message = payMessage(params.appId, params.timeStamp, params.nonceStr, params.package)
  assert.equal(message, `${TEST_APPID}\n${TS}\n${NONCE}\nprepay_id=${prepayId}\n`)
  assert.equal(createVerify('RSA-SHA256').update(message).verify(merchantPublic, params.paySign, 'base64'), true)
  assert.equal(createVerify('RSA-SHA256').update(message).verify(createPublicKey(TEST_PUB_KEY_PEM), params.paySign, 'base64'), false)
  assert.equal(createVerify('RSA-SHA256').update(message.replace('prepay_id=wx2', 'prepay_id=wx3')).verify(merchantPublic, params.paySign, 'base64'), false)
})

test('nonces are 32 alphanumeric characters and do not repeat', () => {
  const seen = new Set(Array.from({ length: 200 }, () => newNonce()))
  assert.equal(seen.size, 200)
  for (const n of seen) assert.match(n, /^[A-Za-z0-9]{32}$/)
})

test('an Authorization header of another schema or missing a field is not parsed', () => {
  assert.equal(parseAuthorization('Bearer x'), null)
  assert.equal(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s"'), null)
  assert.equal(parseAuthorization(undefined), null)
})
