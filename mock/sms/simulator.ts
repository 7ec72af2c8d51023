/**
 * A local stand-in for Aliyun SMS (dysmsapi.aliyuncs.com) SendSms. It checks
 * requests the way Aliyun's gateway does (access key, timestamp window,
 * nonce replay, HMAC-SHA1 signature recomputed from the received query) and
 * keeps delivered messages in an outbox that dev tools and tests read.
 *
 * The signature check is written here independently of the server's client on
 * purpose: two implementations that must agree catch a bug a shared one hides.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listen } from '../listen'

export interface SmsSimulatorOptions {
  accessKeyId: string
  accessKeySecret: string
  /** 0 (default) picks any free port. */
  port?: number
  host?: string
  /** templateCode → text with ${name} placeholders, added to the defaults. The signature is prepended as 【SignName】. */
  templates?: Record<string, string>
  /** Clock for the timestamp window; tests move it instead of waiting. */
  now?: () => number
}

export interface DeliveredSms {
  /** 11-digit mainland number, without +86. */
  phone: string
  signName: string
  templateCode: string
  params: Record<string, string>
  /** The text as the handset shows it, 【SignName】 first. */
  text: string
  bizId: string
  at: string
}

export interface SmsSimulator {
  url: string
  close(): Promise<void>
  /** Newest first, like GET /__sim/outbox. */
  outbox: DeliveredSms[]
  /** params.code of the newest message to this phone. */
  latestCode(phone: string): string | undefined
  /** The next `times` well-signed SendSms calls are refused with this business code, e.g. 'isv.BUSINESS_LIMIT_CONTROL'. */
  failNext(code: string, times?: number): void
}

export const DEFAULT_SMS_TEMPLATES: Readonly<Record<string, string>> = {
  SMS_LOGIN: '您的验证码为${code}，5分钟内有效。请勿告诉他人。',
}

/** Aliyun accepts a request whose Timestamp is within 15 minutes of its clock, and remembers nonces that long. */
const WINDOW_MS = 15 * 60 * 1000
const MAINLAND_MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/

type Params = Record<string, string>
class Reply { constructor(public status: number, public body: unknown) {} }

