/**
 * The whole API as tests use it: a real database, the real WeChat and SMS
 * clients pointed at the protocol simulators, driven through app.inject.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../src/app'
import { loadConfig, type Config } from '../src/config'
import { smsFromConfig, wechatFromConfig, wechatPayFromConfig } from '../src/integrations/fromConfig'
import { startSmsSimulator, type SmsSimulator, type SmsSimulatorOptions } from '../../mock/sms/simulator'
import { startWechatSimulator, type WechatSimulator, type WechatSimulatorOptions } from '../../mock/wechat/simulator'
import { startWechatPaySimulator, type WechatPaySimulator, type WechatPaySimulatorOptions } from '../../mock/wechatpay/simulator'
import * as payKeys from '../src/integrations/wechatpay/testKeys'
import { openTestDatabase, type TestDatabase } from './testDatabase'

export interface TestApp {
  app: FastifyInstance
  db: TestDatabase
  config: Config
  wechat: WechatSimulator
  sms: SmsSimulator
  /** The WeChat Pay simulator: its notifications reach this app through app.inject (POST to the notify URL's path). */
  pay: WechatPaySimulator
  close(): Promise<void>
}

export const credentials = { appId: 'wxtest0000000001', appSecret: 'test-secret', accessKeyId: 'test-key', accessKeySecret: 'test-key-secret' }

/** Extra simulator options (a clock, subscribe templates, SMS templates); credentials are fixed. */
export interface SimulatorOptions {
  wechat?: Omit<WechatSimulatorOptions, 'appId' | 'appSecret'>
  sms?: Omit<SmsSimulatorOptions, 'accessKeyId' | 'accessKeySecret'>
  /** Switches, clock, retry delays (default 50/100/200 ms), refund completion; keys and ids are fixed. */
  wechatPay?: Pick<WechatPaySimulatorOptions, 'now' | 'notifications' | 'retryDelaysMs' | 'refundCompletion' | 'deliver'>
}

/** The WeChat Pay merchant of every test app (test-only keys; the simulator signs with the PUB_KEY_ID key). */
export const WECHATPAY_NOTIFY_PATH = '/api/payments/wechat/notify'
export const payCredentials = {
  mchId: payKeys.TEST_MCHID,
  appIds: [credentials.appId],
  apiV3Key: payKeys.TEST_API_V3_KEY,
  merchantSerial: payKeys.TEST_MERCHANT_SERIAL,
  merchantPublicKey: payKeys.TEST_MERCHANT_PUBLIC_KEY_PEM,
  platformKeys: [{ id: payKeys.TEST_PUB_KEY_ID, privateKey: payKeys.TEST_PUB_KEY_PRIVATE_KEY_PEM }],
}

/** The settings that point the real WeChat, SMS and WeChat Pay clients at the simulators. */
export function simulatorEnv(wechat: { url: string }, sms: { url: string }, pay: { url: string }): Record<string, string> {
  return {
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: credentials.appId,
    WECHAT_SECRET: credentials.appSecret,
    SMS_ENDPOINT: sms.url,
    SMS_ACCESS_KEY_ID: credentials.accessKeyId,
    SMS_ACCESS_KEY_SECRET: credentials.accessKeySecret,
    WECHATPAY_API_BASE: pay.url,
    WECHATPAY_MCHID: payKeys.TEST_MCHID,
    WECHATPAY_APPID: credentials.appId,
    WECHATPAY_API_V3_KEY: payKeys.TEST_API_V3_KEY,
    WECHATPAY_MERCHANT_SERIAL: payKeys.TEST_MERCHANT_SERIAL,
    WECHATPAY_PRIVATE_KEY: payKeys.TEST_MERCHANT_PRIVATE_KEY_PEM,
    WECHATPAY_PUBLIC_KEY_ID: payKeys.TEST_PUB_KEY_ID,
    WECHATPAY_PUBLIC_KEY: payKeys.TEST_PUB_KEY_PEM,
    WECHATPAY_NOTIFY_URL: `https://api.paoyici.test${WECHATPAY_NOTIFY_PATH}`,
  }
}

/**
 * logStream: the app logs (at LOG_LEVEL) into it instead of not at all.
 * sharedDatabase: run on another test app's database (a second API instance);
 * that app closes it, this one leaves it open.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  simulators: SimulatorOptions = {},
  { logStream, sharedDatabase }: { logStream?: { write(line: string): void }; sharedDatabase?: TestDatabase } = {},
): Promise<TestApp> {
  let app: FastifyInstance | null = null
  const [db, wechat, sms, pay] = await Promise.all([
    sharedDatabase ?? openTestDatabase(),
    startWechatSimulator({ ...simulators.wechat, appId: credentials.appId, appSecret: credentials.appSecret }),
    startSmsSimulator({ ...simulators.sms, accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret }),
    startWechatPaySimulator({
      retryDelaysMs: [50, 100, 200],
      // Notifications go into this app as WeChat Pay would POST them: raw JSON body, Wechatpay-* headers.
      deliver: async (url, headers, body) => {
        if (!app) return { status: 503 }
        const target = new URL(url)
        const res = await app.inject({ method: 'POST', url: `${target.pathname}${target.search}`, headers: { ...headers, 'content-type': 'application/json' }, payload: body })
        return { status: res.statusCode }
      },
      ...simulators.wechatPay,
      ...payCredentials,
    }),
  ])
  const config = loadConfig({
    ...simulatorEnv(wechat, sms, pay),
    ...env,
  })
  app = await buildApp({
    config,
    database: db.database,
    storage: db.storage,
    wechat: wechatFromConfig(config),
    sms: smsFromConfig(config),
    wechatPay: wechatPayFromConfig(config),
    logger: Boolean(logStream),
    logStream,
  })
  return {
    app,
    db,
    config,
    wechat,
    sms,
    pay,
    async close() {
      await pay.close()
      await app?.close()
      await Promise.all([sharedDatabase ? null : db.close(), wechat.close(), sms.close()])
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
