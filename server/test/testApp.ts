/**
 * The whole API as tests use it: a real database, the real WeChat and SMS
 * clients pointed at the protocol simulators, driven through app.inject.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/app'
import { loadConfig, type Config } from '../src/config'
import { smsFromConfig, wechatFromConfig } from '../src/integrations/fromConfig'
import { startSmsSimulator, type SmsSimulator, type SmsSimulatorOptions } from '../../mock/sms/simulator'
import { startWechatSimulator, type WechatSimulator, type WechatSimulatorOptions } from '../../mock/wechat/simulator'
import { openTestDatabase, type TestDatabase } from './testDatabase'

export interface TestApp {
  app: FastifyInstance
  db: TestDatabase
  config: Config
  wechat: WechatSimulator
  sms: SmsSimulator
  close(): Promise<void>
}

const credentials = { appId: 'wxtest0000000001', appSecret: 'test-secret', accessKeyId: 'test-key', accessKeySecret: 'test-key-secret' }

/** Extra simulator options (a clock, subscribe templates, SMS templates); credentials are fixed. */
export interface SimulatorOptions {
  wechat?: Omit<WechatSimulatorOptions, 'appId' | 'appSecret'>
  sms?: Omit<SmsSimulatorOptions, 'accessKeyId' | 'accessKeySecret'>
}

export async function startTestApp(env: Record<string, string> = {}, simulators: SimulatorOptions = {}): Promise<TestApp> {
  const [db, wechat, sms] = await Promise.all([
    openTestDatabase(),
    startWechatSimulator({ ...simulators.wechat, appId: credentials.appId, appSecret: credentials.appSecret }),
    startSmsSimulator({ ...simulators.sms, accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret }),
  ])
  const config = loadConfig({
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: credentials.appId,
    WECHAT_SECRET: credentials.appSecret,
    SMS_ENDPOINT: sms.url,
    SMS_ACCESS_KEY_ID: credentials.accessKeyId,
    SMS_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    ...env,
  })
  const app = await buildApp({
    config,
    database: db.database,
    storage: db.storage,
    wechat: wechatFromConfig(config),
    sms: smsFromConfig(config),
    logger: false,
  })
  return {
    app,
    db,
    config,
    wechat,
    sms,
    async close() {
      await app.close()
      await Promise.all([db.close(), wechat.close(), sms.close()])
    },
  }
}

export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T

/** Signs a citizen in by phone through the real SMS path; returns the bearer header. */
export async function signInByPhone(t: TestApp, phone: string): Promise<{ authorization: string; token: string }> {
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/sms-codes', payload: { phone } })
  if (sent.statusCode !== 200) throw new Error(`sms-codes ${sent.statusCode} ${sent.body}`)
  const code = t.sms.latestCode(phone)
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms', payload: { phone, code } })
  if (res.statusCode !== 200) throw new Error(`sms login ${res.statusCode} ${res.body}`)
  const token = res.json().token as string
  return { token, authorization: `Bearer ${token}` }
}

export async function signInStaff(t: TestApp, username: string, password = 'Paoyici@2026'): Promise<{ authorization: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`staff login ${res.statusCode} ${res.body}`)
  return { authorization: `Bearer ${res.json().token}` }
}
