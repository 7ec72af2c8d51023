/**
 * Configuration, read once from the environment and validated at boot: a bad
 * setting stops the server with a message naming the variable.
 */
import { Type, type Static, type TSchema } from 'typebox'
import { Value } from 'typebox/value'

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
  SEED_DEMO: Type.Boolean({ default: false }),
  TRUST_PROXY: Type.Boolean({ default: false }),
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
  return config
}
