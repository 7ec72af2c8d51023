/**
 * A local stand-in for api.weixin.qq.com: the endpoints the platform server
 * calls, with WeChat's rules (single-use 5-minute codes, expiring tokens,
 * HTTP 200 with errcode on failure), plus /__sim/ endpoints that play the
 * part of the phone: minting the codes wx.login and the getPhoneNumber button
 * would produce.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { listen } from '../listen'

export interface WechatSimulatorOptions {
  appId: string
  appSecret: string
  /** 0 (default) picks any free port. */
  port?: number
  host?: string
  /** Clock, so tests can age codes and tokens without waiting. */
  now?: () => number
  /**
   * The account's subscribe templates (template id → its keywords, e.g. ['thing1', 'phrase2', 'time3']).
   * When given, send checks like WeChat does: an unknown template is 40037, keywords must match (47003),
   * and each message needs a one-time subscription the user accepted (else 43101). Without it any
   * template is accepted and no subscription is needed.
   */
  subscribeTemplates?: Record<string, readonly string[]>
}

export interface RecordedSubscribeMessage {
  toUser: string
  templateId: string
  page?: string
  data: unknown
  miniprogramState?: string
  at: string
}

export interface WechatSimulator {
  url: string
  close(): Promise<void>
  /**
   * What wx.login would return on a phone. Without an openid the code belongs
   * to the simulator's default user, whose random-looking openid is derived
   * from the appId so it stays the same across calls and restarts.
   */
  mintLoginCode(openid?: string, opts?: { unionid?: string }): string
  /** What the getPhoneNumber button would return for a user with this phone. */
  mintPhoneCode(phone: string): string
  subscribeMessages: RecordedSubscribeMessage[]
  /** Method and path (no query: it carries secrets) of every protocol call, oldest first. */
  requestLog: Array<{ method: string; path: string }>
  /** As if another party force-refreshed: every issued token answers 40001 from now on. */
  invalidateAccessTokens(): void
  /** The next `times` calls to `path` answer this errcode before doing anything else. */
  failNext(path: string, errcode: number, errmsg?: string, times?: number): void
  /** The user tapped "allow" in wx.requestSubscribeMessage: one more message allowed per template. */
  acceptSubscription(openid: string, templateIds: readonly string[]): void
  /** One-time subscriptions left for this user and template. */
  subscriptionQuota(openid: string, templateId: string): number
}

const CODE_TTL_MS = 5 * 60 * 1000
const TOKEN_TTL_S = 7200
/** After GET /cgi-bin/token issues a new token, the old one still works this long. */
const TOKEN_OVERLAP_MS = 5 * 60 * 1000

const chars = (s: string) => Array.from(s)
const HAN_ONLY = /^\p{Script=Han}+$/u
/**
 * WeChat's value rules per keyword type (the name without its number): thing ≤ 20 characters,
 * phrase ≤ 5 Chinese characters only, character_string ≤ 32 ASCII, number ≤ 32 digits,
 * letter ≤ 32 letters, symbol ≤ 5, name ≤ 10 Chinese or ≤ 20 letters, amount a currency sign and
 * ≤ 10 digits, time/date a Chinese-style date or 24-hour time. Unknown types are not checked.
 */
export function validKeywordValue(keyword: string, value: string): boolean {
  const n = chars(value).length
  switch (keyword.replace(/\d+$/, '')) {
    case 'thing':
      return n >= 1 && n <= 20
    case 'phrase':
      return n >= 1 && n <= 5 && HAN_ONLY.test(value)
    case 'character_string':
      return n >= 1 && n <= 32 && /^[\x21-\x7e]+$/.test(value)
    case 'number':
      return n >= 1 && n <= 32 && /^\d+(\.\d+)?$/.test(value)
    case 'letter':
      return n >= 1 && n <= 32 && /^[A-Za-z]+$/.test(value)
    case 'symbol':
      return n >= 1 && n <= 5
    case 'name':
      return /\p{Script=Han}/u.test(value) ? n <= 10 : n >= 1 && n <= 20
    case 'amount':
      return /^[¥￥$€£]\d{1,10}(\.\d{1,2})?元?$/.test(value)
    case 'time':
    case 'date':
      return /^(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})?\s?(\d{1,2}:\d{2})?(\s?~.*)?$/.test(value) && /\d/.test(value)
    default:
      return true
  }
}

