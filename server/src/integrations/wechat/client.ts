/**
 * Client for the WeChat mini-program server API (api.weixin.qq.com), or for
 * mock/wechat, which speaks the same protocol. WeChat answers HTTP 200 with
 * `{errcode, errmsg}` on failure, so every response is checked for errcode.
 */

export interface WechatClientOptions {
  /** https://api.weixin.qq.com in production; the simulator's url locally. */
  baseUrl: string
  appId: string
  appSecret: string
  timeoutMs?: number
  /** Clock for the token cache; tests move it forward instead of waiting. */
  now?: () => number
}

/**
 * A non-zero errcode from WeChat, or errcode -1 for a transport failure
 * (WeChat itself uses -1 for "system busy", which callers treat alike).
 * Messages carry only errcode, errmsg and the endpoint path: never a secret,
 * session_key or phone number.
 */
export class WechatApiError extends Error {
  constructor(
    public errcode: number,
    public errmsg: string,
    public endpoint = '',
    options?: { cause?: unknown },
  ) {
    super(`WeChat ${endpoint || 'API'} failed: errcode ${errcode} ${errmsg}`, options)
    this.name = 'WechatApiError'
  }
}

export interface WechatSession {
  openid: string
  unionid: string | null
  /** Server-side only: never send it to the app or write it to logs. */
  sessionKey: string
}

export interface WechatPhone {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

export interface SubscribeMessage {
  toUser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

type WechatReply = { errcode?: number; errmsg?: string } & Record<string, unknown>

/** Token errors after which one refresh and retry is worth it. */
const STALE_TOKEN_ERRCODES = new Set([40001, 42001])
/** Refresh this long before WeChat's expiry so a request never carries a dying token. */
const TOKEN_EARLY_REFRESH_MS = 5 * 60 * 1000

export class WechatClient {
  private readonly baseUrl: string
  private readonly timeoutMs: number
  private readonly now: () => number
  private cachedToken: { value: string; refreshAt: number } | null = null
  private tokenInFlight: Promise<string> | null = null

  constructor(private readonly opts: WechatClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.timeoutMs = opts.timeoutMs ?? 5000
    this.now = opts.now ?? Date.now
  }

  /** Exchanges a wx.login code (single-use, valid 5 minutes) for the user's openid and session key. */
  async code2Session(code: string): Promise<WechatSession> {
    const reply = await this.request('GET', '/sns/jscode2session', {
      appid: this.opts.appId,
      secret: this.opts.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    const { openid, session_key: sessionKey, unionid } = reply
    if (typeof openid !== 'string' || typeof sessionKey !== 'string') {
      throw new WechatApiError(-1, 'malformed reply', '/sns/jscode2session')
    }
    return { openid, sessionKey, unionid: typeof unionid === 'string' ? unionid : null }
  }

  /** Exchanges the code from a getPhoneNumber button for the user's verified phone number. */
  async getPhoneNumber(code: string): Promise<WechatPhone> {
    const reply = await this.withAccessToken('/wxa/business/getuserphonenumber', { code })
    const info = reply.phone_info as Partial<WechatPhone> | undefined
    if (!info || typeof info.phoneNumber !== 'string' || typeof info.purePhoneNumber !== 'string') {
      throw new WechatApiError(-1, 'malformed reply', '/wxa/business/getuserphonenumber')
    }
    return {
      phoneNumber: info.phoneNumber,
      purePhoneNumber: info.purePhoneNumber,
      countryCode: String(info.countryCode ?? ''),
    }
  }

  async sendSubscribeMessage(msg: SubscribeMessage): Promise<void> {
    await this.withAccessToken('/cgi-bin/message/subscribe/send', {
      touser: msg.toUser,
      template_id: msg.templateId,
      page: msg.page,
      data: msg.data,
      miniprogram_state: msg.miniprogramState,
      lang: 'zh_CN',
    })
  }

  /**
   * The access token, cached here and nowhere else. Uses stable_token without
   * force_refresh: WeChat then hands every instance the same token, so several
   * API servers never invalidate each other's tokens.
   */
  async getAccessToken(): Promise<string> {
    if (this.cachedToken && this.now() < this.cachedToken.refreshAt) return this.cachedToken.value
    // Concurrent callers share one request instead of racing for fresh tokens.
    this.tokenInFlight ??= this.fetchAccessToken().finally(() => {
      this.tokenInFlight = null
    })
    return this.tokenInFlight
  }

  private async fetchAccessToken(): Promise<string> {
    const reply = await this.request('POST', '/cgi-bin/stable_token', undefined, {
      grant_type: 'client_credential',
      appid: this.opts.appId,
      secret: this.opts.appSecret,
      force_refresh: false,
    })
    const token = reply.access_token
    const expiresIn = Number(reply.expires_in)
    if (typeof token !== 'string' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new WechatApiError(-1, 'malformed reply', '/cgi-bin/stable_token')
    }
    // A token handed out near its end still works; use its first half rather than refetching on every call.
    const lifetimeMs = Math.max(expiresIn * 1000 - TOKEN_EARLY_REFRESH_MS, (expiresIn * 1000) / 2)
    this.cachedToken = { value: token, refreshAt: this.now() + lifetimeMs }
    return token
  }

  /** POSTs with ?access_token=…; a stale token is dropped, refreshed and the call retried once. */
  private async withAccessToken(path: string, body: unknown): Promise<WechatReply> {
    const token = await this.getAccessToken()
    try {
      return await this.request('POST', path, { access_token: token }, body)
    } catch (err) {
      if (!(err instanceof WechatApiError) || !STALE_TOKEN_ERRCODES.has(err.errcode)) throw err
      // Only drop the token that failed: a concurrent caller may already have replaced it.
      if (this.cachedToken?.value === token) this.cachedToken = null
      const fresh = await this.getAccessToken()
      return this.request('POST', path, { access_token: fresh }, body)
    }
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    query?: Record<string, string>,
    body?: unknown,
  ): Promise<WechatReply> {
    const url = `${this.baseUrl}${path}${query ? `?${new URLSearchParams(query)}` : ''}`
    let res: Response
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (err) {
      // The cause is a network or timeout error; the URL with its secret stays out of the message.
      const why = err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'network error'
      throw new WechatApiError(-1, why, path, { cause: err })
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw new WechatApiError(-1, `HTTP ${res.status}`, path)
    }
    let reply: WechatReply
    try {
      reply = (await res.json()) as WechatReply
    } catch {
      throw new WechatApiError(-1, 'reply is not JSON', path)
    }
    if (reply === null || typeof reply !== 'object') throw new WechatApiError(-1, 'reply is not an object', path)
    const errcode = Number(reply.errcode ?? 0)
    if (errcode !== 0) throw new WechatApiError(errcode, String(reply.errmsg ?? ''), path)
    return reply
  }
}
