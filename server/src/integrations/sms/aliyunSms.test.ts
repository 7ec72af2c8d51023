import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSmsSimulator, type SmsSimulator } from '../../../../mock/sms/simulator'
import { AliyunSmsClient, aliyunTimestamp, canonicalizeQuery, percentEncode, signRpcRequest } from './aliyunSms'
import { SmsSendError } from './smsSender'

const AK = { accessKeyId: 'LTAItestkey', accessKeySecret: 'test-secret-value' }
const PHONE = '13800138000'

describe('Aliyun RPC signature', () => {
  // The worked example from Aliyun's SMS signing documentation. The expected
  // canonical string and signature were produced outside this code:
  //   printf '%s' 'GET&%2F&AccessKeyId%3DtestId%26…' | openssl dgst -sha1 -hmac 'testSecret&' -binary | base64
  // and match the value the documentation prints.
  const docParams = {
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    AccessKeyId: 'testId',
    SignatureVersion: '1.0',
    Timestamp: '2017-07-12T02:42:19Z',
    Format: 'XML',
    Action: 'SendSms',
    Version: '2017-05-25',
    RegionId: 'cn-hangzhou',
    PhoneNumbers: '15300000001',
    SignName: '阿里云短信测试专用',
    TemplateParam: '{"customer":"test"}',
    TemplateCode: 'SMS_71390007',
    OutId: '123',
  }

  test('canonical query sorts keys and encodes values per POP rules', () => {
    assert.equal(
      canonicalizeQuery(docParams),
      'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou' +
        '&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
        '&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0' +
        '&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D' +
        '&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
    )
  })

  test('signature matches the known-answer vector', () => {
    assert.equal(signRpcRequest('GET', docParams, 'testSecret'), 'zJDF+Lrzhj/ThnlvIToysFRq6t4=')
  })

  // A second vector, with the characters encodeURIComponent leaves alone; derived with
  // Python's urllib.parse.quote(safe='-_.~') and the same openssl command.
  test('signature matches a vector whose values hold ! \' ( ) * ~', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13800138000',
      SignName: '跑一次',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '0b0e6c1c-9c53-4a57-9e38-5d0b5c1f4c11',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_LOGIN',
      TemplateParam: '{"name":"O\'Neil (test)!*~"}',
      Timestamp: '2024-03-01T08:00:00Z',
      Version: '2017-05-25',
    }
    assert.match(canonicalizeQuery(params), /&TemplateParam=%7B%22name%22%3A%22O%27Neil%20%28test%29%21%2A~%22%7D&/)
    assert.equal(signRpcRequest('GET', params, 'testSecret'), 's9VR4/DP6PrNz6Gi7AsNhshKS9k=')
  })

  test('percent-encoding differs from encodeURIComponent exactly where POP says', () => {
    assert.equal(percentEncode("a b*c~d'e!(f)"), 'a%20b%2Ac~d%27e%21%28f%29')
    assert.equal(percentEncode('+/='), '%2B%2F%3D')
  })

  test('timestamps are UTC without milliseconds', () => {
    assert.equal(aliyunTimestamp(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), '2024-01-02T03:04:05Z')
  })
})