/** Aliyun's server escapes every byte outside RFC 3986's unreserved set (Java URLEncoder, then +→%20, *→%2A, %7E→~). */
function popEncode(value: string): string {
  let out = ''
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function serverStringToSign(method: string, params: Params): string {
  const canonical = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${popEncode(key)}=${popEncode(params[key])}`)
    .join('&')
  return `${method}&%2F&${popEncode(canonical)}`
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export async function startSmsSimulator(opts: SmsSimulatorOptions): Promise<SmsSimulator> {
  const now = opts.now ?? Date.now
  const templates: Record<string, string> = { ...DEFAULT_SMS_TEMPLATES, ...opts.templates }
  const outbox: DeliveredSms[] = []
  const nonces = new Map<string, number>()
  const faults: string[] = []

  const popError = (status: number, code: string, message: string) =>
    new Reply(status, { RequestId: randomUUID().toUpperCase(), HostId: 'dysmsapi.aliyuncs.com', Code: code, Message: message })
  const isvError = (code: string, message: string) => new Reply(200, { RequestId: randomUUID().toUpperCase(), Code: code, Message: message })

  /** The gateway's checks, in the order that keeps an unsigned request from consuming a nonce. */
  function authenticate(method: string, params: Params): Reply | null {
    for (const name of ['AccessKeyId', 'Signature', 'SignatureNonce', 'Timestamp', 'Action', 'Version']) {
      if (!params[name]) return popError(400, `Missing${name}`, `${name} is mandatory for this action.`)
    }
    if (params.Action !== 'SendSms') return popError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.')
    if (params.Version !== '2017-05-25') return popError(400, 'InvalidVersion', 'Specified parameter Version is not valid.')
    if (params.SignatureMethod !== 'HMAC-SHA1') return popError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.')
    if (params.SignatureVersion !== '1.0') return popError(400, 'InvalidSignatureVersion', 'Specified signature version is not supported.')
    if (params.AccessKeyId !== opts.accessKeyId) return popError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp) || Number.isNaN(Date.parse(params.Timestamp))) {
      return popError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date header is not valid.')
    }
    if (Math.abs(now() - Date.parse(params.Timestamp)) > WINDOW_MS) {
      return popError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date header is expired.')
    }
    const stringToSign = serverStringToSign(method, params)
    const expected = createHmac('sha1', `${opts.accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64')
    if (!sameSignature(expected, params.Signature)) {
      return popError(400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`)
    }
    for (const [nonce, seenAt] of nonces) if (now() - seenAt > WINDOW_MS) nonces.delete(nonce)
    if (nonces.has(params.SignatureNonce)) return popError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
    nonces.set(params.SignatureNonce, now())
    return null
  }

  function sendSms(params: Params): Reply {
    if (!params.PhoneNumbers) return popError(400, 'MissingPhoneNumbers', 'PhoneNumbers is mandatory for this action.')
    if (!params.SignName) return popError(400, 'MissingSignName', 'SignName is mandatory for this action.')
    if (!params.TemplateCode) return popError(400, 'MissingTemplateCode', 'TemplateCode is mandatory for this action.')
    const phones: string[] = []
    for (const raw of params.PhoneNumbers.split(',')) {
      const match = MAINLAND_MOBILE.exec(raw.trim())
      if (!match) return isvError('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号')
      phones.push(match[1])
    }
    const template = templates[params.TemplateCode]
    if (template === undefined) return isvError('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板')
    let values: Params = {}
    if (params.TemplateParam) {
      try {
        const parsed: unknown = JSON.parse(params.TemplateParam)
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
        values = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]))
      } catch {
        return isvError('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值')
      }
    }
    const missing = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]).filter((name) => !(name in values))
    if (missing.length > 0) return isvError('isv.TEMPLATE_MISSING_PARAMETERS', `模板缺少变量：${missing.join(',')}`)
    const fault = faults.shift()
    if (fault) return isvError(fault, 'simulated refusal')

    const text = `【${params.SignName}】${template.replace(/\$\{(\w+)\}/g, (_, name: string) => values[name])}`
    const bizId = `${Date.now()}${randomInt(100000, 999999)}^0`
    const at = new Date(now()).toISOString()
    for (const phone of phones) {
      outbox.unshift({ phone, signName: params.SignName, templateCode: params.TemplateCode, params: values, text, bizId, at })
    }
    return new Reply(200, { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: randomUUID().toUpperCase() })
  }

  const normalize = (phone: string) => MAINLAND_MOBILE.exec(phone.trim())?.[1] ?? phone
  const outboxFor = (phone: string | null) => (phone ? outbox.filter((m) => m.phone === normalize(phone)) : outbox)

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim.invalid')
      if (req.method === 'OPTIONS') return send(res, null)
      if (url.pathname === '/__sim/outbox' && req.method === 'GET') {
        return send(res, new Reply(200, outboxFor(url.searchParams.get('phone'))))
      }
      if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST')) {
        return send(res, popError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.'))
      }
      // RPC calls may put parameters in the query or in a form-encoded POST body; both are signed.
      const params: Params = Object.fromEntries(url.searchParams)
      if (req.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(await readText(req))))
      send(res, authenticate(req.method, params) ?? sendSms(params))
    } catch {
      send(res, popError(500, 'InternalError', 'The request processing has failed due to some unknown error.'))
    }
  })

  const { url, close } = await listen(server, opts.port, opts.host)

  return {
    url,
    close,
    outbox,
    latestCode: (phone) => outboxFor(phone)[0]?.params.code,
    failNext: (code, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(code)
    },
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, reply: Reply | null): void {
  // Dev pages and browser tests on other origins read /__sim/outbox.
  res.setHeader('access-control-allow-origin', '*')
  res.setHeader('access-control-allow-headers', 'content-type')
  if (!reply) {
    res.writeHead(204).end()
    return
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(reply.body))
}
