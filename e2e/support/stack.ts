/**
 * The whole product for one test file, on free ports of 127.0.0.1: a seeded
 * database, the WeChat and SMS protocol simulators, the platform API listening
 * for real, and the built city app (dist/h5) behind its same-origin proxy.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { startTestApp } from '../../server/test/testApp'
import type { SmsSimulator } from '../../mock/sms/simulator'
import type { WechatSimulator } from '../../mock/wechat/simulator'
import type { WechatPaySimulator } from '../../mock/wechatpay/simulator'
import { createServer } from 'node:net'
import type { Database } from '../../server/src/db/client'
import { startH5Server } from '../../scripts/h5Server'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The built apps under test; E2E_H5_DIST / E2E_WEAPP_DIST point elsewhere (e.g. a copy while src/ is being rebuilt). */
export const h5Dist = process.env.E2E_H5_DIST ?? join(projectRoot, 'dist/h5')
export const weappDist = process.env.E2E_WEAPP_DIST ?? join(projectRoot, 'dist/weapp')

export interface Stack {
  /** Origin of the platform API, e.g. http://127.0.0.1:41234 (no trailing slash). */
  apiUrl: string
  /** Origin of the city app (H5) with /api proxied; undefined when started with { h5: false }. */
  h5Url?: string
  wechat: WechatSimulator
  sms: SmsSimulator
  /** The WeChat Pay simulator (cashier page, /__sim/native/scan, /__sim/request-payment). */
  pay: WechatPaySimulator
  /** The stack's own database, for a journey that must set up what no API offers (e.g. a booking moved to today). */
  database: Database
  close(): Promise<void>
}

/** Starts everything; on a failure part-way, stops what already started and rethrows. */
/** `env`: extra server settings (config.ts names), e.g. WeChat subscribe-message template ids. */
/** `payReturnToApp`: WeChat Pay's H5 cashier returns to this stack's app (PAYMENT_H5_RETURN_BASE = the H5 origin). */
export async function startStack(opts: { h5?: boolean; env?: Record<string, string>; payReturnToApp?: boolean } = {}): Promise<Stack> {
  const closers: Array<() => Promise<unknown>> = []
  const close = async () => {
    // Reverse start order; keep going past a failing closer so nothing is left running.
    const errors: unknown[] = []
    for (const fn of closers.splice(0).reverse()) await fn().catch((e: unknown) => errors.push(e))
    if (errors.length) throw errors[0]
  }
  try {
    const h5Root = h5Dist
    if (opts.h5 !== false && !existsSync(join(h5Root, 'index.html'))) {
      throw new Error(`${h5Root}/index.html is missing: run \`npm run build:h5\` first`)
    }
    // The H5 origin must be known before the API starts when the cashier is to return to it.
    const h5Port = opts.payReturnToApp && opts.h5 !== false ? await freePort() : 0
    const payEnv: Record<string, string> = h5Port ? { PAYMENT_H5_RETURN_BASE: `http://127.0.0.1:${h5Port}` } : {}
    // The same API, database and simulators as the server's own tests, listening for real.
    const server = await startTestApp({ LOG_LEVEL: 'silent', ...payEnv, ...opts.env })
    closers.push(() => server.close())
    const { app, wechat, sms, pay } = server
    const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 })

    let h5Url: string | undefined
    if (opts.h5 !== false) {
      const h5 = await startH5Server({ root: h5Root, apiUrl, host: '127.0.0.1', port: h5Port })
      closers.push(() => h5.close())
      h5Url = h5.url
    }
    return { apiUrl, h5Url, wechat, sms, pay, database: server.db.database, close }
  } catch (error) {
    await close().catch(() => undefined)
    throw error
  }
}

/** A port free right now on 127.0.0.1 (for a server whose address must be known before it starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** JSON over real HTTP to the API, for assertions beside what the UI shows. */
export async function api<T = any>(
  stack: Pick<Stack, 'apiUrl'>,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {}
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: keep the text for the failure message.
  }
  return { status: res.status, body: body as T }
}