describe('AliyunSmsClient against the SMS simulator', () => {
  let sim: SmsSimulator
  let simNow = Date.now()
  const client = (over: Partial<ConstructorParameters<typeof AliyunSmsClient>[0]> = {}) =>
    new AliyunSmsClient({ endpoint: sim.url, ...AK, signName: '跑一次', ...over })
  const rejection = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    )
    assert.ok(err instanceof SmsSendError, `expected SmsSendError, got ${String(err)}`)
    return err
  }

  before(async () => {
    sim = await startSmsSimulator({ ...AK, now: () => simNow })
  })
  after(() => sim.close())

  test('delivers a login code with the approved text', async () => {
    simNow = Date.now()
    const { bizId } = await client().send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '482913' } })
    assert.match(bizId, /^\d+\^0$/)
    assert.deepEqual(
      { ...sim.outbox[0], at: undefined },
      {
        phone: PHONE,
        signName: '跑一次',
        templateCode: 'SMS_LOGIN',
        params: { code: '482913' },
        text: '【跑一次】您的验证码为482913，5分钟内有效。请勿告诉他人。',
        bizId,
        at: undefined,
      },
    )
    assert.equal(sim.latestCode(PHONE), '482913')
  })

  test('the outbox endpoint lists the newest message first, filtered by phone', async () => {
    await client().send({ phone: '13900000001', templateCode: 'SMS_LOGIN', params: { code: '111111' } })
    await client().send({ phone: '13900000001', templateCode: 'SMS_LOGIN', params: { code: '222222' } })
    await client().send({ phone: '13900000002', templateCode: 'SMS_LOGIN', params: { code: '333333' } })
    const res = await fetch(`${sim.url}/__sim/outbox?phone=13900000001`)
    const list = (await res.json()) as Array<{ phone: string; params: { code: string } }>
    assert.deepEqual(
      list.map((m) => [m.phone, m.params.code]),
      [
        ['13900000001', '222222'],
        ['13900000001', '111111'],
      ],
    )
    assert.equal(sim.latestCode('13900000001'), '222222')
    assert.equal(sim.latestCode('13900000009'), undefined)
  })

  test('a wrong secret is refused as SignatureDoesNotMatch and nothing is delivered', async () => {
    const before = sim.outbox.length
    const err = await rejection(
      client({ accessKeySecret: 'not-the-secret' }).send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }),
    )
    assert.equal(err.code, 'SignatureDoesNotMatch')
    assert.equal(sim.outbox.length, before)
  })

  test('an unknown access key is refused', async () => {
    const err = await rejection(
      client({ accessKeyId: 'LTAIunknown' }).send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }),
    )
    assert.equal(err.code, 'InvalidAccessKeyId.NotFound')
  })

  test('a request tampered with after signing is refused; the same request untampered goes through', async () => {
    const signedUrl = (phone: string, nonce: string) => {
      const params: Record<string, string> = {
        Format: 'JSON',
        Version: '2017-05-25',
        AccessKeyId: AK.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        Timestamp: aliyunTimestamp(simNow),
        SignatureVersion: '1.0',
        SignatureNonce: nonce,
        Action: 'SendSms',
        PhoneNumbers: phone,
        SignName: '跑一次',
        TemplateCode: 'SMS_LOGIN',
        TemplateParam: '{"code":"654321"}',
      }
      const signature = signRpcRequest('GET', params, AK.accessKeySecret)
      return `${sim.url}/?Signature=${percentEncode(signature)}&${canonicalizeQuery(params)}`
    }
    const tampered = signedUrl(PHONE, 'nonce-tamper-1').replace(`PhoneNumbers=${PHONE}`, 'PhoneNumbers=13700000000')
    const refused = (await (await fetch(tampered)).json()) as { Code: string }
    assert.equal(refused.Code, 'SignatureDoesNotMatch')
    assert.equal(sim.latestCode('13700000000'), undefined)

    const accepted = (await (await fetch(signedUrl(PHONE, 'nonce-tamper-2'))).json()) as { Code: string }
    assert.equal(accepted.Code, 'OK')
    assert.equal(sim.latestCode(PHONE), '654321')
  })

  test('a timestamp more than 15 minutes off is refused, one within the window accepted', async () => {
    const at = (offsetMs: number) => client({ now: () => simNow + offsetMs })
    const msg = { phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }
    assert.equal((await rejection(at(-16 * 60 * 1000).send(msg))).code, 'InvalidTimeStamp.Expired')
    assert.equal((await rejection(at(16 * 60 * 1000).send(msg))).code, 'InvalidTimeStamp.Expired')
    await at(-14 * 60 * 1000).send(msg)
  })

  test('template values with characters outside RFC 3986 unreserved pass the signature check', async () => {
    const templates = { SMS_NOTICE: '您的事项${name}已办结。' }
    const noticeSim = await startSmsSimulator({ ...AK, templates })
    try {
      const noticeClient = new AliyunSmsClient({ endpoint: noticeSim.url, ...AK, signName: '跑一次' })
      await noticeClient.send({ phone: PHONE, templateCode: 'SMS_NOTICE', params: { name: "不动产登记(首次)! 'A'*~" } })
      assert.equal(noticeSim.outbox[0].text, "【跑一次】您的事项不动产登记(首次)! 'A'*~已办结。")
    } finally {
      await noticeSim.close()
    }
  })

  test('a replayed SignatureNonce is refused', async () => {
    const replaying = client({ nonce: () => 'fixed-nonce-for-replay' })
    const msg = { phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '777777' } }
    await replaying.send(msg)
    assert.equal((await rejection(replaying.send(msg))).code, 'SignatureNonceUsed')
  })

  test('an illegal phone number is refused without echoing it in the error', async () => {
    const err = await rejection(client().send({ phone: '12345', templateCode: 'SMS_LOGIN', params: { code: '1' } }))
    assert.equal(err.code, 'isv.MOBILE_NUMBER_ILLEGAL')
    assert.ok(err.requestId)
    assert.doesNotMatch(err.message, /12345/)
  })

  test('an unknown template and missing template variables are refused', async () => {
    const unknown = await rejection(client().send({ phone: PHONE, templateCode: 'SMS_NOPE', params: { code: '1' } }))
    assert.equal(unknown.code, 'isv.SMS_TEMPLATE_ILLEGAL')
    const missing = await rejection(client().send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: {} }))
    assert.equal(missing.code, 'isv.TEMPLATE_MISSING_PARAMETERS')
  })

  test('a business refusal such as flow control surfaces its code', async () => {
    sim.failNext('isv.BUSINESS_LIMIT_CONTROL')
    const err = await rejection(client().send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }))
    assert.equal(err.code, 'isv.BUSINESS_LIMIT_CONTROL')
  })

  test('an unreachable gateway and a silent one become NetworkError and Timeout', async () => {
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as AddressInfo).port
    try {
      const slow = client({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 100 })
      assert.equal((await rejection(slow.send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }))).code, 'Timeout')
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
    const gone = client({ endpoint: `http://127.0.0.1:${port}` })
    assert.equal((await rejection(gone.send({ phone: PHONE, templateCode: 'SMS_LOGIN', params: { code: '1' } }))).code, 'NetworkError')
  })
})
