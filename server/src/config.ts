/**
 * Configuration, read once from the environment and validated at boot: a bad
 * setting stops the server with a message naming the variable.
 */
import { Type, type Static, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { isIP } from 'node:net'

const Port = Type.Integer({ minimum: 0, maximum: 65535 })
const Url = Type.String({ pattern: '^https?://[^\\s]+$' })

export const ConfigSchema = Type.Object({
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ ...Port, default: 8787 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Unset: embedded PGlite under DATA_DIR. Set: a real PostgreSQL. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ default: './data' }),
  /** Uploaded file bytes (by SHA-256). Unset: DATA_DIR/files. With several instances: one shared mount (NFS, a shared disk) for all. */
  FILE_DIR: Type.String({ default: '' }),
  /** Public base of the API as citizens' devices reach it, for absolute links. */
  PUBLIC_BASE_URL: Type.String({ default: '' }),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 24 * 30 }),
  STAFF_SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 7, default: 12 }),
  SMS_CODE_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 1800, default: 300 }),
  SMS_RESEND_SECONDS: Type.Integer({ minimum: 10, maximum: 600, default: 60 }),
  SMS_DAILY_LIMIT_PER_PHONE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  SMS_HOURLY_LIMIT_PER_CLIENT: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
  SMS_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  STAFF_MAX_FAILED_LOGINS: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
  STAFF_LOCKOUT_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 15 }),
  WECHAT_API_BASE: Type.String({ ...Url, default: 'https://api.weixin.qq.com' }),
  WECHAT_APPID: Type.String({ default: '' }),
  WECHAT_SECRET: Type.String({ default: '' }),
  SMS_ENDPOINT: Type.String({ ...Url, default: 'https://dysmsapi.aliyuncs.com' }),
  SMS_ACCESS_KEY_ID: Type.String({ default: '' }),
  SMS_ACCESS_KEY_SECRET: Type.String({ default: '' }),
  SMS_SIGN_NAME: Type.String({ default: '跑一次' }),
  SMS_LOGIN_TEMPLATE: Type.String({ default: 'SMS_LOGIN' }),
  OFFICE_MORNING: Type.String({ default: '08:30-12:00', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' }),
  OFFICE_AFTERNOON: Type.String({ default: '14:30-18:00', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' }),
  /** Anonymous case lookup: failures per case number before it locks, the lock, and lookups per client per hour. */
  LOOKUP_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
  LOOKUP_LOCK_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  LOOKUP_HOURLY_LIMIT_PER_CLIENT: Type.Integer({ minimum: 1, maximum: 10_000_000, default: 30 }),
  /** Appointments (预约), DOMAIN.md "Appointments": bookable from the next working day up to this many working days ahead. */
  APPOINTMENT_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 30, default: 5 }),
  /** Default slot length for new slot templates. */
  APPOINTMENT_SLOT_MINUTES: Type.Integer({ minimum: 5, maximum: 240, default: 30 }),
  /** A booking may be cancelled or rescheduled up to this many hours before it starts. */
  APPOINTMENT_CANCEL_CUTOFF_HOURS: Type.Integer({ minimum: 0, maximum: 72, default: 2 }),
  /** This many no-shows within APPOINTMENT_NO_SHOW_WINDOW_DAYS bans booking for APPOINTMENT_BAN_DAYS. */
  APPOINTMENT_NO_SHOW_LIMIT: Type.Integer({ minimum: 1, maximum: 20, default: 2 }),
  APPOINTMENT_NO_SHOW_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  APPOINTMENT_BAN_DAYS: Type.Integer({ minimum: 1, maximum: 730, default: 90 }),
  /** Check-in is accepted until this many minutes after the slot ends; after that staff may mark a no-show. */
  APPOINTMENT_LATE_MINUTES: Type.Integer({ minimum: 0, maximum: 240, default: 30 }),
  /** The day-before reminder goes out from this Shanghai time on the day before the visit. */
  APPOINTMENT_REMINDER_DAY_BEFORE_AT: Type.String({ default: '10:00', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
  /** The second reminder goes out this many minutes before the slot starts. */
  APPOINTMENT_REMINDER_MINUTES_BEFORE: Type.Integer({ minimum: 5, maximum: 24 * 60, default: 60 }),
  /** How often the reminder job runs; 0 turns it off (another instance may run it). */
  APPOINTMENT_REMINDER_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
  /** Pre-review uploads: bytes per file and per pre-review (its current pages). */
  UPLOAD_MAX_FILE_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 10 * 1024 * 1024 }),
  UPLOAD_MAX_PREREVIEW_BYTES: Type.Integer({ minimum: 1024, maximum: 1024 * 1024 * 1024, default: 60 * 1024 * 1024 }),
  /** Lifetime of a signed file URL (/api/files/…?expires=&signature=). */
  FILE_URL_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 24 * 3600, default: 600 }),
  /** HMAC key of signed file URLs, ≥ 32 characters. Unset: a key generated once and kept in the database (table server_keys), shared by every instance. */
  FILE_URL_SECRET: Type.String({ default: '' }),
  /** WeChat subscribe-message template ids per notification kind (公共模板库 → 我的模板); unset = that kind is not offered. */
  WECHAT_TEMPLATE_PREREVIEW_RESULT: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_CORRECTION_NEEDED: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_APPOINTMENT_REMINDER: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_CASE_STEP: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_PAYMENT_DUE: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_RATING_REPLY: Type.String({ default: '', maxLength: 64 }),
  WECHAT_TEMPLATE_COMPLAINT_REPLY: Type.String({ default: '', maxLength: 64 }),
  /** Which mini-program version a subscribe message opens. */
  WECHAT_MINIPROGRAM_STATE: Type.Union(['formal', 'trial', 'developer'].map((l) => Type.Literal(l)), { default: 'formal' }),
  /** Aliyun SMS template codes per notification kind; unset = no SMS for that kind. */
  SMS_TEMPLATE_PREREVIEW_RESULT: Type.String({ default: '' }),
  SMS_TEMPLATE_CORRECTION_NEEDED: Type.String({ default: '' }),
  SMS_TEMPLATE_APPOINTMENT_REMINDER: Type.String({ default: '' }),
  SMS_TEMPLATE_CASE_STEP: Type.String({ default: '' }),
  SMS_TEMPLATE_PAYMENT_DUE: Type.String({ default: '' }),
  SMS_TEMPLATE_RATING_REPLY: Type.String({ default: '' }),
  SMS_TEMPLATE_COMPLAINT_REPLY: Type.String({ default: '' }),
  /** Notification retries: attempts in all, the first backoff (doubling, capped at an hour), and how often the job runs. */
  NOTIFICATION_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
  NOTIFICATION_RETRY_BASE_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  NOTIFICATION_RETRY_INTERVAL_SECONDS: Type.Integer({ minimum: 5, maximum: 3600, default: 30 }),
  /** Pre-review (预审): review time limit in working days, how long a reviewer's claim lasts, and how far ahead a 容缺 promise may go. */
  PREREVIEW_REVIEW_DAYS: Type.Integer({ minimum: 1, maximum: 20, default: 1 }),
  PREREVIEW_CLAIM_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30 }),
  PREREVIEW_TOLERANCE_MAX_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 60 }),
  /** How often the 容缺 reminder job runs (reminders go out from the day before the promise); 0 = not on this instance. */
  TOLERANCE_REMINDER_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 86400, default: 600 }),
  /** Ratings (好差评): working days to rectify a 差评, and how often the system-default job runs (0 = not on this instance). */
  RATING_RECTIFY_DAYS: Type.Integer({ minimum: 1, maximum: 30, default: 5 }),
  RATING_DEFAULT_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 86400, default: 600 }),
  /** Payment (缴费): payment starts per citizen per hour (429 beyond), minutes a started WeChat Pay order stays payable, how often the reconcile job runs (0 = not on this instance). */
  PAYMENT_START_HOURLY_LIMIT: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  PAYMENT_ATTEMPT_MINUTES: Type.Integer({ minimum: 5, maximum: 120, default: 30 }),
  PAYMENT_RECONCILE_INTERVAL_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
  /** H5 payment: app pages WeChat's cashier may return to (comma-separated paths), and the app's H5 base they are appended to (e.g. https://app.example.gov.cn/#). */
  PAYMENT_RETURN_PATHS: Type.String({ default: '/packages/payment/pages/result/index', pattern: '^/[^,\\s?#]*(,\\s*/[^,\\s?#]*)*$' }),
  PAYMENT_H5_RETURN_BASE: Type.String({ default: '', pattern: '^(https?://[^\\s?]+)?$' }),
  /**
   * WeChat Pay APIv3 (直连商户). All optional: without WECHATPAY_MCHID online payment is "not available".
   * With it, the API v3 key (32 bytes), the merchant certificate serial, the merchant private key
   * (inline PEM or a path to apiclient_key.pem), the notify URL, and WeChat Pay's verification keys are
   * required: WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY (微信支付公钥, inline PEM or path) and/or
   * WECHATPAY_PLATFORM_CERTS (平台证书: comma-separated paths or inline PEM). WECHATPAY_APPID defaults to WECHAT_APPID.
   */
  WECHATPAY_API_BASE: Type.String({ ...Url, default: 'https://api.mch.weixin.qq.com' }),
  WECHATPAY_MCHID: Type.String({ default: '', pattern: '^(\\d{1,32})?$' }),
  WECHATPAY_APPID: Type.String({ default: '' }),
  WECHATPAY_API_V3_KEY: Type.String({ default: '' }),
  WECHATPAY_MERCHANT_SERIAL: Type.String({ default: '', pattern: '^([0-9A-Fa-f]{1,64})?$' }),
  WECHATPAY_PRIVATE_KEY: Type.String({ default: '' }),
  WECHATPAY_PUBLIC_KEY_ID: Type.String({ default: '', pattern: '^(PUB_KEY_ID_[0-9A-Za-z]+)?$' }),
  WECHATPAY_PUBLIC_KEY: Type.String({ default: '' }),
  WECHATPAY_PLATFORM_CERTS: Type.String({ default: '' }),
  /** Where WeChat Pay POSTs payment (and, unless WECHATPAY_REFUND_NOTIFY_URL, refund) notifications; https in production. */
  WECHATPAY_NOTIFY_URL: Type.String({ default: '' }),
  WECHATPAY_REFUND_NOTIFY_URL: Type.String({ default: '' }),
  WECHATPAY_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 60_000, default: 10_000 }),
  SEED_DEMO: Type.Boolean({ default: false }),
  /**
   * The reverse proxies in front of the API, whose X-Forwarded-For is believed (the client address
   * keys the abuse limits): empty = none (the connecting address is the client); a hop count (e.g. 1);
   * or comma-separated addresses / CIDRs (e.g. 10.0.0.0/8,192.168.1.5; also loopback, linklocal, uniquelocal).
   */
  TRUST_PROXY: Type.String({ default: '' }),
  /**
   * Browser origins (scheme://host[:port], comma-separated) allowed to call the API from
   * another origin; empty = none (the city app is served from the API's own origin).
   */
  CORS_ORIGINS: Type.String({ default: '', pattern: '^(https?://[^\\s,/]+(,\\s*https?://[^\\s,/]+)*)?$' }),
})