interface LoginGrant { openid: string; unionid?: string; issuedAt: number; used: boolean }
interface PhoneGrant { phone: string; issuedAt: number; used: boolean }
interface Token { value: string; expiresAt: number; revoked: boolean }
class Reply { constructor(public status: number, public body: unknown) {} }

/** WeChat appends a request id to every errmsg; clients must not parse errmsg. */
const rid = () => randomBytes(12).toString('hex').slice(0, 24)
const fail = (errcode: number, errmsg: string) => new Reply(200, { errcode, errmsg: `${errmsg} rid: ${rid()}` })
const ok = (extra: object = {}) => new Reply(200, { errcode: 0, errmsg: 'ok', ...extra })

const randomLoginCode = () => randomBytes(24).toString('base64url').replace(/[-_]/g, 'x').slice(0, 32)

export async function startWechatSimulator(opts: WechatSimulatorOptions): Promise<WechatSimulator> {
  const now = opts.now ?? Date.now
  const loginGrants = new Map<string, LoginGrant>()
  const phoneGrants = new Map<string, PhoneGrant>()
  const tokens = new Map<string, Token>()
  let currentToken: Token | null = null
  const faults = new Map<string, Array<{ errcode: number; errmsg: string }>>()
  const subscribeMessages: RecordedSubscribeMessage[] = []
  /** `${openid} ${templateId}` → one-time subscriptions left. */
  const quota = new Map<string, number>()
  const templates = opts.subscribeTemplates
  const requestLog: WechatSimulator['requestLog'] = []

  // Shaped like a real openid: 28 characters, starting with "o".
  const defaultOpenid = `o${createHash('sha256').update(`${opts.appId}:default-user`).digest('base64url').slice(0, 27)}`

  const mintLoginCode = (openid?: string, extra?: { unionid?: string }) => {
    const code = randomLoginCode()
    loginGrants.set(code, { openid: openid || defaultOpenid, unionid: extra?.unionid, issuedAt: now(), used: false })
    return code
  }
  const mintPhoneCode = (phone: string) => {
    const code = randomBytes(32).toString('hex')
    phoneGrants.set(code, { phone, issuedAt: now(), used: false })
    return code
  }

  /** Codes are single-use and live 5 minutes; an expired code is simply unknown to WeChat. */
  function redeem<G extends { issuedAt: number; used: boolean }>(grants: Map<string, G>, code: unknown): G | Reply {
    const grant = typeof code === 'string' ? grants.get(code) : undefined
    if (!grant || now() - grant.issuedAt > CODE_TTL_MS) return fail(40029, 'invalid code')
    if (grant.used) return fail(40163, 'code been used')
    grant.used = true
    return grant
  }

  function checkCredentials(appid: unknown, secret: unknown): Reply | null {
    if (appid !== opts.appId) return fail(40013, 'invalid appid')
    if (secret !== opts.appSecret) return fail(40125, 'invalid appsecret')
    return null
  }

  function checkToken(value: string | null): Reply | null {
    if (!value) return fail(41001, 'access_token missing')
    const token = tokens.get(value)
    if (!token || token.revoked) return fail(40001, 'invalid credential, access_token is invalid or not latest')
    if (now() >= token.expiresAt) return fail(42001, 'access_token expired')
    return null
  }

  function stableToken(body: Record<string, unknown>): Reply {
    if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type')
    const bad = checkCredentials(body.appid, body.secret)
    if (bad) return bad
    // Normal mode hands back the current token while it lives; force_refresh replaces it.
    if (body.force_refresh === true || !currentToken || currentToken.revoked || now() >= currentToken.expiresAt) {
      if (currentToken) currentToken.revoked = true
      currentToken = { value: `sim_${randomBytes(48).toString('base64url')}`, expiresAt: now() + TOKEN_TTL_S * 1000, revoked: false }
      tokens.set(currentToken.value, currentToken)
    }
    return new Reply(200, { access_token: currentToken.value, expires_in: Math.floor((currentToken.expiresAt - now()) / 1000) })
  }

  /**
   * The classic GET /cgi-bin/token: every call issues a new token; the previous one keeps working
   * for 5 minutes (WeChat's overlap), then answers 40001. stable_token is what the server uses.
   */
  function classicToken(q: URLSearchParams): Reply {
    if (q.get('grant_type') !== 'client_credential') return fail(40002, 'invalid grant_type')
    const bad = checkCredentials(q.get('appid'), q.get('secret'))
    if (bad) return bad
    if (currentToken && !currentToken.revoked) currentToken.expiresAt = Math.min(currentToken.expiresAt, now() + TOKEN_OVERLAP_MS)
    currentToken = { value: `sim_${randomBytes(48).toString('base64url')}`, expiresAt: now() + TOKEN_TTL_S * 1000, revoked: false }
    tokens.set(currentToken.value, currentToken)
    return new Reply(200, { access_token: currentToken.value, expires_in: TOKEN_TTL_S })
  }

  function jscode2session(q: URLSearchParams): Reply {
    const bad = checkCredentials(q.get('appid'), q.get('secret'))
    if (bad) return bad
    if (q.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type')
    if (!q.get('js_code')) return fail(41008, 'missing code')
    const grant = redeem(loginGrants, q.get('js_code'))
    if (grant instanceof Reply) return grant
    // A successful exchange has no errcode field at all, as on the real API.
    return new Reply(200, {
      session_key: randomBytes(16).toString('base64'),
      openid: grant.openid,
      ...(grant.unionid ? { unionid: grant.unionid } : {}),
    })
  }

  function phoneNumber(body: Record<string, unknown>): Reply {
    const grant = redeem(phoneGrants, body.code)
    if (grant instanceof Reply) return grant
    const pure = grant.phone.replace(/^\+?86/, '')
    return ok({
      phone_info: {
        phoneNumber: pure,
        purePhoneNumber: pure,
        countryCode: '86',
        watermark: { timestamp: Math.floor(now() / 1000), appid: opts.appId },
      },
    })
  }

  function subscribeSend(body: Record<string, unknown>): Reply {
    if (typeof body.touser !== 'string' || !body.touser) return fail(40003, 'invalid openid')
    if (typeof body.template_id !== 'string' || !body.template_id) return fail(40037, 'invalid template_id')
    const data = body.data
    if (!data || typeof data !== 'object' || Object.keys(data).length === 0) return fail(47003, 'argument invalid! data is empty')
    for (const [key, field] of Object.entries(data)) {
      if (!field || typeof (field as { value?: unknown }).value !== 'string') {
        return fail(47003, `argument invalid! data.${key}.value is empty`)
      }
    }
    for (const [key, field] of Object.entries(data)) {
      if (!validKeywordValue(key, (field as { value: string }).value)) return fail(47003, `argument invalid! data.${key}.value invalid`)
    }
    const state = body.miniprogram_state
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(state as string)) {
      return fail(47003, 'argument invalid! miniprogram_state')
    }
    if (templates) {
      const keywords = templates[body.template_id]
      if (!keywords) return fail(40037, 'invalid template_id')
      const missing = keywords.find((k) => !(k in data))
      if (missing) return fail(47003, `argument invalid! data.${missing}.value is empty`)
      const key = `${body.touser} ${body.template_id}`
      const left = quota.get(key) ?? 0
      if (left <= 0) return fail(43101, 'user refuse to accept the msg')
      quota.set(key, left - 1)
    }
    subscribeMessages.push({
      toUser: body.touser,
      templateId: body.template_id,
      page: typeof body.page === 'string' ? body.page : undefined,
      data,
      miniprogramState: state as string | undefined,
      at: new Date(now()).toISOString(),
    })
    return ok({ msgid: Number(randomBytes(6).readUIntBE(0, 6)) })
  }

  function acceptSubscription(openid: string, templateIds: readonly string[]): void {
    for (const id of new Set(templateIds)) quota.set(`${openid} ${id}`, (quota.get(`${openid} ${id}`) ?? 0) + 1)
  }

  function simRoute(method: string, path: string, body: Record<string, unknown>, query: URLSearchParams): Reply {
    if (method === 'POST' && path === '/__sim/login-codes') {
      const openid = typeof body.openid === 'string' && body.openid ? body.openid : defaultOpenid
      const unionid = typeof body.unionid === 'string' ? body.unionid : undefined
      return new Reply(200, { code: mintLoginCode(openid, { unionid }), openid })
    }
    if (method === 'POST' && path === '/__sim/phone-codes') {
      if (typeof body.phone !== 'string' || !/^(\+?86)?1\d{10}$/.test(body.phone)) {
        return new Reply(400, { error: 'phone must be a mainland mobile number' })
      }
      return new Reply(200, { code: mintPhoneCode(body.phone) })
    }
    if (method === 'POST' && path === '/__sim/subscriptions') {
      const ids = Array.isArray(body.templateIds) ? body.templateIds.filter((x): x is string => typeof x === 'string') : []
      if (typeof body.openid !== 'string' || !body.openid || ids.length === 0 || ids.length > 3) {
        return new Reply(400, { error: 'openid and 1–3 templateIds are required' })
      }
      acceptSubscription(body.openid, ids)
      return new Reply(200, { [body.openid]: Object.fromEntries(ids.map((id) => [id, quota.get(`${body.openid} ${id}`)])) })
    }
    if (method === 'GET' && path === '/__sim/subscribe-messages') {
      const toUser = query.get('touser')
      return new Reply(200, toUser ? subscribeMessages.filter((m) => m.toUser === toUser) : subscribeMessages)
    }
    return new Reply(404, { error: 'not found' })
  }

  function route(method: string, url: URL, body: Record<string, unknown> | null): Reply {
    const path = url.pathname
    if (path.startsWith('/__sim/')) return simRoute(method, path, body ?? {}, url.searchParams)
    requestLog.push({ method, path })
    const fault = faults.get(path)?.shift()
    if (fault) return fail(fault.errcode, fault.errmsg)
    if (method === 'GET' && path === '/sns/jscode2session') return jscode2session(url.searchParams)
    if (method === 'GET' && path === '/cgi-bin/token') return classicToken(url.searchParams)
    if (method !== 'POST') return new Reply(404, { errcode: 40066, errmsg: 'invalid url' })
    if (body === null) return fail(47001, 'data format error')
    if (path === '/cgi-bin/stable_token') return stableToken(body)
    const tokenError = checkToken(url.searchParams.get('access_token'))
    if (path === '/wxa/business/getuserphonenumber') return tokenError ?? phoneNumber(body)
    if (path === '/cgi-bin/message/subscribe/send') return tokenError ?? subscribeSend(body)
    return fail(40066, 'invalid url')
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://sim.invalid')
      if (req.method === 'OPTIONS') return send(res, new Reply(204, null))
      const body = req.method === 'POST' ? await readJson(req) : {}
      send(res, route(req.method ?? 'GET', url, body))
    } catch {
      send(res, fail(-1, 'system error'))
    }
  })

  const { url, close } = await listen(server, opts.port, opts.host)

  return {
    url,
    close,
    mintLoginCode,
    mintPhoneCode,
    subscribeMessages,
    requestLog,
    invalidateAccessTokens: () => {
      for (const token of tokens.values()) token.revoked = true
    },
    failNext: (path, errcode, errmsg = 'simulated failure', times = 1) => {
      const queue = faults.get(path) ?? []
      for (let i = 0; i < times; i++) queue.push({ errcode, errmsg })
      faults.set(path, queue)
    },
    acceptSubscription,
    subscriptionQuota: (openid, templateId) => quota.get(`${openid} ${templateId}`) ?? 0,
  }
}

/** The parsed JSON object body, or null when it is not one (WeChat's 47001). */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return {}
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function send(res: ServerResponse, reply: Reply): void {
  // Dev pages and browser tests on other origins read the /__sim/ endpoints.
  res.setHeader('access-control-allow-origin', '*')
  res.setHeader('access-control-allow-headers', 'content-type')
  if (reply.body === null) {
    res.writeHead(reply.status).end()
    return
  }
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(reply.body))
}