export type Config = Static<typeof ConfigSchema>

export class ConfigError extends Error {}

/** Validates `env` (strings) into a typed Config, or throws naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(ConfigSchema.properties)
  const raw: Record<string, unknown> = {}
  for (const key of known) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw)) as Record<string, unknown>
  // Checked one setting at a time, so every bad variable is named once.
  const problems: string[] = []
  for (const [name, schema] of Object.entries(ConfigSchema.properties) as [string, TSchema & { anyOf?: { const: string }[] }][]) {
    const value = converted[name]
    if (value === undefined || Value.Check(schema, value)) continue
    const why = schema.anyOf ? `must be one of ${schema.anyOf.map((x) => x.const).join(', ')}` : [...Value.Errors(schema, value)][0]?.message
    problems.push(`  ${name}=${JSON.stringify(raw[name] ?? '')}: ${why}`)
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`)
  const config = converted as Config
  const secretsWithout = (a: string, b: string) => (config[a as keyof Config] === '') !== (config[b as keyof Config] === '')
  if (secretsWithout('WECHAT_APPID', 'WECHAT_SECRET')) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APPID and WECHAT_SECRET must be set together')
  }
  if (secretsWithout('SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET')) {
    throw new ConfigError('Invalid configuration:\n  SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET must be set together')
  }
  const wechatPayProblem = wechatPaySettingsProblem(config)
  if (wechatPayProblem) throw new ConfigError(`Invalid configuration:\n  ${wechatPayProblem}`)
  // Checked apart from the schema so a rejected secret is never echoed into the log.
  if (config.FILE_URL_SECRET !== '' && config.FILE_URL_SECRET.length < 32) {
    throw new ConfigError('Invalid configuration:\n  FILE_URL_SECRET must be at least 32 characters (or unset for a key kept in the database)')
  }
  const trustProxyProblem = trustProxyOf(config.TRUST_PROXY).problem
  if (trustProxyProblem) throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY=${JSON.stringify(config.TRUST_PROXY)}: ${trustProxyProblem}`)
  if (config.UPLOAD_MAX_FILE_BYTES > config.UPLOAD_MAX_PREREVIEW_BYTES) {
    throw new ConfigError('Invalid configuration:\n  UPLOAD_MAX_FILE_BYTES must not exceed UPLOAD_MAX_PREREVIEW_BYTES')
  }
  return config
}

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * TRUST_PROXY as Fastify's `trustProxy`, or what is wrong with it: false, the trusted
 * addresses, or for a hop count the rule Fastify applies to one (trust the nearest n hops).
 */
export function trustProxyOf(value: string): { trustProxy: false | string[] | ((address: string, hop: number) => boolean); problem?: string } {
  const text = value.trim()
  if (text === '') return { trustProxy: false }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops < 1 || hops > 10) return { trustProxy: false, problem: 'a hop count must be between 1 and 10' }
    return { trustProxy: (_address: string, hop: number) => hop < hops }
  }
  if (/^(true|false|yes|no|on|off)$/i.test(text)) {
    return { trustProxy: false, problem: 'give the proxy addresses (comma-separated IPs or CIDRs) or a hop count, not a switch: trusting every address lets any client fake its address' }
  }
  const entries = text.split(',').map((e) => e.trim())
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.has(entry)) continue
    const [address, prefix, extra] = entry.split('/')
    const family = isIP(address ?? '')
    const bits = family === 4 ? 32 : 128
    if (family === 0 || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      return { trustProxy: false, problem: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.1 or 10.0.0.0/8)` }
    }
  }
  return { trustProxy: entries }
}

/** WeChat Pay settings are all-or-nothing once WECHATPAY_MCHID is set; values are never echoed. */
function wechatPaySettingsProblem(config: Config): string | null {
  if (config.WECHATPAY_MCHID === '') return null
  const missing: string[] = (['WECHATPAY_API_V3_KEY', 'WECHATPAY_MERCHANT_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_NOTIFY_URL'] as const).filter((k) => config[k] === '')
  if (config.WECHATPAY_APPID === '' && config.WECHAT_APPID === '') missing.push('WECHATPAY_APPID')
  if (missing.length > 0) return `WECHATPAY_MCHID is set, so ${missing.join(', ')} must be set too`
  if (Buffer.byteLength(config.WECHATPAY_API_V3_KEY) !== 32) return 'WECHATPAY_API_V3_KEY must be the 32-character APIv3 key'
  if ((config.WECHATPAY_PUBLIC_KEY_ID === '') !== (config.WECHATPAY_PUBLIC_KEY === '')) return 'WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY must be set together'
  if (config.WECHATPAY_PUBLIC_KEY === '' && config.WECHATPAY_PLATFORM_CERTS === '') {
    return 'WECHATPAY_MCHID is set, so WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY or WECHATPAY_PLATFORM_CERTS must be set to verify WeChat Pay'
  }
  for (const name of ['WECHATPAY_NOTIFY_URL', 'WECHATPAY_REFUND_NOTIFY_URL'] as const) {
    if (config[name] !== '' && !/^https?:\/\/[^\s?#]+$/.test(config[name])) return `${name} must be an http(s) URL without query (https in production)`
  }
  return null
}
